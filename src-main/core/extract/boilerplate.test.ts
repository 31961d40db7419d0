/**
 * Which lines are kept but marked as not the article's prose.
 */
import { describe, expect, it } from 'vitest';
import { isTeaserHead, paragraphBoilerplate, sentenceBoilerplate } from './boilerplate';

describe('boilerplate', () => {
  it('recognises captions, credits, image files, bylines and sign-offs', () => {
    expect(paragraphBoilerplate('Leaders at the summit in Hanoi. (Photo: VNA)')).toBe('caption');
    expect(paragraphBoilerplate('Delegates pose after the talks. Photo: Reuters')).toBe('caption');
    expect(paragraphBoilerplate('summit-2024_final.JPG')).toBe('image-file');
    expect(paragraphBoilerplate('By Maria Gonzalez')).toBe('byline');
    expect(paragraphBoilerplate('VNA')).toBe('sign-off');
    expect(sentenceBoilerplate('— VNS')).toBe('sign-off');
    expect(sentenceBoilerplate('(Photo: baochinhphu.vn)')).toBe('credit');
  });

  it('leaves prose alone', () => {
    expect(
      paragraphBoilerplate('By 2030 the port will handle twice as much cargo, the minister said.'),
    ).toBeNull();
    expect(paragraphBoilerplate('The photo exhibition opened on Monday.')).toBeNull();
    expect(
      paragraphBoilerplate('By Wednesday evening, six people were still missing, police said.'),
    ).toBeNull();
    expect(paragraphBoilerplate('By the Ledger business desk')).toBe('byline');
    expect(isTeaserHead('See more')).toBe(true);
    expect(isTeaserHead('Related news:')).toBe(true);
    expect(isTeaserHead('See more of the city this summer')).toBe(false);
  });
});
