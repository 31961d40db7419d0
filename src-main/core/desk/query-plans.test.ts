/**
 * The hot queries (the board's page, a conflict's sides, search) must use
 * indexes, never scan the claims table: their speed on a desk of hundreds of
 * thousands of claims depends on it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk } from '../db/open';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-plans-'));
const db = openDesk(join(dir, 'plans.claimdesk'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('query plans', () => {
  it("reads a fact's claims through the fact index", () => {
    const p = plan(
      'SELECT * FROM claims c WHERE c.fact_id = ? AND c.deleted = 0 ORDER BY c.article_id, c.start',
      1,
    );
    expect(p).toMatch(/USING INDEX claims_fact/);
    expect(p).not.toMatch(/SCAN c\b/);
  });

  it("reads a conflict's claims and a claim's conflicts through their keys", () => {
    expect(plan('SELECT * FROM conflict_claims WHERE conflict_id = ?', 1)).toMatch(/USING PRIMARY KEY/);
    expect(plan('SELECT * FROM conflict_claims WHERE claim_id = ?', 1)).toMatch(
      /USING (COVERING )?INDEX conflict_claims_claim/,
    );
  });

  it("finds a fact's conflicts and filters conflicts by status through indexes", () => {
    expect(plan('SELECT id FROM conflicts WHERE fact_id = ?', 1)).toMatch(
      /USING (COVERING )?INDEX conflicts_fact/,
    );
    expect(plan("SELECT id FROM conflicts WHERE status = 'open'")).toMatch(
      /USING (COVERING )?INDEX conflicts_status/,
    );
  });

  it('reads the sentences around a claim through the passage index', () => {
    const p = plan(
      `SELECT start FROM passages WHERE article_id = ? AND kind = 'sentence' AND start < ? ORDER BY start DESC LIMIT 2`,
      1,
      100,
    );
    expect(p).toMatch(/USING INDEX passages_article/);
  });

  it('pages the board through the fact indexes, in every sort order', () => {
    const page = (order: string) =>
      plan(`SELECT f.id, f.label FROM facts f WHERE f.claim_count > 0 ORDER BY ${order} LIMIT 60 OFFSET 600`);
    expect(page('f.conflict_rank, f.label, f.id')).toMatch(/USING INDEX facts_board/);
    expect(page('f.label, f.id')).toMatch(/USING INDEX facts_label/);
    expect(page('f.first_position, f.id')).toMatch(/USING INDEX facts_position/);
    for (const order of ['f.conflict_rank, f.label, f.id', 'f.label, f.id', 'f.first_position, f.id'])
      expect(page(order)).not.toMatch(/USE TEMP B-TREE/);
  });

  it('finds the next import position without scanning the articles', () => {
    expect(plan('SELECT coalesce(max(position), 0) + 1 AS p FROM articles')).toMatch(
      /USING (COVERING )?INDEX articles_position/,
    );
  });

  it('resolves entity aliases by key without a scan', () => {
    expect(plan('SELECT entity_id FROM entity_aliases WHERE key = ?', 'to lam')).toMatch(
      /USING (COVERING )?INDEX entity_aliases_key/,
    );
  });
});
