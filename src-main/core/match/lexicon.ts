/**
 * Word lists the matcher reasons with: countries and their adjectives, leadership
 * roles, event nouns, metric families. Kept general on purpose — the detector is
 * judged on articles it has never seen, so nothing here names the seed story; places
 * the list lacks ("Marvela", "Kestria") are learned from the desk itself through
 * their adjectives ("Marvelan") in `placeFromWord`.
 */

/** Country key → adjectives whose stem is not the name itself. */
const IRREGULAR_DEMONYMS: Record<string, string[]> = {
  france: ['french'],
  netherlands: ['dutch'],
  'united kingdom': ['british', 'uk'],
  britain: ['british'],
  'united states': ['american', 'us', 'u s'],
  switzerland: ['swiss'],
  norway: ['norwegian'],
  denmark: ['danish'],
  sweden: ['swedish'],
  finland: ['finnish'],
  poland: ['polish'],
  spain: ['spanish'],
  portugal: ['portuguese'],
  ireland: ['irish'],
  iceland: ['icelandic'],
  turkey: ['turkish'],
  turkiye: ['turkish'],
  greece: ['greek'],
  cyprus: ['cypriot'],
  philippines: ['filipino', 'philippine'],
  'new zealand': ['new zealander', 'kiwi'],
  'czech republic': ['czech'],
  czechia: ['czech'],
  slovakia: ['slovak'],
  croatia: ['croatian', 'croat'],
  serbia: ['serbian', 'serb'],
  israel: ['israeli'],
  pakistan: ['pakistani'],
  laos: ['lao', 'laotian'],
  myanmar: ['myanmar', 'burmese'],
  'south korea': ['south korean', 'korean'],
  'north korea': ['north korean'],
  japan: ['japanese'],
  china: ['chinese'],
  vietnam: ['vietnamese'],
  'viet nam': ['vietnamese'],
  thailand: ['thai'],
  peru: ['peruvian'],
  madagascar: ['malagasy'],
  'saudi arabia': ['saudi'],
  uae: ['emirati'],
  'united arab emirates': ['emirati'],
  belgium: ['belgian'],
  luxembourg: ['luxembourgish'],
  kazakhstan: ['kazakh'],
  uzbekistan: ['uzbek'],
  kyrgyzstan: ['kyrgyz'],
  tajikistan: ['tajik'],
  turkmenistan: ['turkmen'],
  afghanistan: ['afghan'],
  bangladesh: ['bangladeshi'],
  iraq: ['iraqi'],
  yemen: ['yemeni'],
  oman: ['omani'],
  qatar: ['qatari'],
  kuwait: ['kuwaiti'],
  bahrain: ['bahraini'],
  azerbaijan: ['azerbaijani', 'azeri'],
};

/** Countries named often in news; others are learned from adjectives in the desk. */
const COUNTRIES = [
  ...Object.keys(IRREGULAR_DEMONYMS),
  'russia',
  'ukraine',
  'belarus',
  'germany',
  'italy',
  'austria',
  'hungary',
  'romania',
  'bulgaria',
  'moldova',
  'georgia',
  'armenia',
  'iran',
  'india',
  'indonesia',
  'malaysia',
  'singapore',
  'cambodia',
  'brunei',
  'mongolia',
  'australia',
  'canada',
  'mexico',
  'brazil',
  'argentina',
  'chile',
  'colombia',
  'venezuela',
  'cuba',
  'ecuador',
  'bolivia',
  'uruguay',
  'paraguay',
  'egypt',
  'algeria',
  'morocco',
  'tunisia',
  'libya',
  'nigeria',
  'kenya',
  'ethiopia',
  'ghana',
  'senegal',
  'angola',
  'mozambique',
  'tanzania',
  'uganda',
  'rwanda',
  'zimbabwe',
  'zambia',
  'south africa',
  'syria',
  'lebanon',
  'jordan',
  'palestine',
  'estonia',
  'latvia',
  'lithuania',
  'slovenia',
  'albania',
  'bosnia',
  'montenegro',
  'north macedonia',
  'malta',
  'sri lanka',
  'nepal',
  'bhutan',
  'maldives',
  'timor leste',
  'korea',
  'taiwan',
  'hong kong',
];

export const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(COUNTRIES.map((c) => c.replace(/ /g, '')));

const DEMONYM_TO_COUNTRY = new Map<string, string>();
for (const [country, adjs] of Object.entries(IRREGULAR_DEMONYMS)) {
  for (const a of adjs) DEMONYM_TO_COUNTRY.set(a.replace(/ /g, ''), country.replace(/ /g, ''));
}

