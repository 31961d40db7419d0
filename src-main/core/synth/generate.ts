/**
 * Deterministic synthetic corpus for benchmarks and scale tests: invented state visits,
 * each covered by 3–8 invented outlets that paraphrase the same facts in their own words,
 * with conflicts planted at a known rate and recorded in the gold format (gold.ts).
 *
 * Every story has its own countries, people and capitals, so a match across stories is
 * always a false positive. Everything comes from one seeded PRNG (mulberry32): the same
 * options give byte-identical output, and no clock or locale is read.
 */
import { MONTHS } from '../../shared/human-date';
import type { ConflictKind } from '../../shared/model';
import type { Gold, GoldConflict, GoldPair, GoldSide, GoldStory } from './gold';

export type { Gold } from './gold';

export interface GenerateOptions {
  /** Number of articles; stories of 3–8 articles are cut to reach it exactly. */
  articles: number;
  seed: number;
  /** Probability that a story carries each kind of conflict (default 0.5). */
  conflictRate?: number;
  /** Target words per article (default 600). */
  wordsPerArticle?: number;
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export interface GeneratedCorpus {
  files: GeneratedFile[];
  gold: Gold;
}

// ---------------------------------------------------------------- randomness

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly rng: Rng) {}
  next(): number {
    return this.rng();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, k);
  }
}

// ---------------------------------------------------------------- names

/** Latin letters NFKD leaves whole, so plain spellings are what a wire desk would type. */
const PLAIN_MAP: Record<string, string> = { Ł: 'L', ł: 'l', ı: 'i', Đ: 'D', đ: 'd', Ø: 'O', ø: 'o', ß: 'ss' };

const plainCache = new Map<string, string>();

function plain(text: string): string {
  let out = plainCache.get(text);
  if (out === undefined) {
    out = text
      .replace(/[ŁłıĐđØøß]/g, (c) => PLAIN_MAP[c] ?? c)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');
    // Names are unique per story, so an unbounded cache would grow with the corpus.
    if (plainCache.size > 50_000) plainCache.clear();
    plainCache.set(text, out);
  }
  return out;
}

interface Person {
  full: string;
  /** How later references name the person: family name, or given name for Vietnamese. */
  short: string;
}

type NameMaker = (d: Dice) => Person;

const VI_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trịnh',
  'Đinh',
  'Lương',
];
const VI_MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Hữu', 'Ngọc', 'Xuân', 'Công', 'Thu', 'Kim'];
const VI_GIVEN = [
  'Hùng',
  'Lan',
  'Sơn',
  'Dũng',
  'Hương',
  'Tâm',
  'Phúc',
  'Khánh',
  'Thảo',
  'Quý',
  'Việt',
  'Tuấn',
  'Hải',
  'Nga',
  'Trọng',
  'Vĩnh',
  'Châu',
  'Hằng',
  'Điệp',
  'Thắng',
];
const TR_GIVEN = [
  'Ayşe',
  'Mehmet',
  'Çağla',
  'Gökhan',
  'Şule',
  'Emre',
  'Özlem',
  'Ümit',
  'Barış',
  'İlker',
  'Gül',
  'Serkan',
  'Derya',
  'Tülay',
  'Oğuz',
  'Hülya',
  'Kemal',
  'Nazlı',
  'Cengiz',
  'Sevgi',
];
const TR_FAMILY = [
  'Yılmaz',
  'Öztürk',
  'Çelik',
  'Şahin',
  'Doğan',
  'Aydın',
  'Koç',
  'Güneş',
  'Erdoğdu',
  'Kılıç',
  'Özdemir',
  'Kaya',
  'Arslan',
  'Türkoğlu',
  'Başaran',
  'Ekşi',
  'Yıldız',
  'Gökçe',
  'Uçar',
  'Sönmez',
];
const ES_GIVEN = [
  'José',
  'María',
  'Andrés',
  'Inés',
  'Íñigo',
  'Lucía',
  'Ramón',
  'Sofía',
  'Martín',
  'Begoña',
  'Joaquín',
  'Adrián',
  'Mónica',
  'Tomás',
  'Raúl',
  'Verónica',
  'Julián',
  'Ángela',
  'Héctor',
  'Nuria',
];
const ES_FAMILY = [
  'Núñez',
  'Ibáñez',
  'Peña',
  'Muñoz',
  'Ordóñez',
  'Gómez',
  'Sáenz',
  'Cañete',
  'Álvarez',
  'Jiménez',
  'Castañeda',
  'Báez',
  'Quiñones',
  'Durán',
  'Rodríguez',
  'Montaño',
  'Beltrán',
  'Cortés',
  'Galán',
  'Patiño',
  'Zúñiga',
  'Echeverría',
  'Logroño',
  'Valdés',
];
const ES_COMPOUND = [
  'José Luis',
  'María José',
  'Juan Carlos',
  'Ana Belén',
  'Luis Miguel',
  'María Ángeles',
  'José Ramón',
  'María Jesús',
];
const PL_GIVEN = [
  'Łukasz',
  'Małgorzata',
  'Zbigniew',
  'Paweł',
  'Wojciech',
  'Grażyna',
  'Bożena',
  'Jędrzej',
  'Agnieszka',
  'Kazimierz',
  'Elżbieta',
  'Mirosław',
  'Jolanta',
  'Sławomir',
  'Dorota',
  'Przemysław',
];
const PL_FAMILY = [
  'Wójcik',
  'Kowalczyk',
  'Żak',
  'Wróbel',
  'Dąbrowski',
  'Sikorski',
  'Gałązka',
  'Nowicki',
  'Ślusarz',
  'Mroczek',
  'Kołodziej',
  'Michalak',
  'Błaszczyk',
  'Jóźwiak',
  'Pietrzyk',
  'Żurawski',
];
const CZ_GIVEN = [
  'Tereza',
  'Ondřej',
  'Jiří',
  'Radka',
  'Lukáš',
  'Zdeňka',
  'Vojtěch',
  'Jitka',
  'Přemysl',
  'Božena',
  'Tomáš',
  'Šárka',
  'Květa',
  'Bořivoj',
];
const CZ_FAMILY = [
  'Dvořák',
  'Novotný',
  'Černý',
  'Horáček',
  'Šimek',
  'Kříž',
  'Růžička',
  'Procházka',
  'Veselý',
  'Kučera',
  'Bartoš',
  'Říha',
  'Hájek',
  'Štěpánek',
];
const PT_GIVEN = [
  'João',
  'Conceição',
  'Sebastião',
  'Inês',
  'Gonçalo',
  'Tânia',
  'Estêvão',
  'Lúcia',
  'Simão',
  'Mónica',
];
const PT_FAMILY = [
  'Guimarães',
  'Gonçalves',
  'Simões',
  'Magalhães',
  'Brandão',
  'Lourenço',
  'Falcão',
  'Conceição',
  'Assunção',
  'Gusmão',
];

