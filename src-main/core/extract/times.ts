/**
 * Times of day with their zone: "21:52 local time (02:52 GMT)", "0700 GMT",
 * "7.00 Uhr (CET)", "11h30", "6 p.m.". A time is a claim: outlets convert zones and
 * get it wrong, and the detector compares times in UTC where the zone allows.
 *
 * A clock reading that opens a live-blog entry ("09:40 GMT – Rescuers say…") is when
 * the entry was written, not a claim about the event, and is skipped, unless the entry
 * tells what happens as it is written ("14:30 GMT – Aurenz begins her press conference"). A bare "7.00"
 * without a zone, "a.m./p.m.", "Uhr" or "h" is read as a number, not a time.
 */
import type { TimeValue } from '../../shared/model';
import { entityKeysIn, type ClaimDraft, type SentenceContext } from './context';
import type { SpanSet } from './spans';

/** Offsets from UTC in minutes for the zone names news copy uses. */
const ZONES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  bst: 60,
  wet: 0,
  west: 60,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

const ZONE_RE =
  '(?:\\(?\\s*(?<zone>GMT|UTC|CET|CEST|MEZ|MESZ|BST|WET|WEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|KST|AEST|AEDT|Z)\\b(?<off>\\s?[+\\-−]\\s?\\d{1,2}(?::?\\d{2})?)?\\)?|\\s*(?<local>local time|local|Uhr(?:\\s*\\(?(?:CET|MEZ|CEST|MESZ)\\)?|\\s+(?:MEZ|MESZ))?|heure locale|hours|hrs|uur))';

const TIME = new RegExp(
  `(?<![\\d.,:])(?:(?<h>[01]?\\d|2[0-3])[:.h](?<m>[0-5]\\d)(?![\\d%]|[:.][0-5]\\d)|(?<mil>[01]\\d|2[0-3])(?<mm>[0-5]\\d)(?=\\s*(?:GMT|UTC|hours|hrs|local|CET|Z\\b))|(?<h12>1[0-2]|0?[1-9])(?=\\s*[ap]\\.?\\s?m\\b))(?<ampm>\\s*[ap]\\.?\\s?m\\.?)?(?:\\s*${ZONE_RE})?`,
  'giu',
);

const ELAPSED_BEFORE =
  /\b(?:in|break|breaking|broke|under|inside|outside|clocked|ran|record|best|time of|finished in|(?:record|best|won|lead|margin) by)\s+(?:a\s+|an\s+)?$/i;
const ELAPSED_AFTER =
  /^\s*(?:behind|ahead|clear|faster|slower|quicker|off|inside|outside|short|(?:min(?:utes)?\s+)?(?:per|a|each|every)\s+(?:kilometre|kilometer|km|mile|lap|100\s?m))\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

