/**
 * Every value the extractor writes passes the schema the contract checks editors'
 * values against: one shape, whoever made the claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { claimValueSchema } from '../../shared/value-schema';
import { extractArticle } from './index';

const root = resolve(import.meta.dirname, '../../..');
const folders = [
  resolve(root, '../shared/corpus/seeds'),
  resolve(root, 'resources/samples'),
  ...readdirSync(resolve(root, 'test-stories')).map((d) => resolve(root, 'test-stories', d)),
];

describe('extracted values', () => {
  it('all pass the claim value schema', () => {
    let checked = 0;
    for (const dir of folders) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        for (const c of extractArticle({ text, publishedAt: null }).claims) {
          const r = v.safeParse(claimValueSchema, c.value);
          expect(r.success, `${f}: ${JSON.stringify(c.value)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
