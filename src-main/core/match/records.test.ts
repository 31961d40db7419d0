/**
 * Records and superlatives against dated precedents: temperatures written "46.9C", a
 * record whose noun comes first ("temperature record"), a restriction the precedent's
 * paragraph states, and several superlatives outdone by one precedent. Articles invented
 * for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const novelty = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent').map((c) => c.explanation);

describe('temperatures', () => {
  it('reads "46.9C (116.4F)" as two temperatures and compares it with "46,4 degrees Celsius"', () => {
    const r = story(
      ' date 2026-08-13 Heat record\n\nA station at Valdemora recorded 46.9C (116.4F) on Wednesday, the weather agency said.\n',
      ' date 2026-08-13 Heat\n\nThe thermometer at the Valdemora station rose on Wednesday to 46,4 degrees Celsius, the weather agency said.\n',
    );
    const quotes = r.desk.claims.filter((c) => c.kind === 'figure').map((c) => c.quote);
    expect(quotes).toEqual(expect.arrayContaining(['46.9C', '116.4F']));
    const figures = r.result.conflicts.filter((c) => c.kind === 'figure_mismatch').map((c) => c.explanation);
    expect(figures.join('\n')).toMatch(/46\.9C/);
    expect(figures.join('\n')).toMatch(/46,4/);
    expect(figures.join('\n')).not.toMatch(/116\.4F/);
  });
});

describe('records against precedents', () => {
  const wire =
    ' date 2026-08-13 Demand peaks\n\nGrid operator Norvel Grid said national electricity demand peaked at 41,370 megawatts on Wednesday. That was the highest summer demand since 2015, though short of the all-time peak of 45,450 MW set in December 2007.\n\nHospitals reported 312 deaths linked to the heat this week.\n';
  it('finds a record for the grid contradicted by a peak whose paragraph names the grid', () => {
    const r = story(
      wire,
      ' date 2026-08-13 Explainer\n\nOn Wednesday, demand on the national network reached 41,370 megawatts, a new all-time record for the national grid.\n',
    );
    const found = novelty(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/45,450 MW/);
  });

  it('makes one disagreement of several records outdone by the same precedent', () => {
    const r = story(
      wire,
      ' date 2026-08-13 Explainer\n\nOn Wednesday, demand on the national network reached 41,370 megawatts, a new all-time record for the national grid.\n',
      ' date 2026-08-13 Live\n\n14:10 GMT – Power demand hit a record 41,370 megawatts, the grid operator said.\n',
    );
    expect(novelty(r)).toHaveLength(1);
  });

  it('does not set a temperature record or a bare "record" against a count of deaths', () => {
    const r = story(
      wire,
      ' date 2026-08-13 Live\n\n12:00 GMT – Valdemora breaks regional temperature record as power demand surges.\n\n"Nobody should think the worst is over because the record has fallen," the agency said.\n',
      ' date 2026-08-14 Explainer\n\nIn the summer of 2022 the monitor attributed 4,655 deaths across the country to heat.\n',
    );
    expect(novelty(r).join('\n')).not.toMatch(/4,655/);
  });
});

describe('an area burned years ago', () => {
  it('is another fire’s, never set against this fire’s acreage', () => {
    const r = story(
      ' date 2026-09-07 Fire grows\n\nThe fire has burned 238,400 acres, officials said.\n',
      ' date 2026-09-08 Feature\n\nIn 2020 a fire burned 251,300 acres, officials said.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'count_mismatch')).toEqual([]);
  });
});

describe('an unscoped first against the same first "since YEAR"', () => {
  it('sets a first with no window against the same first "since 1994" alone', () => {
    const r = story(
      " date 2026-03-02 Ferries halted\n\nThe shutdown is the first complete halt of the ferry network in the operator's history, the company said.\n",
      ' date 2026-03-02 Ferries\n\nIt is the first complete halt of the ferry network since 1994, the union said.\n',
    );
    const found = novelty(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/first since 1994/);
  });

  it('sets "the first … in its history" against "the first … since 1991" and the dated 1991 passage', () => {
    const r = story(
      " date 2026-03-02 Ferries halted\n\nThe shutdown of every ferry route is the first complete halt of the ferry network in the operator's history, the company said.\n",
      ' date 2026-03-02 Ferries\n\nIt is the first complete halt of the ferry network since 1991, the union said.\n',
      ' date 2026-03-03 Explainer\n\nIn 1991 a fuel dispute stopped the whole ferry network for four days.\n',
    );
    const found = novelty(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/1991/);
    const conflict = r.result.conflicts.find((c) => c.kind === 'novelty_vs_precedent')!;
    const sources = (ids: number[]) =>
      ids.map((id) => r.desk.sources.get(r.desk.claims.find((c) => c.id === id)!.articleId)!.slice(0, 2));
    const [a, b] = [sources(conflict.sideA), sources(conflict.sideB)];
    // The unscoped first on one side; the scoped first and the dated passage on the other.
    expect([a, b].find((s) => s.includes('01'))).toEqual(['01']);
    expect([a, b].find((s) => !s.includes('01'))).toEqual(expect.arrayContaining(['02', '03']));
  });

  it('does not tie two firsts by a word the whole story uses', () => {
    const club =
      'The club sold 4,000 shirts on Monday. The club has 31 players. The club made £12m last year. The club hired 40 staff. ';
    const r = story(
      ` date 2026-07-03 Signing\n\n${club}It is the first time a club has paid a guaranteed fee above £90m.\n`,
      ` date 2026-07-03 Profile\n\n${club}It is the first time since 1981 that the club has won the league.\n`,
    );
    expect(novelty(r)).toEqual([]);
  });

  it('leaves alone a first scoped since a year its window does not reach, a record held by an older event, and two different things ranked', () => {
    const r = story(
      ' date 2026-03-02 Markets\n\nThe index closed at its highest level in five years, traders said. The 1987 crash, which remains the largest fall on record, is still taught to traders.\n',
      ' date 2026-03-02 Markets\n\nThe index is at its highest since 2014. Unemployment is the highest since 2019.\n',
      ' date 2026-03-02 Markets\n\nIt was the largest fall since 1999.\n',
    );
    expect(novelty(r)).toEqual([]);
  });
});
