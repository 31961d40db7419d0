/**
 * A desk written by the schema before resolutions named a value (a resolution then
 * named one claim) opens with every decision, note and history entry, and its
 * resolutions read as values: the claim's cluster is the right value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from './open';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { sql as correctValue } from './migrations/007-correct-value';
import { DeskService } from '../service';
import { rightClusterOfDetail } from '../../shared/value-clusters';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-value-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIER = 'Pier crowd\n\nThe pier festival drew 12,000 visitors on Saturday, organisers said.';
const GATE = 'Gate counts\n\nTurnstiles at the pier festival logged 8,000 visitors on Saturday.';
const TICKETS = 'Ticket office\n\nThe ticket office sold entry to 8,000 visitors on the opening day.';

describe('a desk from the schema before value resolutions', () => {
  it('opens with its decisions, notes and history, and reads each resolution as the value of its claim', async () => {
    const path = join(dir, 'previous.claimdesk');
    const old = new Database(path);
    const before = MIGRATIONS.indexOf(correctValue);
    expect(before).toBe(SCHEMA_VERSION - 1);
    for (const m of MIGRATIONS.slice(0, before)) old.exec(m);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma(`user_version = ${before}`);
    const now = '2026-11-20T10:00:00.000Z';
    const article = old.prepare(
      `INSERT INTO articles (id, title, outlet, source, text, content_hash, imported_at, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    article.run(1, 'Pier crowd', 'Harbour Times', 'pier.txt', PIER, 'h1', now, 1);
    article.run(2, 'Gate counts', 'Gull Gazette', 'gate.txt', GATE, 'h2', now, 2);
    article.run(3, 'Ticket office', 'Quay Radio', 'tickets.txt', TICKETS, 'h3', now, 3);
    old.prepare("INSERT INTO facts (id, key, label) VALUES (1, 'visitors', 'Pier festival visitors')").run();
    const claim = old.prepare(
      `INSERT INTO claims (id, article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, value, fact_id)
       VALUES (?, ?, 'count', ?, ?, ?, '', '', ?, ?, ?, 1)`,
    );
    const count = (id: number, articleId: number, text: string, n: number, quote: string) => {
      const start = text.indexOf(quote);
      const sentence = text.indexOf('\n\n') + 2;
      claim.run(
        id,
        articleId,
        start,
        start + quote.length,
        quote,
        sentence,
        text.length,
        JSON.stringify({
          type: 'count',
          count: n,
          noun: 'visitor',
          approx: 'exact',
          period: null,
          display: quote,
        }),
      );
    };
    count(1, 1, PIER, 12000, '12,000 visitors');
    count(2, 2, GATE, 8000, '8,000 visitors');
    count(3, 3, TICKETS, 8000, '8,000 visitors');
    const conflict = old.prepare(
      `INSERT INTO conflicts (id, key, fact_id, kind, status, explanation, reason, correct_claim_id, correct_neither, evidence, evidence_items, value_sig, severity, created_at, updated_at)
       VALUES (?, ?, 1, 'count_mismatch', ?, ?, ?, ?, ?, ?, ?, NULL, 0.5, ?, ?)`,
    );
    // Resolved on the gate count's claim; the ticket office gives the same value.
    conflict.run(
      1,
      'count_mismatch|fact|visitors',
      'resolved',
      'Pier festival visitors: 12,000 vs 8,000.',
      null,
      2,
      0,
      'https://turnstiles.example/day1',
      JSON.stringify([{ url: 'https://turnstiles.example/day1', title: 'Turnstile log', passage: null }]),
      now,
      now,
    );
    conflict.run(
      2,
      'manual|1|3',
      'dismissed',
      'Editor flag.',
      'Same figure, another day.',
      null,
      0,
      null,
      null,
      now,
      now,
    );
    const side = old.prepare('INSERT INTO conflict_claims (conflict_id, claim_id, side) VALUES (?, ?, ?)');
    side.run(1, 1, 'a');
    side.run(1, 2, 'b');
    side.run(1, 3, 'b');
    side.run(2, 1, 'a');
    side.run(2, 3, 'b');
    old
      .prepare(
        "INSERT INTO notes (target_type, target_id, body, editor, created_at) VALUES ('conflict', 1, 'Turnstiles beat estimates.', 'Ana', ?)",
      )
      .run(now);
    old
      .prepare(
        `INSERT INTO history (at, actor, action, target_type, target_id, before, after)
         VALUES (?, 'Ana', 'conflict:resolve', 'conflict', 1, '[]', '[]'), (?, 'Ben', 'conflict:dismissed', 'conflict', 2, '[]', '[]')`,
      )
      .run(now, now);
    old.close();

    const service = new DeskService({ defaultActor: 'tester' });
    try {
      const info = service.open(path);
      expect(info.schemaVersion).toBe(SCHEMA_VERSION);
      const h = service.handlers();

      const resolved = await h['conflicts:get']({ id: 1 });
      expect(resolved.status).toBe('resolved');
      expect(resolved.correctClaimId).toBe(2);
      expect(resolved.correctSide).toBe('b');
      expect(resolved.evidenceItems).toEqual([
        { url: 'https://turnstiles.example/day1', title: 'Turnstile log', passage: null },
      ]);
      expect(resolved.notes.map((n) => [n.editor, n.body])).toEqual([['Ana', 'Turnstiles beat estimates.']]);
      expect(resolved.history.map((e) => [e.actor, e.action])).toEqual([['Ana', 'conflict:resolve']]);
      // The claim's value is the right one: both articles giving 8,000 count as right.
      const right = rightClusterOfDetail(resolved)!;
      expect(right.claimIds.sort()).toEqual([2, 3]);
      expect(right.outlets).toEqual(['Gull Gazette', 'Quay Radio']);

      const dismissed = await h['conflicts:get']({ id: 2 });
      expect([dismissed.status, dismissed.reason]).toEqual(['dismissed', 'Same figure, another day.']);
      expect((await h['history:list']({})).map((e) => e.actor).sort()).toEqual(['Ana', 'Ben']);

      const md = (await h['export:run']({ format: 'md', scope: 'desk', includeDismissed: true })).data;
      expect(md).toContain(
        '**Right version:** Side B: “8,000 visitors”, as Gull Gazette and Quay Radio report (2 articles).',
      );
      expect(md).toContain('Reason: Same figure, another day.');
    } finally {
      service.close();
    }
  });
});
