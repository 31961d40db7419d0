/**
 * Entities: alias groups of the seed gold resolve to one entity, inside an article
 * and across the desk (articles imported one after another); short aliases never
 * capture a longer, different name.
 */
import { describe, expect, it } from 'vitest';
import { foldKey } from '../../shared/fold';
import { extractArticle } from './index';
import { EntityIndex, entityAliasKeys } from './entity-index';
import { gold, seeds } from './seed-helpers';
import type { ExtractedEntity } from './types';

function entityWith(entities: ExtractedEntity[], surface: string): ExtractedEntity | undefined {
  const k = foldKey(surface);
  return entities.find(
    (e) => e.aliases.some((a) => foldKey(a) === k) || e.mentions.some((m) => foldKey(m.text) === k),
  );
}

describe('entities within one article', () => {
  it('merges a full name with its later short forms', () => {
    const s000 = seeds().get('000')!.result.entities;
    const son = entityWith(s000, 'Bùi Thanh Sơn');
    expect(son).toMatchObject({ kind: 'person', key: 'bui thanh son', name: 'Bùi Thanh Sơn' });
    expect(entityWith(s000, 'Sơn')).toBe(son);
    expect(entityWith(s000, 'Son')).toBe(son);
    expect(entityWith(s000, 'Bayramov')).toBe(entityWith(s000, 'Jeyhun Bayramov'));
    const s002 = seeds().get('002')!.result.entities;
    expect(entityWith(s002, 'Lâm')?.key).toBe('to lam');
    expect(entityWith(s002, 'Aliyev')?.key).toBe('ilham aliyev');
  });

  it('strips titles and keeps places one entity under every spelling', () => {
    const s002 = seeds().get('002')!.result.entities;
    expect(s002.some((e) => /president|secretary/i.test(e.name) && e.kind === 'person')).toBe(false);
    const vn = s002.filter((e) => e.key === 'vietnam');
    expect(vn).toHaveLength(1);
    expect(vn[0].kind).toBe('place');
  });

  it('does not let a short alias capture a longer different name', () => {
    const s002 = seeds().get('002')!.result.entities;
    const binhSon = entityWith(s002, 'Bình Sơn');
    expect(binhSon?.key).not.toBe('bui thanh son');
    const s001 = seeds().get('001')!.result.entities;
    expect(entityWith(s001, 'Pham Thu Hang')?.key).toBe('pham thu hang');
    expect(entityWith(s001, 'Le Thi Thu Hang')?.key).toBe('le thi thu hang');
    // "Hang" alone in the body refers to the deputy minister, named first.
    expect(entityWith(s001, 'Le Thi Thu Hang')?.aliases).toContain('Hang');
  });

  it('finds names in text it was not tuned on', () => {
    const text =
      'Chancellor Ingrid Solberg met Prime Minister Tomás Ferreira in Lisbon on Monday. Solberg said the talks went well. Ferreira agreed.';
    const { entities } = extractArticle({ text, publishedAt: '2024-03-14' });
    expect(entityWith(entities, 'Solberg')?.key).toBe('ingrid solberg');
    expect(entityWith(entities, 'Ferreira')?.key).toBe('tomas ferreira');
    expect(entityWith(entities, 'Lisbon')?.kind).toBe('place');
    // The titled form is an alias an editor may search for; the mention itself is the name.
    expect(entityWith(entities, 'Solberg')?.aliases).toContain('Chancellor Ingrid Solberg');
    expect(entityWith(entities, 'Solberg')?.mentions[0].text).toBe('Ingrid Solberg');
  });
});

describe('desk-level resolution across articles', () => {
  it('resolves every gold alias group to one desk entity when the seeds are imported in order', () => {
    const index = new EntityIndex();
    const deskKeyOf = new Map<string, Map<string, string>>();
    for (const [id, seed] of seeds()) {
      const m = new Map<string, string>();
      for (const e of seed.result.entities)
        m.set(e.key, index.merge({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases }));
      deskKeyOf.set(id, m);
    }
    for (const group of gold().aliases) {
      const keys = new Set<string>();
      for (const surface of group) {
        for (const [id, seed] of seeds()) {
          const e = entityWith(seed.result.entities, surface);
          if (e) keys.add(deskKeyOf.get(id)!.get(e.key)!);
        }
      }
      expect(keys.size, group.join(' / ')).toBe(1);
    }
  });

  it("resolves a later article's lone surname or spelling variant to the desk entity", () => {
    const index = new EntityIndex([
      { key: 'to lam', name: 'Tô Lâm', kind: 'person', aliases: ['Tô Lâm', 'Lâm'] },
      { key: 'bui thanh son', name: 'Bùi Thanh Sơn', kind: 'person', aliases: ['Bùi Thanh Sơn'] },
      { key: 'binh son refining', name: 'Bình Sơn Refining', kind: 'organisation', aliases: ['Bình Sơn'] },
      { key: 'jeyhun bayramov', name: 'Jeyhun Bayramov', kind: 'person', aliases: [] },
      { key: 'vietnam', name: 'Vietnam', kind: 'place', aliases: ['Việt Nam'] },
    ]);
    expect(index.resolve({ key: 'to lam', name: 'To Lam', kind: 'person' })).toBe('to lam');
    expect(index.resolve({ key: 'son', name: 'Son', kind: 'person' })).toBe('bui thanh son');
    expect(index.resolve({ key: 'j bayramov', name: 'J. Bayramov', kind: 'person' })).toBe('jeyhun bayramov');
    expect(index.resolve({ key: 'viet nam', name: 'Viet Nam', kind: 'place' })).toBe('vietnam');
    expect(index.resolve({ key: 'nguyen van son', name: 'Nguyen Van Son', kind: 'person' })).toBeNull();
  });

  it('leaves an ambiguous lone surname unresolved rather than merging two people', () => {
    const index = new EntityIndex([
      { key: 'le thi thu hang', name: 'Le Thi Thu Hang', kind: 'person', aliases: [] },
      { key: 'pham thu hang', name: 'Pham Thu Hang', kind: 'person', aliases: [] },
    ]);
    expect(index.resolve({ key: 'hang', name: 'Hang', kind: 'person' })).toBeNull();
  });

  it('gives alias keys without titles and with the canonical place key', () => {
    expect(entityAliasKeys('President Aliyev')).toContain('aliyev');
    expect(entityAliasKeys('Việt Nam')).toContain('vietnam');
  });
});
