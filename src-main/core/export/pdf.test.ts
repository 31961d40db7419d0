import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { findChromium, htmlToPdf } from './pdf';

describe('PDF notes without Chromium', () => {
  it('say what is missing and how to get it, instead of failing somewhere inside the browser driver', async () => {
    const err = await htmlToPdf('<p>notes</p>', { executablePath: '/nowhere/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('unavailable');
    expect((err as DeskError).message).toMatch(
      /^PDF notes need Chromium, and none was found at \/nowhere\/chromium\./,
    );
    expect((err as DeskError).message).toContain('CLAIMDESK_CHROMIUM');
  });

  it('use the Chromium named by CLAIMDESK_CHROMIUM only when it exists', () => {
    expect(findChromium({ CLAIMDESK_CHROMIUM: '/nowhere/chromium' })).toBeNull();
    expect(findChromium({ CLAIMDESK_CHROMIUM: process.execPath })).toBe(process.execPath);
  });
});
