/**
 * Largest and smallest of a list without spreading it into Math.max: a spread passes
 * every element as an argument, and an article listing 150,000 years overflows the
 * call stack ("Maximum call stack size exceeded") and breaks the desk for good.
 */
export function maxOf(values: Iterable<number>): number {
  let out = -Infinity;
  for (const v of values) if (v > out) out = v;
  return out;
}

export function minOf(values: Iterable<number>): number {
  let out = Infinity;
  for (const v of values) if (v < out) out = v;
  return out;
}