/** A second surname that is not the first one again. */
function other(d: Dice, pool: readonly string[], not: string): string {
  const pick = d.pick(pool);
  return pick === not ? (pool[(pool.indexOf(pick) + 1) % pool.length] as string) : pick;
}

const NAME_MAKERS: NameMaker[] = [
  (d) => {
    const given = d.pick(VI_GIVEN);
    const middle = d.chance(0.5) ? [d.pick(VI_MIDDLE), d.pick(VI_MIDDLE)] : [d.pick(VI_MIDDLE)];
    return { full: [d.pick(VI_FAMILY), ...new Set(middle), given].join(' '), short: given };
  },
  (d) => {
    const family = d.pick(TR_FAMILY);
    const given = d.chance(0.5) ? `${d.pick(TR_GIVEN)} ${d.pick(TR_GIVEN)}` : d.pick(TR_GIVEN);
    return { full: `${given} ${family}`, short: family };
  },
  (d) => {
    const fam1 = d.pick(ES_FAMILY);
    const given = d.chance(0.3) ? d.pick(ES_COMPOUND) : d.pick(ES_GIVEN);
    return { full: `${given} ${fam1} ${other(d, ES_FAMILY, fam1)}`, short: fam1 };
  },
  (d) => {
    const family = d.chance(0.4) ? `${d.pick(PL_FAMILY)}-${d.pick(PL_FAMILY)}` : d.pick(PL_FAMILY);
    return { full: `${d.pick(PL_GIVEN)} ${family}`, short: family };
  },
  (d) => {
    const family = d.pick(CZ_FAMILY);
    const given = d.chance(0.5) ? `${d.pick(CZ_GIVEN)} ${d.pick(CZ_GIVEN)}` : d.pick(CZ_GIVEN);
    return { full: `${given} ${family}`, short: family };
  },
  (d) => {
    const fam1 = d.pick(PT_FAMILY);
    return { full: `${d.pick(PT_GIVEN)} ${fam1} ${other(d, PT_FAMILY, fam1)}`, short: fam1 };
  },
];

const C_HEAD = [
  'Val',
  'Mor',
  'Kes',
  'Tar',
  'Bel',
  'Dra',
  'Os',
  'Lun',
  'Zer',
  'Ar',
  'Cal',
  'Ven',
  'Sor',
  'Gal',
  'Ny',
  'Quel',
  'Ebr',
  'Ist',
  'Bran',
  'Cor',
  'Del',
  'Fen',
  'Hal',
  'Jor',
  'Lor',
  'Mar',
  'Nor',
  'Pel',
  'Rav',
  'Sel',
  'Tor',
  'Vel',
  'Wes',
  'Yar',
  'Zan',
];
const C_MID = ['a', 'o', 'e', 'i', 'u', 'ar', 'en', 'or', 'il', 'an', 'es', 'ut'];
const C_MID2 = ['', '', 'd', 'th', 'm', 'v', 'st', 'n', 'g', 'l'];
const C_TAIL: [string, string][] = [
  ['via', 'vian'],
  ['ria', 'rian'],
  ['onia', 'onian'],
  ['esia', 'esian'],
  ['ania', 'anian'],
  ['ica', 'ican'],
  ['ora', 'oran'],
  ['ovia', 'ovian'],
  ['ia', 'ian'],
  ['ea', 'ean'],
  ['istan', 'istani'],
  ['aria', 'arian'],
];
const CAP_HEAD = ['Port ', 'San ', 'Nova ', 'Alt ', '', '', '', '', ''];
const CAP_BODY = [
  'Vel',
  'Bres',
  'Ost',
  'Lim',
  'Kor',
  'Sal',
  'Mir',
  'Dun',
  'Tal',
  'Pra',
  'Ber',
  'Sev',
  'Hav',
  'Gor',
  'Lis',
  'Nar',
];
const CAP_TAIL = [
  'grad',
  'ovo',
  'ena',
  'ana',
  'ton',
  'burg',
  'haven',
  'mora',
  'illa',
  'ec',
  'in',
  'ara',
  'ova',
  'ice',
];

interface Country {
  name: string;
  demonym: string;
  capital: string;
}

/** Hands out names never used before in this corpus. */
class Registry {
  private readonly used = new Set<string>();
  constructor(private readonly d: Dice) {}

  private claim(make: () => string): string {
    for (let i = 0; ; i++) {
      const name = make();
      const key = plain(name).toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return name;
      }
      if (i > 200) throw new Error('name pools exhausted');
    }
  }

  country(): Country {
    const d = this.d;
    let demonym = '';
    const name = this.claim(() => {
      // "Dra" + "a" would read "Draa": fold doubled vowels.
      const stem = (d.pick(C_HEAD) + d.pick(C_MID) + d.pick(C_MID2)).replace(/([aeiou])\1/g, '$1');
      const [tail, dem] = d.pick(C_TAIL);
      demonym = stem + dem;
      return stem + tail;
    });
    const capital = this.claim(() => d.pick(CAP_HEAD) + d.pick(CAP_BODY) + d.pick(C_MID) + d.pick(CAP_TAIL));
    return { name, demonym, capital };
  }

  /** `taken`: short names already used in the story, so "Koç said" names one person only. */
  person(taken: Set<string>): Person {
    let short = '';
    const full = this.claim(() => {
      for (;;) {
        const p = this.d.pick(NAME_MAKERS)(this.d);
        if (taken.has(p.short)) continue;
        short = p.short;
        return p.full;
      }
    });
    taken.add(short);
    return { full, short };
  }
}

// ---------------------------------------------------------------- dates and numbers

export { MONTHS };
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

const DAY_MS = 86_400_000;
const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
const weekday = (t: number): string => WEEKDAYS[new Date(t).getUTCDay()] as string;

type DateStyle = 'us' | 'uk';

function fmtDate(t: number, style: DateStyle, withYear: boolean): string {
  const d = new Date(t);
  const m = MONTHS[d.getUTCMonth()] as string;
  const day = d.getUTCDate();
  if (style === 'us') return withYear ? `${m} ${day}, ${d.getUTCFullYear()}` : `${m} ${day}`;
  return withYear ? `${day} ${m} ${d.getUTCFullYear()}` : `${day} ${m}`;
}

function countWord(n: number, d: Dice): string {
  return n < SMALL.length && d.chance(0.7) ? (SMALL[n] as string) : String(n);
}

interface Currency {
  symbol: string;
  code: string;
  word: string;
}
const CURRENCIES: Currency[] = [
  { symbol: '€', code: 'EUR', word: 'euros' },
  { symbol: '$', code: 'USD', word: 'US dollars' },
  { symbol: '£', code: 'GBP', word: 'pounds' },
];

/** `millions` with one decimal, written the outlet's way. */
function fmtMoney(millions: number, cur: Currency, style: number): string {
  if (millions >= 1000) {
    const bn = (millions / 1000).toFixed(2).replace(/0$/, '');
    return style === 1
      ? `${bn} billion ${cur.word}`
      : style === 2
        ? `${cur.code} ${bn} billion`
        : `${cur.symbol}${bn}bn`;
  }
  const m = millions.toFixed(1);
  return style === 1
    ? `${m} million ${cur.word}`
    : style === 2
      ? `${cur.code} ${m} million`
      : `${cur.symbol}${m} million`;
}

