/**
 * Desk-level entity resolution: when articles are imported one after another, which
 * entity already on the desk is this article's "To Lam", "J. Bayramov" or lone "Son"?
 * Pure (no database): the desk loads its entities into an EntityIndex, asks it to
 * resolve each new article's entities, and stores what it answers.
 *
 * Rules, strongest first: the same folded key or alias key (diacritics and case never
 * matter; "Viet Nam" = "Vietnam"); an initial form "J. Bayramov" matches the one person
 * with that last name and first initial; a lone word matches the one person whose last
 * name (or, after a title, first name) folds to it. Ambiguous lone words stay new
 * entities: merging two people is worse than showing one twice.
 */
import { foldKey } from '../../shared/fold';
import type { EntityKind } from '../../shared/model';
import { lookupPlace } from './gazetteer';
import { TITLE_WORDS } from './lexicon';

export interface DeskEntity {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
}

/** Folded keys a name can be found by: the name itself, without titles, and a place's canonical key. */
export function entityAliasKeys(name: string): string[] {
  const key = foldKey(name);
  if (!key) return [];
  const out = new Set<string>([key]);
  const words = key.split(' ');
  let i = 0;
  while (i < words.length - 1 && TITLE_WORDS.has(words[i])) i++;
  const untitled = words.slice(i).join(' ');
  out.add(untitled);
  const place = lookupPlace(untitled) ?? lookupPlace(untitled.replace(/ /g, ''));
  if (place && !place.demonym) out.add(place.key);
  return [...out];
}

export class EntityIndex {
  private readonly byKey = new Map<string, DeskEntity>();
  /** Alias key → entity keys that carry it. */
  private readonly byAlias = new Map<string, Set<string>>();
  /** Last name word → person keys. */
  private readonly byLast = new Map<string, Set<string>>();
  private readonly byFirst = new Map<string, Set<string>>();
  /** First word → organisation keys, so prefix lookups never scan the whole desk. */
  private readonly orgsByFirst = new Map<string, Set<string>>();

  constructor(entities: Iterable<DeskEntity> = []) {
    for (const e of entities) this.add(e);
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): DeskEntity | undefined {
    return this.byKey.get(key);
  }

  /** Adds or extends an entity under its own key. */
  add(e: DeskEntity): void {
    const existing = this.byKey.get(e.key);
    const entity: DeskEntity = existing
      ? { ...existing, aliases: [...new Set([...existing.aliases, ...e.aliases, e.name])] }
      : { ...e, aliases: [...new Set([...e.aliases, e.name])] };
    this.byKey.set(e.key, entity);
    const index = (map: Map<string, Set<string>>, k: string): void => {
      let set = map.get(k);
      if (!set) map.set(k, (set = new Set()));
      set.add(e.key);
    };
    index(this.byAlias, e.key);
    // An entity seen again has its earlier aliases indexed already: only new ones are folded.
    const known = existing ? new Set(existing.aliases) : null;
    for (const a of entity.aliases)
      if (!known?.has(a)) for (const k of entityAliasKeys(a)) index(this.byAlias, k);
    if (entity.kind === 'organisation') index(this.orgsByFirst, e.key.split(' ')[0]!);
    if (entity.kind === 'person') {
      const words = e.key.split(' ').filter((w) => w.length > 1);
      if (words.length >= 2) {
        index(this.byLast, words[words.length - 1]);
        index(this.byFirst, words[0]);
      }
    }
  }

  /** The key of the desk entity this one is, or null when it is new to the desk. */
  resolve(e: Pick<DeskEntity, 'key' | 'name' | 'kind'> & { aliases?: string[] }): string | null {
    if (this.byKey.has(e.key)) return e.key;
    const words = e.key.split(' ');
    const multi = words.filter((w) => w.length > 1).length >= 2;
    // Whole-name matches: only multi-word keys may match multi-word aliases, so that a
    // full name is never captured by a desk entity that was only ever called "Son".
    for (const k of [e.key, ...entityAliasKeys(e.name)]) {
      const hits = this.byAlias.get(k);
      if (hits && hits.size === 1) {
        const [hit] = hits;
        if (multi === k.split(' ').length >= 2 || !multi) return hit;
      }
    }
    if (e.kind === 'place') return null;
    if (e.kind === 'organisation' || (e.kind === 'other' && words.length === 1)) {
      // "Kaskada" for "Kaskada Telekom": the one organisation whose name starts with it.
      if (words.length !== 1) return null;
      const orgs = [...(this.orgsByFirst.get(e.key) ?? [])]
        .map((k) => this.byKey.get(k)!)
        .filter((d) => d.kind === 'organisation' && d.key.startsWith(e.key + ' '));
      if (orgs.length === 1) return orgs[0].key;
      if (e.kind === 'organisation') return null;
    }
    const last = words[words.length - 1];
    if (words.length === 2 && words[0].length === 1) {
      // "J. Bayramov"
      const hits = [...(this.byLast.get(last) ?? [])].filter((k) => k[0] === words[0]);
      return hits.length === 1 ? hits[0] : null;
    }
    if (words.length === 1) {
      const hits = this.byLast.get(last);
      if (hits && hits.size === 1) return [...hits][0];
      if (!hits || hits.size === 0) {
        const first = this.byFirst.get(last);
        if (first && first.size === 1 && (e.aliases ?? []).some((a) => /\s/.test(a.trim())))
          return [...first][0];
      }
      // An alias seen on exactly one desk entity ("Aliyev" after "President Aliyev").
      const aliasHits = this.byAlias.get(last);
      if (aliasHits && aliasHits.size === 1) return [...aliasHits][0];
      return null;
    }
    // "Marta Sánchez" for "Marta Sánchez Ortuño": same first name, every word inside the longer name.
    const longer = [...(this.byFirst.get(words[0]!) ?? [])]
      .map((k) => this.byKey.get(k)!)
      .filter(
        (d) =>
          d.kind === 'person' &&
          d.key !== e.key &&
          d.key.split(' ')[0] === words[0] &&
          d.key.split(' ').length > words.length &&
          words.every((w) => d.key.split(' ').includes(w)),
      );
    if (longer.length === 1) return longer[0].key;
    // A full name whose only desk trace so far is its last name ("Son" then "Bui Thanh Son").
    const lone = this.byKey.get(last);
    if (lone && lone.kind !== 'place' && lone.kind !== 'organisation') return lone.key;
    return null;
  }

  /**
   * Resolves and records one article entity; returns the desk key it now lives under.
   * A longer, better-written name replaces the stored display name; the key stays.
   */
  merge(e: DeskEntity): string {
    const key = this.resolve(e);
    if (key === null) {
      this.add(e);
      return e.key;
    }
    const existing = this.byKey.get(key)!;
    const longer = foldKey(e.name).split(' ').length > foldKey(existing.name).split(' ').length;
    this.add({
      ...existing,
      name: longer ? e.name : existing.name,
      aliases: [...existing.aliases, ...e.aliases, e.name],
    });
    if (longer) {
      const words = foldKey(e.name).split(' ');
      if (existing.kind === 'person' && words.length >= 2) {
        for (const [map, w] of [
          [this.byLast, words[words.length - 1]],
          [this.byFirst, words[0]],
        ] as const) {
          let set = map.get(w);
          if (!set) map.set(w, (set = new Set()));
          set.add(key);
        }
      }
    }
    return key;
  }
}