function zoneOf(g: Record<string, string | undefined>): { zone: string | null; offset: number | null } {
  if (g.zone) {
    const base = ZONES[g.zone.toLowerCase()] ?? null;
    if (base === null) return { zone: g.zone.toUpperCase(), offset: null };
    let offset = base;
    if (g.off) {
      const m = /([+\-−])\s?(\d{1,2})(?::?(\d{2}))?/.exec(g.off);
      if (m) offset += (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    }
    const name =
      g.zone.toUpperCase() === 'MEZ'
        ? 'CET'
        : g.zone.toUpperCase() === 'MESZ'
          ? 'CEST'
          : g.zone.toUpperCase();
    return { zone: g.off ? `${name}${g.off.replace(/\s/g, '')}` : name, offset };
  }
  if (g.local) {
    const z = /\b(CET|MEZ|CEST|MESZ)\b/i.exec(g.local);
    if (z) return zoneOf({ zone: z[1] });
    return { zone: 'local', offset: null };
  }
  return { zone: null, offset: null };
}

export function findTimes(ctx: SentenceContext, occupied: SpanSet): ClaimDraft[] {
  const s = ctx.s;
  if (!/\d[:.h]?\d|\d\s*[ap]\.?\s?m/i.test(s)) return [];
  const out: ClaimDraft[] = [];
  TIME.lastIndex = 0;
  for (let m = TIME.exec(s); m; m = TIME.exec(s)) {
    const g = m.groups ?? {};
    const start = m.index;
    // A closing bracket belongs to the time only when the time opened it: "7.00 Uhr (CET)".
    const text = m[0].replace(/[\s(]+$/, '');
    const end = m.index + (text.includes('(') ? text.length : text.replace(/[\s)]+$/, '').length);
    let hours: number;
    let minutes: number;
    if (g.h !== undefined) {
      hours = Number(g.h);
      minutes = Number(g.m);
      const sep = m[0].charAt(g.h.length);
      // "7.00" or "11h30" is a time only with a zone, a.m./p.m. or Uhr: otherwise a number.
      if (sep !== ':' && !g.ampm && !g.zone && !g.local && sep !== 'h') continue;
      if (sep === 'h' && !/^\d{1,2}h\d{2}$/.test(m[0].slice(0, g.h.length + 3))) continue;
      // "won in 2:03", "the first to break 2:16", "a course record 2:15": an elapsed time.
      // "1:19 behind the winner", "a course record by 1:48": a margin.
      if (
        !g.ampm &&
        !g.zone &&
        !g.local &&
        (ELAPSED_BEFORE.test(s.slice(Math.max(0, start - 24), start)) || ELAPSED_AFTER.test(s.slice(end)))
      )
        continue;
    } else if (g.mil !== undefined) {
      hours = Number(g.mil);
      minutes = Number(g.mm);
    } else if (g.h12 !== undefined) {
      hours = Number(g.h12);
      minutes = 0;
    } else continue;
    if (g.ampm) {
      const pm = /p/i.test(g.ampm);
      if (hours > 12) continue;
      if (pm && hours < 12) hours += 12;
      if (!pm && hours === 12) hours = 0;
    }
    // A live-blog entry's own timestamp: at the head of its sentence, followed by a dash or
    // colon. It is when the entry was written, unless the entry tells what happens as it is
    // written ("14:30 GMT – Aurenz begins her press conference").
    if (
      /^\s*$/.test(s.slice(0, start)) &&
      /^\s*(?:[–—-]|:\s)/.test(s.slice(end)) &&
      !happensNow(s.slice(end))
    )
      continue;
    if (occupied.overlaps(start, end)) continue;
    occupied.add(start, end);
    const { zone, offset } = zoneOf(g);
    const local = hours * 60 + minutes;
    const utc = offset === null ? null : (((local - offset) % 1440) + 1440) % 1440;
    const value: TimeValue = {
      type: 'time',
      minutes: local,
      zone,
      offset,
      utc,
      display: `${clock(local)}${zone ? ' ' + zone : ''}${utc !== null && offset !== 0 ? ` (${clock(utc)} UTC)` : ''}`,
    };
    out.push({
      kind: 'time',
      start: ctx.start + start,
      end: ctx.start + end,
      subject: null,
      scope: zone,
      value,
      entityKeys: entityKeysIn(ctx),
    });
  }
  // "21:52 local time (02:52 GMT)", "21:47 local time, which was 19:47 GMT": a local time
  // beside a zoned one gives the local offset.
  for (let i = 0; i + 1 < out.length; i++) {
    const [x, y] = [out[i].value as TimeValue, out[i + 1].value as TimeValue];
    const between = s.slice(out[i].end - ctx.start, out[i + 1].start - ctx.start);
    if (!/^\s*[(,/–—-]?\s*(?:or\s+|i\.e\.\s+|(?:which|that)\s+(?:was|is)\s+)?$/.test(between)) continue;
    if (x.offset === null && y.utc !== null) {
      x.offset = diff(x.minutes, y.utc);
      x.utc = y.utc;
    } else if (y.offset === null && x.utc !== null) {
      y.offset = diff(y.minutes, x.utc);
      y.utc = x.utc;
    }
  }
  return out;
}

/**
 * A live entry whose first words tell an action in the present ("– Aurenz begins her press
 * conference", "– The minister takes the first dose"): a named subject, then a verb in the
 * present, and nobody reporting it ("says", "told") or another time or day named.
 */
const PRESENT_ACTION =
  /^\s*[–—-]\s*(?:the\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s+){1,3}(\p{Ll}{3,}s)(?:\s+(?!(?:that|are|were|have|had|is|was|will|can|could|would|should|may|might|must|do|did)\b)\p{L}|\s*$)/u;
const REPORTED =
  /\b(?:say|says|said|saying|tell|tells|told|report|reports|reported|according|confirm|confirms|confirmed|announce|announces|announced|expect|expects|expected|earlier|yesterday|today|tonight|will|would|could|may|might)\b|\d/i;
const NOT_A_VERB =
  /^(?:is|has|was|does|this|thus|its|his|hers|ours|theirs|plus|news|series|species|status|crisis|basis)$/;

function happensNow(after: string): boolean {
  const first = after.split(/[.;!?]/)[0] ?? '';
  const m = PRESENT_ACTION.exec(first);
  if (!m || NOT_A_VERB.test(m[1]!) || /(?:ss|us|is)$/.test(m[1]!)) return false;
  return !REPORTED.test(first);
}

/** Local minus UTC, in minutes, across midnight: between −12 h and +14 h. */
function diff(local: number, utc: number): number {
  let d = local - utc;
  while (d > 14 * 60) d -= 1440;
  while (d < -12 * 60) d += 1440;
  return d;
}