/** Two significant digits, rounded as the hedge allows: "nearly" rounds up, "more than" down. */
function hedged(millions: number, hedge: 'roughly' | 'about' | 'nearly' | 'more than' | 'some'): number {
  const mag = 10 ** (Math.floor(Math.log10(millions)) - 1);
  if (hedge === 'nearly') return Math.ceil(millions / mag) * mag;
  if (hedge === 'more than') return Math.floor(millions / mag) * mag;
  return Math.round(millions / mag) * mag;
}

function fmtRound(millions: number, cur: Currency, style: number): string {
  if (millions >= 1000) return fmtMoney(millions, cur, style);
  return style === 1 ? `${millions} million ${cur.word}` : `${cur.symbol}${millions} million`;
}

// ---------------------------------------------------------------- the story

const PRODUCTS = [
  ['coffee', 'machine tools'],
  ['copper', 'pharmaceuticals'],
  ['cut flowers', 'rail components'],
  ['frozen fish', 'glassware'],
  ['cotton', 'fertiliser'],
  ['rice', 'turbines'],
  ['cocoa', 'medical equipment'],
  ['timber', 'tractors'],
  ['olive oil', 'software services'],
  ['textiles', 'steel pipes'],
  ['cashew nuts', 'dairy products'],
  ['wine', 'electrical cables'],
];
const SECTORS = [
  'renewable energy',
  'port logistics',
  'customs',
  'higher education',
  'tourism',
  'plant health',
  'digital services',
  'healthcare',
  'water management',
  'civil aviation',
  'mining',
  'culture',
  'vocational training',
  'fisheries',
  'railways',
  'space research',
];
const TITLES = ['President', 'Prime Minister'];

interface StoryTruth {
  id: string;
  a: Country;
  b: Country;
  visitor: Person;
  visitorTitle: string;
  host: Person;
  hostTitle: string;
  fmA: Person;
  fmB: Person;
  former: Person;
  formerTitle: string;
  analyst: Person;
  precedentYear: number;
  relationsYear: number;
  relationsVerb: 'established' | 'restored';
  arrive: number;
  talks: number;
  days: number;
  agreements: number;
  cur: Currency;
  exports: string;
  imports: string;
  year: number;
  tradePrev: number;
  tradeLast: number;
  investment: number;
  delegates: number;
  sectors: string[];
  portCity: string;
}

function makeStory(d: Dice, reg: Registry, id: string): StoryTruth {
  const a = reg.country();
  const b = reg.country();
  const year = d.int(2012, 2026);
  const start = Date.UTC(year, d.int(0, 11), d.int(1, 27));
  const up = d.chance(0.5);
  // one decimal that is never .0, so a rounded figure always reads differently
  const tradeLast = d.int(80, 2900) + d.int(1, 9) / 10;
  const tradePrev = Math.round(tradeLast * (1 + (d.int(8, 25) / 100) * (up ? -1 : 1)) * 10) / 10;
  const precedentYear = d.int(1958, 1989);
  const [exports, imports] = d.pick(PRODUCTS) as [string, string];
  const port = reg.country().capital;
  // The earlier visitor holds the same office, so "first-ever visit by a president" really is contradicted.
  const visitorTitle = d.pick(TITLES);
  const shorts = new Set<string>();
  return {
    id,
    a,
    b,
    visitor: reg.person(shorts),
    visitorTitle,
    host: reg.person(shorts),
    hostTitle: d.pick(TITLES),
    fmA: reg.person(shorts),
    fmB: reg.person(shorts),
    former: reg.person(shorts),
    formerTitle: visitorTitle,
    analyst: reg.person(shorts),
    precedentYear,
    relationsYear: d.int(precedentYear + 3, 2005),
    relationsVerb: d.chance(0.5) ? 'established' : 'restored',
    arrive: start,
    talks: start + DAY_MS,
    days: d.int(2, 4),
    agreements: d.int(4, 14),
    cur: d.pick(CURRENCIES),
    exports,
    imports,
    year,
    tradeLast,
    tradePrev,
    investment: d.int(40, 900) + d.int(1, 9) / 10,
    delegates: d.int(3, 12) * 10,
    sectors: d.sample(SECTORS, 6),
    portCity: port,
  };
}

// ---------------------------------------------------------------- outlets

type OutletKind = 'agency' | 'daily' | 'international' | 'business' | 'broadcaster';

interface Outlet {
  name: string;
  slug: string;
  kind: OutletKind;
  style: DateStyle;
  diacritics: boolean;
  money: number;
  signoff: string | null;
  dateline: boolean;
}

const INTL_NAMES = [
  'The Meridian',
  'Global Ledger',
  'World Courier',
  'The Continental',
  'Atlas Review',
  'The Observer Weekly',
];
const BIZ_NAMES = ['Trade Monitor', 'Markets Daily', 'Commerce Wire', 'Freight & Trade', 'The Exchange'];