/** Place keys compare without spaces so "viet nam" and "vietnam" meet. */
export function placeKey(key: string): string {
  return key.replace(/ /g, '');
}

/**
 * The country a word names or qualifies: "Vietnamese" → "vietnam", "Marvelan" →
 * "marvela" when the desk knows a place "marvela". `places` holds compacted keys.
 */
export function placeFromWord(word: string, places: ReadonlySet<string>): string | null {
  const w = placeKey(word);
  if (w.length < 3) return null;
  if (places.has(w)) return w;
  const irregular = DEMONYM_TO_COUNTRY.get(w);
  if (irregular) return irregular;
  for (let cut = 1; cut <= 4 && w.length - cut >= 4; cut++) {
    const s = w.slice(0, w.length - cut);
    if (places.has(s)) return s;
    if (places.has(s + 'a')) return s + 'a';
    if (places.has(s + 'y')) return s + 'y';
  }
  if (places.has(w + 'land')) return w + 'land';
  return null;
}

/** Leadership roles, most specific first. A generic "leader" matches any top role. */
export type Role =
  | 'party_leader'
  | 'head_of_state'
  | 'head_of_government'
  | 'top_leader'
  | 'foreign_minister'
  | 'defence_minister'
  | 'minister'
  | 'deputy'
  | 'parliament_speaker'
  | 'chief_justice'
  | 'prosecutor'
  | 'ambassador';

const ROLE_PATTERNS: Array<[Role, RegExp]> = [
  [
    'deputy',
    /\b(?:deputy|vice|first deputy|assistant|under)[\s-]+(?:prime minister|president|minister|chairman|chairwoman|chair|secretary|foreign minister|premier)\b/g,
  ],
  [
    'party_leader',
    /\b(?:party (?:general secretary|chief|leader|head|boss)|general secretary|secretary[\s-]general of the [\p{L}\s]{0,40}party|communist party leader|party secretary|first secretary)\b/gu,
  ],
  ['head_of_government', /\b(?:prime minister|premier|chancellor|pm|head of government)\b/g],
  [
    'foreign_minister',
    /\b(?:foreign minister|minister of foreign affairs|fm|foreign secretary|secretary of state)\b/g,
  ],
  ['defence_minister', /\b(?:defen[cs]e minister|minister of defen[cs]e|minister of national defen[cs]e)\b/g],
  ['minister', /\b(?:minister|secretary)\b/g],
  [
    'parliament_speaker',
    /\b(?:speaker|national assembly chairman|na chairman|chairman of the national assembly|parliament speaker)\b/g,
  ],
  ['chief_justice', /\bchief justice\b/g],
  ['prosecutor', /\bprosecutor[\s-]general\b/g],
  ['ambassador', /\bambassador\b/g],
  ['head_of_state', /\b(?:president|head of state|king|queen|monarch|emir|sultan|emperor)\b/g],
  [
    'top_leader',
    /\b(?:top (?:political )?leader(?:ship)?|highest[\s-]ranking leader|top[\s-]level leader|leader(?:ship)?|head of state or government|chief)\b/g,
  ],
];

export interface RoleMention {
  role: Role;
  start: number;
  end: number;
}

