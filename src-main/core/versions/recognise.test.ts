/**
 * Recognising a revision: canonical addresses, the outlet's "Updated" line, the lead
 * thresholds on the ferry story's revision and near-misses, and the index lookups
 * an import pays for (never a scan of the articles).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDesk } from '../db/open';
import { parseDocument } from '../ingest/formats/index';
import { canonicalUrl, likeness, statedUpdate } from './recognise';

const FIXTURES = join(import.meta.dirname, 'fixtures');
async function doc(name: string) {
  const d = await parseDocument(name, readFileSync(join(FIXTURES, name)));
  return { title: d.meta.title ?? name, text: d.text };
}

describe('canonical address', () => {
  it('drops what does not make another article: tracking, fragment, www, trailing slash, host case', () => {
    expect(
      canonicalUrl('https://WWW.Lakeside-Courier.example/news/orvel-ferry/?utm_source=x&fbclid=y#top'),
    ).toBe('lakeside-courier.example/news/orvel-ferry');
    expect(canonicalUrl('http://lakeside-courier.example/news/orvel-ferry')).toBe(
      'lakeside-courier.example/news/orvel-ferry',
    );
  });
  it('keeps what does: the path and real query parameters', () => {
    expect(canonicalUrl('https://example.org/story?id=12&utm_medium=a')).toBe('example.org/story?id=12');
    expect(canonicalUrl('https://example.org/story?id=13')).not.toBe(
      canonicalUrl('https://example.org/story?id=12'),
    );
    expect(canonicalUrl('https://example.org/Story')).not.toBe(canonicalUrl('https://example.org/story'));
  });
  it('is null for what is not a web address', () => {
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('ftp://example.org/a')).toBeNull();
    expect(canonicalUrl('')).toBeNull();
  });
});

describe('stated update', () => {
  it('reads the outlet’s "Updated" line in its common forms', () => {
    expect(statedUpdate('Headline\n\nUpdated 2025-06-15\n\nBody.')).toBe('2025-06-15');
    expect(statedUpdate('Headline\n\nLast updated: 15 June 2025, 21:40\n\nBody.')).toBe('2025-06-15');
    expect(statedUpdate('Headline\n\nUpdated on June 15, 2025 at 9:40 pm\n\nBody.')).toBe('2025-06-15');
  });
  it('finds none in a sentence that merely uses the word', () => {
    expect(statedUpdate('Headline\n\nThe ministry updated its figures on Monday.')).toBeNull();
  });
});

describe('lead likeness', () => {
  it('puts the revision above the bar and the same outlet’s follow-up and briefing below it', async () => {
    const v1 = await doc('courier-v1.md');
    const revision = likeness(v1, await doc('courier-v2.md'));
    expect(revision.same).toBe(true);
    expect(revision.title).toBeLessThan(0.5); // the headline was rewritten: the lead carries it
    expect(likeness(v1, await doc('courier-followup.md')).same).toBe(false);
    const briefings = likeness(await doc('courier-briefing-1.md'), await doc('courier-briefing-2.md'));
    expect(briefings.title).toBe(1);
    expect(briefings.same).toBe(false);
  });
});

describe('lookups at import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-recognise-'));
  const db = openDesk(join(dir, 'plans.claimdesk'));
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const plan = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');

  it('find an address and lead marks through their indexes', () => {
    expect(
      plan('SELECT id FROM articles WHERE canonical_url = ? AND id != ? ORDER BY id DESC LIMIT 1', 'x', 1),
    ).toMatch(/INDEX articles_canonical_url/);
    expect(
      plan(
        'SELECT m.article_id AS id, count(*) AS n FROM article_marks m WHERE m.mark IN (?, ?, ?) AND m.article_id != ? GROUP BY m.article_id',
        1,
        2,
        3,
        4,
      ),
    ).toMatch(/SEARCH m USING PRIMARY KEY \(mark=\?\)/);
  });
});