function makeOutlets(d: Dice, s: StoryTruth, k: number): Outlet[] {
  const candidates: Omit<Outlet, 'slug' | 'style' | 'money' | 'dateline'>[] = [
    { name: `${s.a.demonym} News Agency`, kind: 'agency', diacritics: true, signoff: '/.' },
    { name: `${s.b.demonym} Press Service`, kind: 'agency', diacritics: true, signoff: '/.' },
    { name: `${s.b.capital} Herald`, kind: 'daily', diacritics: true, signoff: null },
    { name: `${s.a.name} Today`, kind: 'daily', diacritics: true, signoff: null },
    { name: d.pick(INTL_NAMES), kind: 'international', diacritics: false, signoff: null },
    { name: d.pick(BIZ_NAMES), kind: 'business', diacritics: d.chance(0.5), signoff: null },
    { name: `${s.b.demonym} Broadcasting`, kind: 'broadcaster', diacritics: true, signoff: null },
    { name: `${s.a.capital} Evening Post`, kind: 'daily', diacritics: d.chance(0.5), signoff: null },
  ];
  return d.sample(candidates, k).map((c) => {
    const initials = c.name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .toUpperCase();
    return {
      ...c,
      slug: plain(c.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      style: d.chance(0.5) ? 'us' : 'uk',
      money: d.int(0, 2),
      signoff: c.signoff ?? (c.kind === 'broadcaster' || d.chance(0.3) ? `— ${initials}` : null),
      dateline: d.chance(0.8),
    };
  });
}

// ---------------------------------------------------------------- roles

/** What one article says about each fact: the truth, a planted error, or nothing. */
interface Roles {
  trade: 'true' | 'wrong' | null;
  tradeWrongBy?: number;
  agreements: 'true' | 'wrong' | null;
  agreementsWrong?: number;
  talksDate: 'weekday' | 'weekdayWrong' | 'dayWrong' | 'plain' | null;
  novelty: 'unqualified' | 'scoped' | null;
  precedent: boolean;
  trend: 'true' | 'false' | null;
  series: boolean;
  investment: 'exact' | 'rough' | null;
}

function emptyRoles(): Roles {
  return {
    trade: null,
    agreements: null,
    talksDate: null,
    novelty: null,
    precedent: false,
    trend: null,
    series: false,
    investment: null,
  };
}

function planRoles(d: Dice, k: number, rate: number): Roles[] {
  const roles = Array.from({ length: k }, emptyRoles);
  // Conflicts need two articles; a novelty conflict plus its scoped twin needs three.
  if (k < 3) rate = 0;
  const planted: ConflictKind[] = [];
  const order = (): number[] => d.shuffle(Array.from({ length: k }, (_, i) => i));

  // Background: each article mentions most facts truthfully.
  for (const r of roles) {
    if (d.chance(0.6)) r.trade = 'true';
    if (d.chance(0.6)) r.agreements = 'true';
    if (d.chance(0.6)) r.talksDate = d.chance(0.5) ? 'weekday' : 'plain';
    if (d.chance(0.35)) r.investment = d.chance(0.5) ? 'exact' : 'rough';
    if (d.chance(0.4)) r.trend = 'true';
    if (d.chance(0.25)) r.series = true;
  }
  // The history paragraph: one article recalls the earlier visit, others may scope their "first".
  const [p0, u, s] = order();
  roles[p0!]!.precedent = true;
  if (s !== undefined) roles[s]!.novelty = 'scoped';

  if (d.chance(rate)) {
    planted.push('novelty_vs_precedent');
    roles[u!]!.novelty = 'unqualified';
  }
  if (d.chance(rate)) {
    planted.push('figure_mismatch');
    const [w, t] = order() as [number, number];
    roles[w]!.trade = 'wrong';
    roles[w]!.tradeWrongBy = (d.chance(0.5) ? 1 : -1) * (d.int(5, 15) / 100);
    roles[t]!.trade = 'true';
  }
  if (d.chance(rate)) {
    planted.push('count_mismatch');
    const [w, t] = order() as [number, number];
    roles[w]!.agreements = 'wrong';
    roles[w]!.agreementsWrong = d.chance(0.5) ? d.int(1, 3) : -d.int(1, 3);
    roles[t]!.agreements = 'true';
  }
  if (d.chance(rate)) {
    planted.push('date_mismatch');
    const [w, t] = order() as [number, number];
    roles[w]!.talksDate = d.chance(0.6) ? 'weekdayWrong' : 'dayWrong';
    roles[t]!.talksDate = 'weekday';
  }
  if (d.chance(rate)) {
    planted.push('trend_contradiction');
    const [w, t] = order() as [number, number];
    if (d.chance(0.5)) {
      roles[w]!.trend = 'false';
      roles[w]!.series = false;
      roles[t]!.trend = 'true';
    } else {
      roles[w]!.trend = 'false';
      roles[w]!.series = true;
    }
  }
  // Without a planted trend conflict nobody contradicts the figures.
  for (const r of roles)
    if (r.trend === 'false' && !planted.includes('trend_contradiction')) r.trend = 'true';
  // Two true trade figures and two exact dates give the must-not-flag pairs something to pair.
  for (const key of ['trade', 'agreements'] as const) {
    if (roles.filter((r) => r[key] === 'true').length < 2) {
      for (const i of order())
        if (roles[i]![key] === null) {
          roles[i]![key] = 'true';
          break;
        }
    }
  }
  if (!roles.some((r) => r.investment === 'rough')) roles[order()[0]!]!.investment = 'rough';
  if (!roles.some((r) => r.investment === 'exact'))
    for (const i of order())
      if (roles[i]!.investment === null) {
        roles[i]!.investment = 'exact';
        break;
      }
  return roles;
}

// ---------------------------------------------------------------- writing

/** A sentence the gold refers to: `key` is a piece of it that is unique in its article. */
interface Mark {
  fact: string;
  variant: string;
  key: string;
}

function wordCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

class ArticleWriter {
  readonly paragraphs: string[] = [];
  readonly marks: Mark[] = [];
  readonly boilerplate: string[] = [];
  words = 0;

  para(...sentences: string[]): void {
    const p = sentences.join(' ');
    this.paragraphs.push(p);
    this.words += wordCount(p);
  }
  mark(fact: string, variant: string, sentence: string, key: string): string {
    if (!sentence.includes(key)) throw new Error(`key not in sentence: ${key}`);
    this.marks.push({ fact, variant, key });
    return sentence;
  }
  boiler(line: string, key = line): void {
    this.paragraphs.push(line);
    this.boilerplate.push(key);
  }
}

interface Voice {
  s: StoryTruth;
  o: Outlet;
  d: Dice;
  /** Names as this outlet spells them. */
  n: (p: Person | string) => string;
  pubDate: number;
  /** Whether the file starts with a " date YYYY-MM-DD" line. */
  dated: boolean;
}

function writeArticle(v: Voice, r: Roles, target: number): ArticleWriter {
  const { s, o, d, n } = v;
  const w = new ArticleWriter();
  const A = n(s.a.name);
  const B = n(s.b.name);
  const aDem = s.a.demonym;
  const bDem = s.b.demonym;
  const capB = n(s.b.capital);
  const visitor = `${s.visitorTitle} ${n(s.visitor)}`;
  const host = `${s.hostTitle} ${n(s.host)}`;
  const titleWord = s.visitorTitle === 'President' ? 'president' : 'prime minister';

  // Title: never carries a gold claim, so keys stay unique in the body.
  w.para(
    d.pick([
      `${n(s.visitor.short)} in ${capB}: ${A} and ${B} open a new chapter`,
      `${aDem} ${titleWord} begins state visit to ${B}`,
      `${n(s.host.short)} welcomes ${n(s.visitor.short)} as ${B} looks to ${A}`,
      `What ${A} wants from ${B}`,
      `${A}–${B} ties: ships, cables and classrooms`,
      `${n(s.visitor.short)}'s ${B} visit puts trade at the top of the agenda`,
    ]),
  );

  // Lead with dateline.
  const dl =
    o.kind === 'agency'
      ? `${s.b.capital.toUpperCase()}, ${fmtDate(v.pubDate, o.style, false)} (${o.name
          .split(' ')
          .map((x) => x[0])
          .join('')}) – `
      : o.dateline
        ? `${plain(s.b.capital).toUpperCase()} — `
        : '';
  const arriveDate = fmtDate(s.arrive, o.style, d.chance(0.5));
  const lead = d.pick([
    `${visitor} of ${A} arrived in ${capB} on ${arriveDate} for a ${countWord(s.days + 1, d)}-day state visit, the centrepiece of a diplomatic push that officials in both capitals describe as overdue.`,
    `${visitor} landed in ${capB} on ${arriveDate}, opening a state visit during which ${A} hopes to turn decades of goodwill with ${B} into trade, investment and shipping links.`,
    `${A}'s ${titleWord}, ${n(s.visitor)}, began a state visit to ${B} on ${arriveDate}, bringing ${countWord(s.delegates, d)} business executives and a long list of requests.`,
  ]);
  w.para(
    dl + w.mark('arrival', 'true', lead, `on ${arriveDate}`),
    d.pick([
      `${host} welcomed the guest with a guard of honour.`,
      `The visit is at the invitation of ${host}.`,
      `${host} greeted the delegation at the airport, a gesture usually reserved for close allies.`,
    ]),
  );

  if (d.chance(0.5)) {
    const place = d.pick([
      'the presidential palace',
      'the foreign ministry',
      'the national assembly',
      'the old town hall',
    ]);
    w.boiler(
      `${visitor} (left) and ${host} at ${place} in ${capB}. (Photo: ${o.name})`,
      `(Photo: ${o.name})`,
    );
  }

  // Talks date.
  if (r.talksDate) {
    const t = r.talksDate === 'dayWrong' ? s.talks + (d.chance(0.5) ? 1 : 2) * DAY_MS : s.talks;
    let wd = weekday(t);
    if (r.talksDate === 'weekdayWrong') wd = WEEKDAYS[(WEEKDAYS.indexOf(wd) + d.int(1, 6)) % 7] as string;
    // A bare "March 11" only where the date line says which year.
    const date = fmtDate(t, o.style, r.talksDate !== 'plain' || !v.dated || d.chance(0.5));
    const when = r.talksDate === 'plain' || r.talksDate === 'dayWrong' ? `on ${date}` : `on ${wd}, ${date}`;
    const sentence = d.pick([
      `${n(s.visitor.short)} and ${n(s.host.short)} held talks ${when} behind closed doors, first alone and then with their delegations.`,
      `The formal talks took place ${when} in the ${d.pick(['mirror hall', 'east wing', 'council chamber'])} of the presidential palace.`,
      `When the two leaders sat down for talks ${when}, the agenda was dominated by trade and shipping.`,
    ]);
    w.para(
      w.mark('talksDate', r.talksDate, sentence, when),
      d.pick([
        `Officials said the discussions ran well over the scheduled two hours.`,
        `Both sides described the atmosphere as warm and businesslike.`,
        `Aides on both sides said the conversation was frank on the question of market access.`,
      ]),
    );
  }

  // Agreements.
  if (r.agreements) {
    const count =
      r.agreements === 'wrong' ? Math.max(2, s.agreements + (r.agreementsWrong ?? 1)) : s.agreements;
    const cw = countWord(count, d);
    const noun = d.pick(['agreements', 'cooperation agreements']);
    const list = `${s.sectors.slice(0, 3).join(', ')} and ${s.sectors[3]}`;
    const [sentence, key] = d.pick([
      [`The two sides signed ${cw} ${noun}, covering ${list}.`, `signed ${cw} ${noun}`],
      [
        `After the talks the leaders witnessed the signing of ${cw} ${noun} in areas ranging from ${s.sectors[0]} to ${s.sectors[5]}.`,
        `signing of ${cw} ${noun}`,
      ],
      [`A total of ${cw} ${noun} were signed during the visit, in ${list}.`, `A total of ${cw} ${noun}`],
    ] as [string, string][]);
    w.para(w.mark('agreements', r.agreements, sentence, key));
  }

  // History: precedent and novelty.
  const hist: string[] = [];
  if (r.precedent) {
    const [sentence, key] = d.pick([
      [
        `${n(s.visitor.short)} is not the first ${aDem} leader to make the journey: ${s.formerTitle} ${n(s.former)} visited ${capB} in ${s.precedentYear}.`,
        `${n(s.former)} visited ${capB} in ${s.precedentYear}`,
      ],
      [
        `In ${s.precedentYear}, ${s.formerTitle} ${n(s.former)} paid a state visit to ${B}, a trip still remembered in ${capB}.`,
        `In ${s.precedentYear}, ${s.formerTitle} ${n(s.former)} paid a state visit`,
      ],
      [
        `The last ${aDem} head of state to visit was ${n(s.former)}, who came to ${capB} in ${s.precedentYear}.`,
        `who came to ${capB} in ${s.precedentYear}`,
      ],
    ] as [string, string][]);
    hist.push(w.mark('precedent', 'true', sentence, key));
  }
  if (r.novelty === 'scoped') {
    const [sentence, key] = d.pick([
      [
        `The visit is the first by a ${aDem} head of state since diplomatic relations were ${s.relationsVerb} in ${s.relationsYear}.`,
        `first by a ${aDem} head of state since`,
      ],
      [
        `It is the first such visit since ${s.relationsYear}, when the two countries ${s.relationsVerb} diplomatic relations.`,
        `first such visit since ${s.relationsYear}`,
      ],
      [
        `No ${aDem} leader had visited ${B} in the ${s.year - s.relationsYear} years since relations were ${s.relationsVerb} in ${s.relationsYear}.`,
        `in the ${s.year - s.relationsYear} years since relations were`,
      ],
    ] as [string, string][]);
    hist.push(w.mark('novelty', 'scoped', sentence, key));
  } else if (r.novelty === 'unqualified') {
    const [sentence, key] = d.pick([
      [
        `The trip is the first-ever visit by a ${aDem} ${titleWord} to ${B}.`,
        `first-ever visit by a ${aDem} ${titleWord}`,
      ],
      [
        `Never before has a ${aDem} ${titleWord} set foot in ${B}, and the hosts made the most of it.`,
        `Never before has a ${aDem} ${titleWord}`,
      ],
      [
        `Officials called it historic: the first time a ${aDem} leader had ever travelled to ${B}.`,
        `the first time a ${aDem} leader had ever travelled`,
      ],
    ] as [string, string][]);
    hist.push(w.mark('novelty', 'unqualified', sentence, key));
  }
  if (hist.length > 0) {
    hist.push(
      d.pick([
        `Relations cooled in the years that followed, before a slow thaw in the early ${Math.floor(s.relationsYear / 10) * 10}s.`,
        `Diplomats on both sides say the relationship has long been warmer than the volume of business suggests.`,
        `The two countries have supported each other's candidacies at the United Nations for most of the past decade.`,
      ]),
    );
    w.para(...hist);
  }

  // Trade.
  const trade: string[] = [];
  const money = (m: number): string => fmtMoney(m, s.cur, o.money);
  const lastYear = s.year - 1;
  const prevYear = s.year - 2;
  const tradeName = d.pick(['bilateral trade', 'two-way trade', `trade between ${A} and ${B}`]);
  if (r.trade) {
    const value =
      r.trade === 'wrong' ? Math.round(s.tradeLast * (1 + (r.tradeWrongBy ?? 0.1)) * 10) / 10 : s.tradeLast;
    const fig = money(value);
    const source = d.pick([
      `the ${aDem} statistics office`,
      `${B}'s trade ministry`,
      'customs data',
      'official figures',
    ]);
    const [sentence, key] = d.pick([
      [
        `According to ${source}, ${tradeName} reached ${fig} in ${lastYear}.`,
        `reached ${fig} in ${lastYear}`,
      ],
      [
        `${cap1(tradeName)} was worth ${fig} in ${lastYear}, according to ${source}.`,
        `worth ${fig} in ${lastYear}`,
      ],
      [
        `In ${lastYear}, ${tradeName} totalled ${fig}, ${source} ${/data|figures/.test(source) ? 'show' : 'said'}.`,
        `totalled ${fig}`,
      ],
    ] as [string, string][]);
    trade.push(w.mark('trade', r.trade, sentence, key));
  }
  if (r.series) {
    const sentence = `${cap1(tradeName)} stood at ${money(s.tradePrev)} in ${prevYear} and ${money(s.tradeLast)} in ${lastYear}.`;
    trade.push(w.mark('series', 'true', sentence, `stood at ${money(s.tradePrev)} in ${prevYear}`));
  }
  if (r.trend) {
    const up = s.tradeLast > s.tradePrev === (r.trend === 'true');
    const [sentence, key] = up
      ? d.pick([
          [
            `${cap1(tradeName)} has grown steadily over the past two years, officials said.`,
            'has grown steadily over the past two years',
          ],
          [
            `Officials stress that commerce between the two countries has expanded strongly since ${prevYear}.`,
            `has expanded strongly since ${prevYear}`,
          ],
          [
            `Both governments point to a rise in trade in recent years as proof that the relationship works.`,
            'a rise in trade in recent years',
          ],
        ] as [string, string][])
      : d.pick([
          [
            `${cap1(tradeName)} has shrunk over the past two years, as demand for ${s.exports} weakened.`,
            'has shrunk over the past two years',
          ],
          [
            `Commerce between the two countries has declined since ${prevYear}, a trend both sides want to reverse.`,
            `has declined since ${prevYear}`,
          ],
          [
            `Trade has fallen in recent years, hit by freight costs and weak demand for ${s.imports}.`,
            'Trade has fallen in recent years',
          ],
        ] as [string, string][]);
    trade.push(w.mark('trend', up ? 'up' : 'down', sentence, key));
  }
  if (trade.length > 0) {
    trade.push(
      d.pick([
        `${A} sells mainly ${s.exports}, while ${B} ships ${s.imports}.`,
        `${aDem} exports are dominated by ${s.exports}; ${bDem} firms sell ${s.imports}.`,
        `The trade is lopsided: ${s.exports} one way, ${s.imports} the other.`,
      ]),
    );
    w.para(...trade);
  }

  // Investment.
  if (r.investment) {
    const hedge = d.pick(['roughly', 'about', 'nearly', 'more than', 'some'] as const);
    const sentence =
      r.investment === 'exact'
        ? `The stock of ${bDem} direct investment in ${A} reached ${money(s.investment)} at the end of ${lastYear}, according to the central bank.`
        : `${bDem} companies hold ${hedge} ${fmtRound(hedged(s.investment, hedge), s.cur, o.money === 1 ? 1 : 0)} in assets in ${A}, most of it in ${s.sectors[1]} and ${s.sectors[2]}.`;
    const key =
      r.investment === 'exact'
        ? `reached ${money(s.investment)} at the end of ${lastYear}`
        : `hold ${hedge} ${fmtRound(hedged(s.investment, hedge), s.cur, o.money === 1 ? 1 : 0)}`;
    w.para(w.mark('investment', r.investment, sentence, key));
  }

  // Quotes and colour until the article is long enough.
  const fillers = fillerParagraphs(v);
  for (const f of fillers) {
    if (w.words >= target) break;
    w.para(f);
  }

  if (o.signoff === '/.') {
    const last = w.paragraphs.length - 1;
    w.paragraphs[last] = `${w.paragraphs[last]}/.`;
  } else if (o.signoff) {
    w.boiler(o.signoff);
  }

  if (d.chance(0.4)) {
    w.boiler('See more');
    w.boiler(`${B} and its neighbours agree to add flights, the first new air link in ${d.int(5, 30)} years`);
    w.boiler(
      `${capB} port traffic rose ${d.int(3, 19)} per cent last year, the fastest growth since ${d.int(1995, 2012)}`,
    );
  }
  return w;
}

function cap1(t: string): string {
  return t[0]!.toUpperCase() + t.slice(1);
}

/**
 * Colour around the claims: quotes, plans, context. Each topic has several wordings and
 * paragraphs pair two topics, so outlets in one story rarely print the same paragraph.
 * Nothing here states a figure, count or date that another outlet could contradict.
 */
function fillerParagraphs(v: Voice): string[] {
  const { s, n, d } = v;
  const A = n(s.a.name);
  const B = n(s.b.name);
  const capA = n(s.a.capital);
  const capB = n(s.b.capital);
  const port = n(s.portCity);
  const vis = n(s.visitor.short);
  const hst = n(s.host.short);
  const analyst = n(s.analyst);
  const aDem = s.a.demonym;
  const bDem = s.b.demonym;
  const said = (): string =>
    d.pick(['said', 'told reporters', 'said at a joint news conference', 'told a business forum']);
  // After a quotation the verb comes first ("…," said X), where "told reporters" cannot stand.
  const saidInv = (): string => d.pick(['said', 'says', 'added']);
  const topics: string[][] = [
    [
      `"We have had good speeches for thirty years. What we need now is a ship that leaves on time and arrives when it says it will," ${saidInv()} ${analyst}, who advises ${bDem} exporters.`,
      `${analyst}, an adviser to ${bDem} exporters, was blunter: "Speeches are cheap. A reliable ship is not."`,
      `Exporters want deeds rather than words, according to ${analyst}, who advises ${bDem} firms trading with ${A}.`,
    ],
    [
      `${vis} ${said()} that ${A} wanted ${B} to become its gateway to a wider market. "We are not here for photographs. We are here for contracts," ${vis} added.`,
      `"We did not come for the photographs," ${vis} ${said()}. "We came for contracts, and we will leave with some."`,
      `${vis} made clear that ${A} sees ${B} as a door to a much larger market, and said the delegation had come to sign contracts rather than to sightsee.`,
    ],
    [
      `${hst} praised the patience of two peoples who kept trading even when their governments stopped talking, and accepted an invitation to visit ${capA} next year.`,
      `Speaking after the talks, ${hst} thanked the guests and said an invitation to ${capA} had been "gladly accepted".`,
      `${hst} will return the visit next year, the two sides announced, without giving a date.`,
    ],
    [
      `Much of the discussion concerned a proposed direct shipping service between ${port} and ${capB}, which officials hope could cut transit times for ${s.exports} by more than a week.`,
      `The most concrete project on the table is a direct container line linking ${port} with ${capB}, meant to spare ${s.exports} a long detour through third ports.`,
      `Shipping dominated the working sessions: a direct line from ${port} would let ${aDem} ${s.exports} reach ${bDem} buyers far faster than today.`,
    ],
    [
      `Foreign ministers ${n(s.fmA)} and ${n(s.fmB)} met separately to prepare a joint action plan, and agreed that a commission on economic cooperation would meet before the end of the year.`,
      `In a parallel meeting, ${n(s.fmA)} and her counterpart ${n(s.fmB)} drafted an action plan to put the leaders' decisions into practice.`.replace(
        ' her ',
        d.chance(0.5) ? ' her ' : ' his ',
      ),
      `The foreign ministers, ${n(s.fmB)} and ${n(s.fmA)}, were tasked with drawing up a timetable for the commitments made during the visit.`,
    ],
    [
      `Not everyone is convinced. "Memoranda are the easy part," ${saidInv()} ${analyst}. "The hard part is persuading a small firm to wait two months for payment in a currency it does not know."`,
      `Sceptics point out that earlier promises of closer ties produced more conferences than contracts.`,
      `Some economists doubt that goodwill alone can overcome distance, freight costs and unfamiliar rules.`,
    ],
    [
      `The ${aDem} delegation includes ${n(s.fmA)}, several ministers and executives from the ${s.exports} and ${s.sectors[3]} industries.`,
      `Travelling with ${vis} are several cabinet ministers, among them ${n(s.fmA)}, and bosses from the ${s.exports} trade.`,
      `${n(s.fmA)} heads the ministerial side of the delegation, while the business side is led by ${s.exports} producers.`,
    ],
    [
      `In ${capA}, opposition politicians accused the government of collecting foreign trips while prices at home keep rising. The government says the visit will pay for itself in new orders.`,
      `At home, critics say ${vis} spends too much time abroad. Aides reply that every trip is measured in orders won.`,
      `The opposition in ${capA} dismissed the trip as a photo opportunity, a charge the government rejected.`,
    ],
    [
      `Business groups in ${capB} welcomed the visit but asked for simpler visa rules, saying that engineers and buyers from ${A} often wait weeks for an appointment.`,
      `${bDem} employers used the occasion to lobby for easier visas for ${aDem} engineers.`,
      `Chambers of commerce in both capitals have called for faster visas and a double-taxation treaty.`,
    ],
    [
      `Universities in both countries plan to exchange students in ${s.sectors[3]} and ${s.sectors[4]}, with the first group expected to travel in the autumn.`,
      `Student exchanges in ${s.sectors[4]} are also planned, starting with the next academic year.`,
      `Education officials discussed scholarships and joint degrees, particularly in ${s.sectors[3]}.`,
    ],
    [
      `Security was tight in the centre of ${capB}, where several streets around the palace were closed to traffic for most of the day.`,
      `Police closed the streets around the palace, and commuters in ${capB} were advised to leave their cars at home.`,
      `Crowds waving both flags lined the route from the airport into ${capB}.`,
    ],
    [
      `${hst} and ${vis} also discussed regional security and cooperation at international organisations, where the two countries have often voted the same way.`,
      `On foreign policy, the two leaders found much common ground, notably on the reform of international financial institutions.`,
      `The leaders also compared notes on regional security, a subject on which their positions have converged.`,
    ],
    [
      `Freight forwarders cautioned that any new route would need cargo in both directions. "If the ships sail home half empty, the service will not survive two winters," one of them ${said()}.`,
      `Logistics firms warn that a shipping line lives or dies by its return cargo.`,
      `Forwarders welcomed the plans but asked what the ships would carry on the way back.`,
    ],
    [
      `On the cultural side, the two governments agreed to hold reciprocal culture weeks, with film screenings, concerts and an exhibition of ${aDem} textiles.`,
      `Culture was not forgotten: a season of ${aDem} cinema is planned in ${capB}, and ${bDem} orchestras will tour ${A}.`,
      `The visit also produced plans for cultural exchanges, from concerts to a travelling exhibition.`,
    ],
    [
      `The visit ends with a stop in ${port}, where ${vis} is expected to tour the docks and meet ${bDem} logistics firms.`,
      `Before flying home, ${vis} is due to visit ${port} and its docks.`,
      `The last leg of the programme takes the delegation to ${port}.`,
    ],
    [
      `Diplomats said the two sides also agreed to open honorary consulates in two regional cities and to review their air services agreement.`,
      `A review of the air services agreement is also on the cards, diplomats said.`,
      `Consular cooperation will be stepped up, including honorary consulates outside the capitals.`,
    ],
    [
      `Analysts note that ${A} has spent much of the past decade looking for partners beyond its immediate region, and sees ${B} as a foothold in a larger market.`,
      `For ${A}, the trip fits a long effort to diversify its partners beyond its neighbourhood.`,
      `The visit reflects ${A}'s drive to find markets far from home, analysts say.`,
    ],
    [
      `${hst}'s office released a joint statement pledging to "deepen political trust, broaden economic ties and bring the two peoples closer together".`,
      `A joint statement spoke of "a new chapter" and committed both sides to regular meetings at the highest level.`,
      `In their joint declaration the leaders promised to meet regularly and to review progress every year.`,
    ],
    [
      `Officials also explored cooperation in ${s.sectors[0]}, where ${bDem} firms see openings in ${A}.`,
      `${s.sectors[0].replace(/^./, (c) => c.toUpperCase())} is seen as the most promising field after trade.`,
      `Several ${bDem} companies presented projects in ${s.sectors[0]} to the visiting ministers.`,
    ],
    [
      `Tourism officials hope direct flights will follow the ships; for now, travellers between the two capitals must change planes at least once.`,
      `There are still no direct flights between ${capA} and ${capB}, a gap both tourism boards want closed.`,
      `Travel agents in ${capA} report growing interest in ${B}, though the journey remains long and expensive.`,
    ],
    [
      `The mood at the state banquet was relaxed, with both leaders departing from their prepared texts.`,
      `At the state banquet, ${hst} raised a toast to "friends who are far away but never distant".`,
      `A state banquet closed the first day of the visit.`,
    ],
    [
      `Farm officials discussed access for ${s.exports}, which still faces lengthy inspections on arrival.`,
      `${aDem} producers of ${s.exports} complain that inspections at the border take too long.`,
      `Plant-health rules remain a sticking point for ${aDem} ${s.exports}.`,
    ],
  ];
  d.shuffle(topics);
  const out: string[] = [];
  for (let i = 0; i + 1 < topics.length; i += 2) {
    out.push(`${d.pick(topics[i]!)} ${d.pick(topics[i + 1]!)}`);
  }
  return out;
}

// ---------------------------------------------------------------- assembly

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const d = new Dice(mulberry32(options.seed));
  const reg = new Registry(d);
  const rate = options.conflictRate ?? 0.5;
  const target = options.wordsPerArticle ?? 600;
  const files: GeneratedFile[] = [];
  const gold: Gold = {
    about: `Synthetic corpus (seed ${options.seed}, ${options.articles} articles, conflict rate ${rate}): invented state visits, each covered by 3-8 invented outlets. Same rules as the seeds gold; article = file-name prefix "<story>-<nn>".`,
    conflicts: [],
    must_not_flag: [],
    aliases: [],
    boilerplate: [],
    stories: [],
  };

  let remaining = Math.max(0, Math.floor(options.articles));
  let storyNo = 0;
  while (remaining > 0) {
    let k = d.int(3, 8);
    if (remaining <= 8) k = remaining;
    else if (remaining - k < 3) k = remaining - 3;
    remaining -= k;
    storyNo++;
    const id = String(storyNo).padStart(5, '0');
    writeStory(d, reg, id, k, rate, target, files, gold);
  }
  return { files, gold };
}

