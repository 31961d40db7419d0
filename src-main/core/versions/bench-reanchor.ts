/**
 * The re-anchoring benchmark: 1,000 claims of a 10 KB article placed on a revision
 * that inserts a paragraph at the top, removes two, rewrites sentences and changes
 * one figure in ten. The text is generated (seeded) so every run measures the same work.
 */
import { performance } from 'node:perf_hooks';
import { pairClaims, type VersionClaim } from './anchor';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['residents', 'tonnes', 'vessels', 'schools', 'workers', 'homes', 'kilometres', 'patients'];
const VERBS = ['reported', 'counted', 'estimated', 'confirmed', 'recorded'];
const PLACES = ['Telsa', 'Orvel', 'Marrow Bay', 'the northern district', 'the old port', 'Kestin'];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ReanchorBench {
  claims: number;
  oldBytes: number;
  newBytes: number;
  ms: number;
  placed: number;
  changed: number;
  orphans: number;
}

/** Builds the two versions and their claims, then times pairing (placement included). */
export function benchReanchor(claimCount = 1000, bytes = 10_240, runs = 5): ReanchorBench {
  const rand = rng(20261127);
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const paragraphs: string[][] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    for (let s = 0; s < 3; s++) {
      const n = 10 + Math.floor(rand() * 9000);
      const sentence = `Officials in ${pickOf(PLACES)} ${pickOf(VERBS)} ${n.toLocaleString('en')} ${pickOf(NOUNS)} on day ${1 + Math.floor(rand() * 30)}.`;
      sentences.push(sentence);
      size += sentence.length + 1;
    }
    paragraphs.push(sentences);
  }
  const oldText = paragraphs.map((p) => p.join(' ')).join('\n\n');

  // Claims: spans of two to four words, chosen by the words themselves (so that the
  // revision's own extraction, simulated by the same rule, finds the unedited ones again).
  const claimsOf = (text: string, firstId: number, limit: number) => {
    const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const out: (VersionClaim & { prefix: string; suffix: string })[] = [];
    for (let w = 0; w + 4 < words.length && out.length < limit; w++) {
      const h = hash(text.slice(words[w]!.start, words[w + 1]!.end));
      if (h % 100 >= 62) continue;
      const start = words[w]!.start;
      const end = words[w + 1 + (h % 3)]!.end;
      out.push({
        id: firstId + out.length,
        kind: 'figure',
        start,
        end,
        quote: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      });
    }
    return out;
  };
  const claims = claimsOf(oldText, 1, claimCount);

  // The revision.
  const revised = paragraphs.map((p) =>
    p.map((s) => (rand() < 0.1 ? s.replace(/\d[\d,]*/, (n) => String(Number(n.replace(/,/g, '')) + 7)) : s)),
  );
  for (const p of revised)
    if (rand() < 0.2) p[0] = p[0]!.replace('Officials in', 'Rescue officials working in');
  revised.splice(Math.floor(revised.length / 3), 1);
  revised.splice(Math.floor((2 * revised.length) / 3), 1);
  revised.unshift(['This article was updated with figures from the evening briefing.']);
  const newText = revised.map((p) => p.join(' ')).join('\n\n');
  const newClaims = claimsOf(newText, 100_000, Infinity);

  let best = Infinity;
  let result = pairClaims(claims, newClaims, newText);
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = pairClaims(claims, newClaims, newText);
    best = Math.min(best, performance.now() - t);
  }
  return {
    claims: claims.length,
    oldBytes: oldText.length,
    newBytes: newText.length,
    ms: best,
    placed: result.pairs.length,
    changed: result.pairs.filter((p) => p.status === 'changed').length,
    orphans: result.orphans.length,
  };
}
