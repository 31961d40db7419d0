/**
 * Word lists the capitalised-run scanner needs to tell names from the titles,
 * organisation words and sentence-initial words that surround them. Folded, lower case.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Words that form titles and honorifics ("Deputy Prime Minister", "General Secretary"). */
export const TITLE_WORDS = words(`
president presidents vice deputy prime minister ministers secretary general party chief chairman chairwoman
chairperson chair director directors ambassador ambassadors counterpart spokesman spokeswoman spokesperson
senior first second head king queen prince princess emperor sheikh sultan emir chancellor governor mayor
senator senators representative congressman congresswoman commissioner commander colonel lieutenant captain
admiral marshal sergeant justice judge chief-justice prosecutor attorney officer ceo cfo chairman-ceo founder
mr mrs ms miss dr prof professor sir dame lord lady pm fm foreign defence defense state permanent standing
acting former late leader premier envoy consul consul-general rector dean pope cardinal bishop reverend rev
executive managing analyst member members politburo na nam-
`);

/** Words that end or make an organisation name ("Ministry", "Party", "JSC"). */
export const ORG_WORDS = words(`
ministry ministries party committee council group foundation agency association assembly bank company
corporation corp jsc ltd inc plc llc university college institute academy school union organisation
organization movement court centre center embassy consulate airlines airline airways corridor route
declaration statement convention charter nations department office commission federation fund forum
authority administration army navy force forces police parliament senate congress government cabinet
secretariat refining refinery petrochemical petroleum energy holdings enterprise enterprises exchange
news times post press television radio tv network club league alliance initiative programme program
coalition front board chamber society cooperative hospital museum library port airport station
partners telekom telecom telecoms mobile holdings ventures systems industries technologies solutions services power media labs
bureau office
`);

/** Subject-matter words that follow "Minister of" ("Foreign Affairs"), never names. */
export const DOMAIN_WORDS = words(`
affairs foreign defence defense justice finance trade industry economy economic culture sports sport tourism
education training health energy transport transportation agriculture rural development science technology
interior home security labour labor invalids social environment natural resources communications information
planning investment construction digital home internal external national public information
`);

/** Function words: capitalised only because they open a sentence or heading. */
export const STOP_WORDS = words(`
the a an this that these those there their they them he she his her him it its we our us you your i my me
in on at by for from with to of and or but nor so yet as if when while after before during since until
about above below over under between among through into onto upon within without across along around
both each every all any some many most much more few several other another such no not only also even
however therefore thus meanwhile besides additionally accordingly notably furthermore moreover regarding
concerning speaking following looking alongside reflecting recalling concluding according although though
because whereas despite once earlier later today yesterday tomorrow now then here where why how what who
which whom whose again already still just recently currently finally first second third last next new
mr mrs ms dr photo photos image video see read related more news also said says according
`);

/** Capitalised words that are never part of a personal name, wherever they stand. */
export const NON_NAMES = words(`
photo photos image video see read related more news
strategic comprehensive partnership partnerships joint framework agreement agreements treaty summit
socialist republic republics kingdom federation celebrations celebration measures building days day year
week month festival award prize cup games olympic olympics asian european african arab latin southeast
northeast southwest northwest caucasian western eastern northern southern mou memorandum understanding
law laws act bill decree resolution plan programme vision strategy sea ocean
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
`);

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Geographic features that make a country name part of a longer place ("South China Sea"). */
export const GEO_WORDS = words(
  `sea ocean gulf strait bay river peninsula island islands mountains lake basin coast`,
);
export const COMPASS = words(`north south east west northern southern eastern western central`);