function writeStory(
  d: Dice,
  reg: Registry,
  id: string,
  k: number,
  rate: number,
  target: number,
  files: GeneratedFile[],
  gold: Gold,
): void {
  const s = makeStory(d, reg, id);
  const outlets = makeOutlets(d, s, k);
  const roles = planRoles(d, k, rate);
  const articles: { prefix: string; w: ArticleWriter; o: Outlet; text: string }[] = [];

  outlets.forEach((o, i) => {
    const prefix = `${id}-${String(i + 1).padStart(2, '0')}`;
    const pubDate = s.talks + d.int(0, 3) * DAY_MS;
    const v: Voice = {
      s,
      o,
      d,
      n: (p) => {
        const t = typeof p === 'string' ? p : p.full;
        return o.diacritics ? t : plain(t);
      },
      pubDate,
      dated: o.dateline || o.kind === 'agency',
    };
    const w = writeArticle(v, roles[i]!, d.int(target - 40, target + 40));
    const body = w.paragraphs.join('\n\n') + '\n';
    const text = v.dated ? ` date ${isoDate(pubDate)} ${body}` : body;
    files.push({ name: `${prefix}-${o.slug}.txt`, text });
    articles.push({ prefix, w, o, text });
  });

  const side = (i: number, key: string): GoldSide => ({
    article: articles[i]!.prefix,
    sentence_contains: key,
  });
  const find = (fact: string, pred: (variant: string) => boolean): [number, string][] => {
    const out: [number, string][] = [];
    articles.forEach((a, i) => {
      for (const m of a.w.marks) if (m.fact === fact && pred(m.variant)) out.push([i, m.key]);
    });
    return out;
  };
  let seq = 0;
  const conflict = (kind: ConflictKind, why: string, x: [number, string], y: [number, string]): void => {
    gold.conflicts.push({
      id: `${id}-C${++seq}`,
      kind,
      why,
      a: side(...x),
      b: side(...y),
      story: id,
    } as GoldConflict);
  };
  const safe = (why: string, x: [number, string], y: [number, string]): void => {
    gold.must_not_flag.push({
      id: `${id}-N${++seq}`,
      why,
      a: side(...x),
      b: side(...y),
      story: id,
    } as GoldPair);
  };

  const precedent = find('precedent', () => true);
  for (const u of find('novelty', (v) => v === 'unqualified'))
    for (const p of precedent)
      conflict('novelty_vs_precedent', 'unqualified first vs an earlier visit', u, p);
  for (const sc of find('novelty', (v) => v === 'scoped'))
    for (const p of precedent)
      safe('scoped first (since a later year) is consistent with the earlier visit', sc, p);

  const tradeTrue = find('trade', (v) => v === 'true');
  for (const w of find('trade', (v) => v === 'wrong'))
    for (const t of tradeTrue.slice(0, 2))
      conflict('figure_mismatch', 'trade figure for the same year differs', w, t);
  if (tradeTrue.length >= 2) safe('same trade figure', tradeTrue[0]!, tradeTrue[1]!);

  const agrTrue = find('agreements', (v) => v === 'true');
  for (const w of find('agreements', (v) => v === 'wrong'))
    for (const t of agrTrue.slice(0, 2)) conflict('count_mismatch', 'number of agreements differs', w, t);
  if (agrTrue.length >= 2) safe('same number of agreements', agrTrue[0]!, agrTrue[1]!);

  const dateGood = find('talksDate', (v) => v === 'weekday' || v === 'plain');
  const weekdayGood = find('talksDate', (v) => v === 'weekday');
  for (const w of find('talksDate', (v) => v === 'weekdayWrong'))
    for (const t of weekdayGood.slice(0, 1))
      conflict('date_mismatch', `the weekday does not match the date (${weekday(s.talks)})`, w, t);
  for (const w of find('talksDate', (v) => v === 'dayWrong'))
    for (const t of dateGood.slice(0, 2)) conflict('date_mismatch', 'the talks are dated differently', w, t);
  const arrival = find('arrival', () => true).find((x) => dateGood[0] && x[0] !== dateGood[0][0]);
  if (arrival)
    safe('different events: the arrival and the talks are on different days', arrival, dateGood[0]!);
  if (dateGood.length >= 2)
    safe('same date of the talks (and a correct weekday)', dateGood[0]!, dateGood[1]!);

  const up = s.tradeLast > s.tradePrev;
  const trendTrue = find('trend', (v) => (v === 'up') === up);
  const trendFalse = find('trend', (v) => (v === 'up') !== up);
  const series = find('series', () => true);
  for (const f of trendFalse) {
    for (const t of trendTrue.slice(0, 2))
      conflict('trend_contradiction', 'growth vs decline wording for trade', f, t);
    for (const sr of series)
      if (sr[0] === f[0])
        conflict('trend_contradiction', "the trend wording contradicts the article's own figures", f, sr);
  }
  if (trendTrue.length >= 2) safe('same trend direction', trendTrue[0]!, trendTrue[1]!);
  for (const t of trendTrue)
    for (const sr of series)
      if (sr[0] === t[0]) safe("the trend wording agrees with the article's own figures", t, sr);

  const rough = find('investment', (v) => v === 'rough');
  const exact = find('investment', (v) => v === 'exact');
  if (rough.length > 0 && exact.length > 0)
    safe('hedged investment figure agrees with the exact one', rough[0]!, exact[0]!);

  const people = [s.visitor, s.host, s.former];
  for (const p of people) {
    const forms = new Set<string>();
    for (const a of articles) {
      const name = a.o.diacritics ? p.full : plain(p.full);
      if (a.text.includes(name)) forms.add(name);
    }
    if (forms.size > 1) gold.aliases.push([...forms]);
  }
  for (const a of articles)
    for (const b of a.w.boilerplate) gold.boilerplate.push({ article: a.prefix, sentence_contains: b });

  const planted = [...new Set(gold.conflicts.filter((c) => c.story === id).map((c) => c.kind))];
  const entities = [s.a.name, s.b.name, s.a.capital, s.b.capital, s.portCity];
  for (const p of [s.visitor, s.host, s.fmA, s.fmB, s.former, s.analyst]) entities.push(p.full);
  (gold.stories as GoldStory[]).push({ id, articles: articles.map((a) => a.prefix), planted, entities });
}
