/**
 * Event claims the matcher can line up with novelty claims: who visited where, and
 * when ("Le Duan visited Azerbaijan" in the early 1980s; "visit to Azerbaijan by
 * President Ho Chi Minh in 1959"). Only visits and trips: they are what "first visit"
 * claims are checked against.
 */
import type { DateValue, EventValue } from '../../shared/model';
import type { ClaimDraft, SentenceContext } from './context';
import { lookupPlace } from './gazetteer';

const VISITED =
  /\b(?:also\s+)?(visited|toured|travell?ed to|arrived in|paid (?:a|an|his|her|their) (?:\w+\s+)?visit to|made (?:a|an|his|her|their) (?:\w+\s+)?(?:visit|trip) to)\s+/gi;
const VISIT_TO =
  /\b(?:(state|official|working|historic|first|maiden|landmark|the)\s+)?(visit|trip)s?\s+(?:to|in)\s+/gi;

function dateNear(dates: ClaimDraft[], start: number, end: number): string | null {
  let best: ClaimDraft | null = null;
  let bestD = Infinity;
  for (const d of dates) {
    const dist = d.end <= start ? start - d.end : d.start >= end ? d.start - end : 0;
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best ? (best.value as DateValue).date : null;
}

export function findEvents(ctx: SentenceContext, dates: ClaimDraft[]): ClaimDraft[] {
  const s = ctx.s;
  const out: ClaimDraft[] = [];
  if (!/visit|trip|travel|tour|arriv/i.test(s)) return out;
  const placeAt = (local: number): { key: string; end: number } | null => {
    const m = ctx.mentions.find((x) => x.start - ctx.start === local && x.kind === 'place');
    return m ? { key: m.key, end: m.end - ctx.start } : null;
  };
  const personEndingAt = (local: number): { key: string; start: number } | null => {
    const m = ctx.mentions.find((x) => x.end - ctx.start === local && x.kind === 'person');
    return m ? { key: m.key, start: m.start - ctx.start } : null;
  };
  VISITED.lastIndex = 0;
  for (let m = VISITED.exec(s); m; m = VISITED.exec(s)) {
    const place = placeAt(m.index + m[0].length);
    if (!place) continue;
    const actor = personEndingAt(m.index - 1) ?? personEndingAt(m.index);
    const start = actor ? actor.start : m.index;
    const end = place.end;
    out.push(
      make(
        ctx,
        start,
        end,
        'visit',
        actor?.key ?? null,
        place.key,
        dateNear(dates, ctx.start + start, ctx.start + end),
      ),
    );
  }
  VISIT_TO.lastIndex = 0;
  for (let m = VISIT_TO.exec(s); m; m = VISIT_TO.exec(s)) {
    const place = placeAt(m.index + m[0].length);
    if (!place || !lookupPlace(place.key)) continue;
    const start = m[1] && m[1].toLowerCase() !== 'the' ? m.index : m.index + (m[1] ? m[1].length + 1 : 0);
    let end = place.end;
    // "… by President Ho Chi Minh": the actor follows within a few words (titles can be long).
    let actor: string | null = null;
    let actorStart = start;
    const by = /^\s+by\s+/.exec(s.slice(end));
    if (by) {
      const clauseEnd =
        end +
        by[0].length +
        Math.min(
          140,
          (s.slice(end + by[0].length) + '.').search(/[;.]|,\s+(?:and|but|which|who|while|as)\b/),
        );
      const person = ctx.mentions.find(
        (x) => x.kind === 'person' && x.start - ctx.start >= end && x.end - ctx.start <= clauseEnd,
      );
      if (person) {
        actor = person.key;
        end = person.end - ctx.start;
      }
    }
    // "Hồ Chí Minh's historic visit to Azerbaijan": the actor is the possessor.
    if (!actor) {
      const owner = ctx.mentions.find(
        (x) =>
          x.kind === 'person' &&
          x.end - ctx.start < m!.index &&
          /^['’]s\s+$/.test(s.slice(x.end - ctx.start, m!.index)),
      );
      if (owner) {
        actor = owner.key;
        actorStart = owner.start - ctx.start;
      }
    }
    if (out.some((o) => o.start - ctx.start < end && start < o.end - ctx.start)) continue;
    out.push(
      make(
        ctx,
        actorStart,
        end,
        m[2].toLowerCase() === 'trip' ? 'trip' : 'visit',
        actor,
        place.key,
        dateNear(dates, ctx.start + start, ctx.start + end),
      ),
    );
  }
  return out;
}

function make(
  ctx: SentenceContext,
  start: number,
  end: number,
  event: string,
  actor: string | null,
  place: string,
  date: string | null,
): ClaimDraft {
  const value: EventValue = {
    type: 'event',
    event,
    actor,
    place,
    date,
    display: `${event}${actor ? ' by ' + ctx.nameOf(actor) : ''} to ${ctx.nameOf(place)}${date ? ', ' + date : ''}`,
  };
  return {
    kind: 'event',
    start: ctx.start + start,
    end: ctx.start + end,
    subject: `${actor ? ctx.nameOf(actor) + ' ' : ''}${event} to ${ctx.nameOf(place)}`,
    scope: date,
    value,
    entityKeys: [actor, place].filter((k): k is string => k !== null),
  };
}
