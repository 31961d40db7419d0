/**
 * Countries, their other spellings and demonyms, and a few capitals, so that
 * "Việt Nam", "Viet Nam", "Vietnam" and "Vietnamese" all resolve to the key "vietnam".
 * The key is the folded canonical English name with spaces kept ("south korea").
 * Lookups go through foldKey, so diacritics and case never matter.
 */
import { foldKey } from '../../shared/fold';

// canonical | other spellings ; separated | demonyms ; separated
const COUNTRIES = `
Afghanistan||Afghan
Albania||Albanian
Algeria||Algerian
Angola||Angolan
Argentina||Argentine;Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani;Azeri
Bahrain||Bahraini
Bangladesh||Bangladeshi
Belarus||Belarusian
Belgium||Belgian
Bolivia||Bolivian
Bosnia and Herzegovina|Bosnia|Bosnian
Brazil||Brazilian
Brunei|Brunei Darussalam|Bruneian
Bulgaria||Bulgarian
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Chile||Chilean
China|PRC;People's Republic of China|Chinese
Colombia||Colombian
Croatia||Croatian
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish
Ecuador||Ecuadorian
Egypt||Egyptian
Estonia||Estonian
Ethiopia||Ethiopian
Finland||Finnish
France||French
Georgia||Georgian
Germany||German
Ghana||Ghanaian
Greece||Greek
Hungary||Hungarian
Iceland||Icelandic
India||Indian
Indonesia||Indonesian
Iran||Iranian
Iraq||Iraqi
Ireland||Irish
Israel||Israeli
Italy||Italian
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh;Kazakhstani
Kenya||Kenyan
Kuwait||Kuwaiti
Kyrgyzstan||Kyrgyz
Laos|Lao PDR|Lao;Laotian
Latvia||Latvian
Lebanon||Lebanese
Libya||Libyan
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Malaysia||Malaysian
Mexico||Mexican
Moldova||Moldovan
Mongolia||Mongolian
Morocco||Moroccan
Mozambique||Mozambican
Myanmar|Burma|Myanmarese;Burmese
Nepal||Nepalese;Nepali
Netherlands|Holland|Dutch
New Zealand||New Zealander
Nigeria||Nigerian
North Korea|DPRK|North Korean
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine||Palestinian
Peru||Peruvian
Philippines|the Philippines|Filipino;Philippine
Poland||Polish
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Saudi Arabia||Saudi
Serbia||Serbian
Singapore||Singaporean
Slovakia||Slovak
Slovenia||Slovenian
South Africa||South African
South Korea|Republic of Korea;ROK;Korea|South Korean;Korean
Spain||Spanish
Sri Lanka||Sri Lankan
Sudan||Sudanese
Sweden||Swedish
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Timor-Leste|East Timor|Timorese
Tunisia||Tunisian
Turkey|Türkiye;Turkiye|Turkish
Turkmenistan||Turkmen
Uganda||Ugandan
Ukraine||Ukrainian
United Arab Emirates|UAE|Emirati
United Kingdom|UK;U.K.;Britain;Great Britain|British
United States|US;U.S.;USA;U.S.A.;America;United States of America|American
Uruguay||Uruguayan
Uzbekistan||Uzbek
Venezuela||Venezuelan
Vietnam|Viet Nam;Việt Nam|Vietnamese
Yemen||Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean
`;

// Regions: places, but not countries.
const REGIONS = [
  'Asia',
  'Europe',
  'Africa',
  'Caucasus',
  'South Caucasus',
  'Middle East',
  'Southeast Asia',
  'Central Asia',
  'East Asia',
  'South Asia',
  'Latin America',
  'North America',
  'South America',
  'Oceania',
  'Balkans',
  'Scandinavia',
  'ASEAN',
  'Asia-Pacific',
  'Indo-Pacific',
  'Caribbean',
  'Mekong',
];

// Capitals and big cities: places, but never parties to a bilateral figure.
const CITIES = `Baku Hanoi Hà Nội Ho Chi Minh City Beijing Tokyo Seoul Bangkok Jakarta Manila Kuala Lumpur
Singapore Vientiane Phnom Penh Moscow Washington London Paris Berlin Rome Madrid Brussels Ankara Tehran
Delhi New Delhi Canberra Ottawa Astana Tashkent Tbilisi Yerevan Kyiv Warsaw Vienna Prague Budapest Geneva
New York Lisbon Athens Cairo Nairobi Dubai Abu Dhabi Doha Riyadh Sydney Shanghai Da Nang Đà Nẵng Hue Huế`;

export interface Place {
  key: string;
  name: string;
  country: boolean;
  /** True when the surface form was a demonym ("Vietnamese"). */
  demonym: boolean;
}

const byKey = new Map<string, Place>();
let maxWords = 1;

function add(surface: string, place: Place): void {
  const k = foldKey(surface);
  if (!k || byKey.has(k)) return;
  byKey.set(k, place);
  maxWords = Math.max(maxWords, k.split(' ').length);
}

for (const line of COUNTRIES.trim().split('\n')) {
  const [name, others, demonyms] = line.split('|');
  const key = foldKey(name);
  const base = { key, name, country: true };
  add(name, { ...base, demonym: false });
  for (const o of others ? others.split(';') : []) add(o, { ...base, demonym: false });
  for (const d of demonyms ? demonyms.split(';') : []) add(d, { ...base, demonym: true });
}
// Country names written without the space or with it ("Viet Nam" / "Vietnam").
for (const [k, p] of [...byKey]) if (k.includes(' ') && !p.demonym) add(k.replace(/ /g, ''), p);
const CITY_NAMES = [
  'Ho Chi Minh City',
  'New Delhi',
  'Kuala Lumpur',
  'Phnom Penh',
  'New York',
  'Abu Dhabi',
  'Da Nang',
  'Đà Nẵng',
  'Hà Nội',
];
for (const c of REGIONS) add(c, { key: foldKey(c), name: c, country: false, demonym: false });
for (const c of CITY_NAMES) add(c, { key: foldKey(c), name: c, country: false, demonym: false });
for (const c of CITIES.split(/\s+/)) {
  if (!byKey.has(foldKey(c)) && !CITY_NAMES.some((n) => n.split(' ').includes(c)))
    add(c, { key: foldKey(c), name: c, country: false, demonym: false });
}

/** The place a folded key (one to a few words) names, if any. */
export function lookupPlace(foldedKey: string): Place | undefined {
  return byKey.get(foldedKey);
}

export const PLACE_MAX_WORDS = maxWords;
