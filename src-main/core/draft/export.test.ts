/**
 * The draft back to the writer, read back as a writer's tools read it: the DOCX through
 * mammoth (which shows Word comments when asked to) and through its own XML, the memo
 * as text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { DeskService } from '../service';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');
const DRAFT = resolve(import.meta.dirname, 'fixtures/sample-draft.txt');

let dir: string;
let service: DeskService;
let draftId: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-draft-export-'));
  service = new DeskService({ defaultActor: 'Ana' });
  service.open(join(dir, 'desk.claimdesk'));
  const h = service.handlers();
  await h['articles:import']({ paths: [SAMPLES] });
  draftId = (await h['articles:import']({ paths: [DRAFT] })).imported[0]!.id;
  await h['drafts:mark']({ articleId: draftId, draft: true });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

function unzip(file: string, entry: string): string {
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });
}

describe('DOCX with Word comments', () => {
  it('has one comment per claim needing attention, anchored on the claim’s words, with verdict, sources and note', async () => {
    const h = service.handlers();
    const check = await h['drafts:check']({ id: draftId });
    const scholarships = check.claims.find((c) => c.quote === '25 new scholarships')!;
    await h['drafts:setVerdict']({
      claimId: scholarships.id,
      status: 'unverified',
      note: 'Ask the writer for the ministry release.',
    });
    const file = await h['drafts:export']({ id: draftId, format: 'docx' });
    expect(file.filename).toMatch(/\.docx$/);
    const path = join(dir, file.filename);
    writeFileSync(path, Buffer.from(file.data, 'base64'));

    // The text reads back whole.
    const raw = await mammoth.extractRawText({ path });
    expect(raw.value).toContain('Bilateral trade reached €412.6 million in 2024');

    // Comments, as mammoth shows them: a reference right after each claim's words.
    const html = (await mammoth.convertToHtml({ path }, { styleMap: ['comment-reference => sup'] })).value;
    const attention = check.attention.map((id) => check.claims.find((c) => c.id === id)!);
    expect(attention.map((c) => c.quote)).toEqual([
      'first-ever visit',
      '€412.6 million',
      'about €250 billion',
      '25 new scholarships',
    ]);
    const bodies = [...html.matchAll(/<dt id="comment-(\d+)">.*?<\/dt><dd>(.*?)<\/dd>/g)];
    expect(bodies).toHaveLength(attention.length);
    for (const [i, c] of attention.entries()) {
      expect(html).toContain(`${c.quote}<sup><a href="#comment-${i + 1}"`);
    }
    const body = (n: number) => bodies.find((b) => b[1] === String(n))![2]!;
    expect(body(1)).toContain('CONTRADICTED');
    expect(body(1)).toContain('Castañeda visited Velgrad in 1978');
    expect(body(2)).toContain('Disagrees');
    expect(body(2)).toContain('€386.4 million');
    expect(body(3)).toContain('more than €300 billion');
    expect(body(4)).toContain('UNVERIFIED');
    expect(body(4)).toContain('Ask the writer for the ministry release.');

    // In Word's own XML each comment's range encloses exactly the claim's words.
    const xml = unzip(path, 'word/document.xml');
    for (const [i, c] of attention.entries()) {
      const range = new RegExp(
        `<w:commentRangeStart w:id="${i + 1}"/>(.*?)<w:commentRangeEnd w:id="${i + 1}"/>`,
      ).exec(xml);
      expect(range, `range of comment ${i + 1}`).not.toBeNull();
      const words = [...range![1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(words).toBe(c.quote);
    }
    const comments = unzip(path, 'word/comments.xml');
    expect(comments.match(/<w:comment /g)).toHaveLength(4);
    expect(comments).toContain('w:author="Ana"');
  });

  it('has no comment at all when every claim is supported by hand', async () => {
    const h = service.handlers();
    const check = await h['drafts:check']({ id: draftId });
    for (const id of check.attention) await h['drafts:setVerdict']({ claimId: id, status: 'supported' });
    const file = await h['drafts:export']({ id: draftId, format: 'docx' });
    const path = join(dir, file.filename);
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    const html = (await mammoth.convertToHtml({ path }, { styleMap: ['comment-reference => sup'] })).value;
    expect(html).not.toContain('comment-1');
    expect(html).toContain('25 new scholarships for Marvelan students');
  });
});

describe('fact-check memo', () => {
  it('gives the counts, then each claim with its verdict and sources, those needing attention first', async () => {
    const h = service.handlers();
    const md = (await h['drafts:export']({ id: draftId, format: 'md' })).data;
    expect(md).toContain('10 claims checked');
    expect(md).toContain('**3 contradicted**, **1 unverified**, 6 supported');
    const headings = [...md.matchAll(/^## (\w+): “(.*)”$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.slice(0, 4)).toEqual([
      'Contradicted first-ever visit',
      'Contradicted €412.6 million',
      'Contradicted about €250 billion',
      'Unverified 25 new scholarships',
    ]);
    expect(headings).toHaveLength(10);
    expect(md).toContain('Agrees — PNM: “about 240 people”');
    const html = (await h['drafts:export']({ id: draftId, format: 'html' })).data;
    expect(html).toContain('<strong>3 contradicted</strong>');
    expect(html).toContain('<section class="unverified"><h2>Unverified: “25 new scholarships”</h2>');
  });
});
