/**
 * After any change to the desk (a decision, an undo, an import), every state
 * module refreshes what it shows. Modules subscribe here instead of importing
 * each other, which keeps their dependencies one-way.
 */
type Refresh = () => unknown;

const subscribers = new Set<Refresh>();

export function onChanged(fn: Refresh): () => void {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

export async function changed(): Promise<void> {
  await Promise.all([...subscribers].map(async (fn) => fn()));
}
