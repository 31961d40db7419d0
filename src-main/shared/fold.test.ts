import { describe, expect, it } from 'vitest';
import { foldKey, foldSameLength } from './fold';

describe('foldKey', () => {
  it('matches names with and without diacritics', () => {
    expect(foldKey('Tô Lâm')).toBe(foldKey('To Lam'));
    expect(foldKey('Bùi Thanh Sơn')).toBe('bui thanh son');
    expect(foldKey('Việt Nam')).toBe('viet nam');
  });
  it('maps the d with stroke, which Unicode does not decompose', () => {
    expect(foldKey('Đà Nẵng')).toBe('da nang');
    expect(foldKey('Lê Duẩn')).toBe(foldKey('Le Duan'));
  });
  it('folds the Polish, Turkish and Nordic letters that have no decomposition', () => {
    expect(foldKey('Łukasz Wałęsa')).toBe('lukasz walesa');
    expect(foldKey('Barış Yıldırım')).toBe('baris yildirim');
    expect(foldKey('Søren Ærø')).toBe('soren aero');
  });
});

describe('foldSameLength', () => {
  it('keeps every offset', () => {
    const text = 'Bùi Thanh Sơn met Tô Lâm in Đà Nẵng… “quoted” 😀 end';
    const folded = foldSameLength(text);
    expect(folded.length).toBe(text.length);
    expect(folded.slice(text.indexOf('Sơn'), text.indexOf('Sơn') + 3)).toBe('Son');
    expect(folded.slice(text.indexOf('Đà'), text.indexOf('Đà') + 2)).toBe('Da');
  });
});
