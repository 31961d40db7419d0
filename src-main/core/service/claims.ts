/**
 * Claims an editor adds, corrects or deletes, read into full values so they take part in
 * detection. Part of the desk service (desk-service.ts), which holds the open desk and its state.
 */
import type { ParsedInput } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { ClaimKind, ClaimValue } from '../../shared/model';
import { extractArticle } from '../extract/index';
import { frameInSentence } from '../extract/frame';
import * as Q from '../desk/queries';
import { readRow } from '../desk/history';
import type { DeskService } from './desk-service';

/**
 * A value for a span an editor marks, read as the extractor would: its own reading of
 * the sentence when it found a claim of that kind there, else the quote parsed by kind;
 * numbers and times get their frame from the sentence, so the claim takes part in
 * matching and detection like any other.
 */
function valueInSentence(
  sentence: string,
  start: number,
  end: number,
  kind: ClaimKind,
  quote: string,
): ClaimValue {
  const found = extractArticle({ text: sentence, publishedAt: null }).claims.find(
    (c) => c.kind === kind && c.start < end && start < c.end,
  );
  const value = found ? found.value : editorValue(kind, quote);
  if ((value.type === 'figure' || value.type === 'count' || value.type === 'time') && !value.frame)
    return { ...value, frame: frameInSentence(sentence, start, end, value) };
  return value;
}

/** A value for a claim an editor marked by hand: the quote is its readable form. */
function editorValue(kind: ClaimKind, quote: string): ClaimValue {
  switch (kind) {
    case 'figure': {
      const n = Number(quote.replace(/[^\d.]/g, ''));
      return {
        type: 'figure',
        amount: Number.isFinite(n) ? n : 0,
        currency: null,
        unit: null,
        approx: 'exact',
        period: null,
        metric: null,
        parties: [],
        display: quote,
      };
    }
    case 'count': {
      const n = Number(quote.replace(/[^\d]/g, ''));
      return {
        type: 'count',
        count: Number.isFinite(n) ? n : 0,
        noun: '',
        approx: 'exact',
        period: null,
        display: quote,
      };
    }
    case 'time': {
      const m = /(\d{1,2})[:.h](\d{2})/.exec(quote);
      const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
      return { type: 'time', minutes, zone: null, offset: null, utc: null, display: quote };
    }
    case 'date':
      return {
        type: 'date',
        date: '',
        end: null,
        granularity: 'day',
        weekday: null,
        part: null,
        event: null,
        display: quote,
      };
    case 'novelty':
      return {
        type: 'novelty',
        phrase: quote,
        strength: 'first',
        scope: { kind: 'unqualified' },
        event: null,
        display: quote,
      };
    case 'trend':
      return {
        type: 'trend',
        direction: /declin|decreas|drop|fall|fell/i.test(quote) ? 'down' : 'up',
        metric: null,
        window: null,
        display: quote,
      };
    case 'attribution':
      return { type: 'attribution', speaker: quote, verb: '', display: quote };
    case 'event':
      return { type: 'event', event: quote, actor: null, place: null, date: null, display: quote };
  }
}

export function addClaim(svc: DeskService, input: ParsedInput<'claims:add'>) {
  const db = svc.database;
  const text = Q.articleText(db, input.articleId);
  if (input.end <= input.start || input.end > text.length)
    throw new DeskError(
      'invalid_input',
      `The span ${input.start}–${input.end} is not inside the article (length ${text.length}).`,
    );
  const quote = text.slice(input.start, input.end);
  const sentence = db
    .prepare(
      `SELECT start, "end" FROM passages WHERE article_id = ? AND kind = 'sentence' AND start <= ? AND "end" >= ? ORDER BY start DESC LIMIT 1`,
    )
    .get(input.articleId, input.start, input.end) as { start: number; end: number } | undefined;
  const value = sentence
    ? valueInSentence(
        text.slice(sentence.start, sentence.end),
        input.start - sentence.start,
        input.end - sentence.start,
        input.kind,
        quote.trim(),
      )
    : editorValue(input.kind, quote.trim());
  let id = 0;
  svc.act(
    'claim:add',
    'claim',
    null,
    () => [],
    () => {
      const existing = db
        .prepare('SELECT id FROM claims WHERE article_id = ? AND kind = ? AND start = ? AND "end" = ?')
        .get(input.articleId, input.kind, input.start, input.end) as { id: number } | undefined;
      if (existing) {
        id = existing.id;
        db.prepare("UPDATE claims SET deleted = 0, origin = 'editor' WHERE id = ?").run(id);
        return;
      }
      id = Number(
        db
          .prepare(
            `INSERT INTO claims (article_id, kind, start, "end", quote, prefix, suffix, sentence_start, sentence_end, value, origin)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'editor')`,
          )
          .run(
            input.articleId,
            input.kind,
            input.start,
            input.end,
            quote,
            text.slice(Math.max(0, input.start - 32), input.start),
            text.slice(input.end, input.end + 32),
            sentence?.start ?? input.start,
            sentence?.end ?? input.end,
            JSON.stringify(value),
          ).lastInsertRowid,
      );
      db.prepare('INSERT INTO claims_fts (rowid, text) VALUES (?, ?)').run(id, quote);
    },
    () => [{ table: 'claims', key: { id }, row: null }],
  );
  return Q.claimView(db, id);
}

export function updateClaim(svc: DeskService, input: ParsedInput<'claims:update'>) {
  const db = svc.database;
  const cur = Q.claimView(db, input.id);
  svc.act(
    'claim:update',
    'claim',
    input.id,
    () => [readRow(db, 'claims', { id: input.id })],
    () => {
      const kind = input.kind ?? cur.kind;
      let value: ClaimValue =
        input.value ?? (input.kind && input.kind !== cur.kind ? editorValue(kind, cur.quote) : cur.value);
      if (input.display) value = { ...value, display: input.display };
      db.prepare('UPDATE claims SET kind = ?, value = ?, edited = 1 WHERE id = ?').run(
        kind,
        JSON.stringify(value),
        input.id,
      );
    },
  );
  return Q.claimView(db, input.id);
}

export function deleteClaim(svc: DeskService, id: number): null {
  const db = svc.database;
  Q.claimView(db, id);
  svc.act(
    'claim:delete',
    'claim',
    id,
    () => [readRow(db, 'claims', { id })],
    () => {
      db.prepare('UPDATE claims SET deleted = 1 WHERE id = ?').run(id);
    },
  );
  return null;
}
