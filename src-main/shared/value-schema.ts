/**
 * The shape every claim value must have, per kind, as a schema: the contract checks
 * values an editor sends against it, so a malformed value ("{type: 'zzz'}", a figure
 * without its amount) is refused at the boundary instead of breaking every later
 * detection. The extractor's output satisfies the same schema (value-schema.test.ts).
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.maxLength(2000));
const nullableText = v.nullable(text);
const finite = v.pipe(v.number(), v.finite());
const approx = v.picklist(['exact', 'about', 'over', 'under', 'at_least', 'at_most']);

const frame = v.optional(
  v.object({
    property: nullableText,
    terms: v.array(text),
    holder: nullableText,
    place: nullableText,
    period: nullableText,
    asOf: nullableText,
    running: v.boolean(),
    source: nullableText,
    per: nullableText,
    progress: v.optional(nullableText),
  }),
);

export const claimValueSchema = v.variant('type', [
  v.object({
    type: v.literal('figure'),
    amount: finite,
    currency: nullableText,
    unit: nullableText,
    to: v.optional(finite),
    approx,
    period: nullableText,
    metric: nullableText,
    parties: v.array(text),
    frame,
    display: text,
  }),
  v.object({
    type: v.literal('count'),
    count: finite,
    noun: text,
    to: v.optional(finite),
    approx,
    period: nullableText,
    frame,
    display: text,
  }),
  v.object({
    type: v.literal('date'),
    date: text,
    end: nullableText,
    granularity: v.picklist(['day', 'month', 'year', 'decade', 'range']),
    weekday: nullableText,
    part: v.nullable(v.picklist(['early', 'mid', 'late'])),
    event: nullableText,
    display: text,
  }),
  v.object({
    type: v.literal('time'),
    minutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439)),
    zone: nullableText,
    offset: v.nullable(finite),
    utc: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1439))),
    frame,
    display: text,
  }),
  v.object({
    type: v.literal('novelty'),
    phrase: text,
    strength: v.picklist(['first', 'superlative']),
    scope: v.variant('kind', [
      v.object({ kind: v.literal('unqualified') }),
      v.object({ kind: v.literal('since'), year: v.nullable(finite), text }),
      v.object({ kind: v.literal('in_years'), years: finite, text }),
      v.object({ kind: v.literal('modern_history'), text }),
      v.object({ kind: v.literal('other'), text }),
    ]),
    event: nullableText,
    display: text,
  }),
  v.object({
    type: v.literal('trend'),
    direction: v.picklist(['up', 'down', 'flat']),
    metric: nullableText,
    window: nullableText,
    display: text,
  }),
  v.object({ type: v.literal('attribution'), speaker: text, verb: text, display: text }),
  v.object({
    type: v.literal('event'),
    event: text,
    actor: nullableText,
    place: nullableText,
    date: nullableText,
    display: text,
  }),
]);