/** Role mentions in folded text, the most specific pattern winning where spans overlap. */
export function roleMentions(folded: string): RoleMention[] {
  const out: RoleMention[] = [];
  for (const [role, re] of ROLE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((r) => start < r.end && end > r.start)) continue;
      out.push({ role, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const TOP_ROLES = new Set<Role>(['party_leader', 'head_of_state', 'head_of_government', 'top_leader']);

/** Whether a claim about role `a` speaks of the same kind of actor as role `b`. */
export function rolesCompatible(a: Role | null, b: Role | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  if (a === 'top_leader') return TOP_ROLES.has(b);
  if (b === 'top_leader') return TOP_ROLES.has(a);
  return false;
}

/** Event families: different words for one kind of happening. */
export type EventFamily =
  | 'completion'
  | 'visit'
  | 'meeting'
  | 'signing'
  | 'establishment'
  | 'ceremony'
  | 'election'
  | 'launch'
  | 'forum'
  | 'attack'
  | 'death'
  | 'birth'
  | 'agreement';

const EVENT_PATTERNS: Array<[EventFamily, RegExp]> = [
  [
    'visit',
    /\b(?:state |official |working |historic |first[\s-]ever |first )?(?:visit(?:s|ed|ing)?|trips?|journey|tour(?:ed)?|travell?ed|stay|stopover|arriv(?:ed|al|es)|landed|hosted|hosting|welcomed|received|came to(?! (?:a|an|the|rest|power|light|terms)\b)|went to|flew to|set foot in)\b/g,
  ],
  ['meeting', /\b(?:meetings?|met|meets|talks|summit|consultations?|discussions?|phone call|call)\b/g],
  // "close" alone is too common ("close cooperation"): only a deal's closing.
  [
    'completion',
    /\b(?:(?:expected|due|set|likely|scheduled) to (?:close|complete)|to close by|closing of the (?:deal|transaction|acquisition)|completion)\b/g,
  ],
  ['signing', /\b(?:sign(?:ed|ing|s)?|inked)\b/g],
  [
    'establishment',
    /\b(?:establish(?:ed|ment)|set up|founded|founding|restored|resumed|normali[sz]ed|built|constructed)\b/g,
  ],
  ['ceremony', /\b(?:ceremony|ceremonies|banquet|reception|parade)\b/g],
  ['election', /\b(?:elections?|elected|vote|referendum|took office|sworn in|inaugurat(?:ed|ion))\b/g],
  ['launch', /\b(?:launch(?:ed|es)?|open(?:ed|ing)|inaugural|unveil(?:ed)?)\b/g],
  ['forum', /\b(?:forum|conference|congress|expo|exhibition|festival|days)\b/g],
  [
    'attack',
    /\b(?:attack(?:ed)?|bomb(?:ing|ed)?|explosion|shooting|earthquake|flood(?:ing|s|ed)?|burst its banks|broke its banks|overflowed|storm|wildfire|fire|crash(?:ed)?)\b/g,
  ],
  ['death', /\b(?:died|death|killed|passed away)\b/g],
  ['birth', /\b(?:born|birth)\b/g],
];

export interface EventMention {
  family: EventFamily;
  start: number;
  end: number;
}

export function eventMentions(folded: string): EventMention[] {
  const out: EventMention[] = [];
  for (const [family, re] of EVENT_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) out.push({ family, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The family of an event noun the extractor gave ("state visit" → "visit"). */
export function eventFamilyOf(noun: string | null | undefined): EventFamily | null {
  if (!noun) return null;
  const m = eventMentions(noun.toLowerCase());
  return m.length > 0 ? m[0].family : null;
}

/** Words that name what a figure or trend measures without changing which quantity it is. */
const METRIC_NOISE = new Set(
  (
    'bilateral two way two-way total overall annual yearly value volume level amount figure figures turnover ' +
    'relations relation ties exchange exchanges between countries country nations sides both the of in and with ' +
    'current combined its their stock worth this that last next year years annual month quarter'
  ).split(' '),
);

const METRIC_SYNONYMS: Record<string, string> = {
  commerce: 'trade',
  commercial: 'trade',
  trading: 'trade',
  merchandise: 'trade',
  goods: 'trade',
  fdi: 'investment',
  invest: 'investment',
  investor: 'investment',
  asset: 'investment',
  export: 'export',
  shipment: 'export',
  import: 'import',
  purchase: 'import',
  tourist: 'tourism',
  visitor: 'tourism',
  arrival: 'tourism',
  population: 'population',
  inhabitant: 'population',
  resident: 'population',
};

/**
 * A metric's family: the content words that survive noise removal, with synonyms
 * merged. "Vietnam–Azerbaijan trade turnover", "trade exchanges", "two-way trade" and
 * "commerce" all become "trade"; "direct investment" and "assets" become "investment".
 */
export function metricFamily(metric: string | null | undefined, places: ReadonlySet<string>): string | null {
  if (!metric) return null;
  const words = metric
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1 && !METRIC_NOISE.has(w));
  const kept: string[] = [];
  for (const w of words) {
    if (placeFromWord(w, places) !== null) continue;
    const s = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
    const syn = METRIC_SYNONYMS[s] ?? METRIC_SYNONYMS[w] ?? s;
    if (!kept.includes(syn)) kept.push(syn);
  }
  if (kept.length === 0) return null;
  // The head quantities dominate their modifiers: "trade" in "trade relations", "direct investment".
  for (const head of ['trade', 'investment', 'export', 'import', 'tourism', 'population']) {
    if (kept.includes(head)) return head;
  }
  return kept.sort().join(' ');
}
