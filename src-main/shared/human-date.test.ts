import { describe, expect, it } from 'vitest';
import { humanDate, humanDisplay } from './human-date';

describe('dates for people', () => {
  it('never print a yearless day as "--04-21"', () => {
    expect(humanDate('--04-21')).toBe('21 April (year not stated)');
    expect(humanDate('--05')).toBe('May (year not stated)');
    expect(humanDisplay('--04-20 – --04-22')).toBe('20 April – 22 April (year not stated)');
    expect(humanDisplay('Wednesday --05-07')).toBe('Wednesday 7 May (year not stated)');
  });

  it('write full and partial dates out, and leave other text alone', () => {
    expect(humanDate('2025-05-09')).toBe('9 May 2025');
    expect(humanDate('2025-05')).toBe('May 2025');
    expect(humanDate('2025')).toBe('2025');
    expect(humanDate(null)).toBe('undated');
    expect(humanDisplay('2025-05-07 – 2025-05-09')).toBe('2025-05-07 – 2025-05-09');
    expect(humanDisplay('-5% drop? no: +5%')).toBe('-5% drop? no: +5%');
    expect(humanDisplay('trade turnover ↑ in recent years')).toBe('trade turnover ↑ in recent years');
  });
});
