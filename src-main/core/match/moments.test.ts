/**
 * Disagreements about one moment: a running tally read at several moments of reporting
 * is disputed within each moment, and a weekday told with "the night of" is still a date.
 * Articles are invented for these tests and run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('running tallies', () => {
  it('flags two tolls given for the same moment, not a later toll that grew', () => {
    const { result } = runStory([
      {
        source: '01-wire.txt',
        text: ' date 2025-09-17 Rail crash kills 19\n\nAt least 19 people were killed when two trains collided late on Tuesday, the emergency inspectorate said on Wednesday.\n',
      },
      {
        source: '02-local.txt',
        text: ' date 2025-09-18 Toll rises\n\nThe death toll stood at 31 on Thursday afternoon, the county emergency inspectorate said.\n',
      },
      {
        source: '03-foreign.txt',
        text: ' date 2025-09-18 Mourning declared\n\nOn Thursday afternoon the toll stood at 36 dead, according to the regional authorities.\n',
      },
    ]);
    const tolls = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(tolls).toHaveLength(1);
    expect(tolls[0].explanation).toMatch(/31.*36|36.*31/);
    expect(tolls[0].explanation).not.toMatch(/\b19\b/);
  });
});

describe('a toll some outlet words as a tally', () => {
  it('reads "killing 31 people, the governor said on Wednesday" as Wednesday\'s toll, not against Friday\'s 46', () => {
    const { result } = story(
      ' date 2025-09-17 Blast kills 31\n\nAn explosion tore through a chemical depot at the port late on Tuesday, killing 31 people and injuring 412, provincial governor Selim Arikan said on Wednesday.\n',
      ' date 2025-09-17 Live: port explosion\n\n06:00 GMT – At his morning briefing, Governor Selim Arikan says 34 people have died and 412 are being treated in hospital.\n',
      ' date 2025-09-19 Toll reaches 46\n\nThe provincial health directorate said on Friday morning that 46 people had died and 9 were still missing.\n',
    );
    const tolls = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(tolls).toHaveLength(1);
    expect(tolls[0].explanation).toMatch(/31 people.*34 people|34 people.*31 people/);
    expect(tolls[0].explanation).not.toMatch(/46/);
  });
});

describe('a count that changes from day to day', () => {
  it('reads "52,000 had joined the strike" in Wednesday’s article as Wednesday’s count once the story shows it changing', () => {
    const { result } = story(
      ' date 2026-11-25 Rail strike begins\n\nThe union said 52,000 workers had joined the strike on its first day.\n',
      ' date 2026-11-26 Strike day two\n\nThe union said 47,000 workers were on strike on Thursday, down from 52,000 on Wednesday.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });

  it('still sets two counts of one day against each other', () => {
    const { result } = story(
      ' date 2026-11-26 Strike day two\n\nThe union said 41,000 workers were on strike on Thursday.\n',
      ' date 2026-11-26 Strike day two\n\nThe union said 47,000 workers were on strike on Thursday, down from 52,000 on Wednesday.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(1);
  });
});

describe('a toll confirmed', () => {
  it('sets "now confirms 43 dead" on Monday’s live page against "by Monday afternoon … had confirmed 34 deaths"', () => {
    const { result } = story(
      ' date 2025-03-10 Live: landslide\n\n21:10 GMT – The Civil Defence Institute now confirms 43 dead and 29 still missing, according to its afternoon bulletin.\n',
      ' date 2025-03-11 Three days in the mud\n\nBy Monday afternoon, the Civil Defence Institute had confirmed 34 deaths, and dozens of people were still missing.\n',
      ' date 2025-03-09 Landslide\n\nThe Civil Defence Institute said 27 people had died by Sunday evening.\n',
    );
    const tolls = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(tolls.map((c) => c.explanation).join('\n')).toMatch(/43.*34 deaths|34 deaths.*43/);
  });
});

describe('weekdays', () => {
  it('reads "the night of Monday, September 16" as a date and sets it against the Tuesday it was', () => {
    const { result } = story(
      ' date 2025-09-17 Trains collide\n\nA passenger train collided with a freight train late on Tuesday, the operator said.\n',
      'Explainer: what went wrong\n\nOn the night of Monday, September 16, 2025, the passenger train collided with a freight train near the station.\n',
    );
    const weekday = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(weekday.map((c) => c.explanation).join('\n')).toMatch(
      /names Monday, but 2025-09-16 fell on a Tuesday/,
    );
  });
});

describe('times of day', () => {
  it('sets one local time against another when no article gives the local offset', () => {
    const { result } = story(
      ' date 2025-04-15 Inflation jumps\n\nThe statistics office released the data at 10:00 local time on Tuesday.\n',
      ' date 2025-04-15 Prices climb\n\nThe statistics office published the figures at 11.00 Uhr local time.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times.map((c) => c.explanation).join('\n')).toMatch(
      /10:00 local time.*11\.00 Uhr|11\.00 Uhr.*10:00 local time/,
    );
  });

  it('takes the same local clock reading as one moment and sets the two GMT conversions against each other', () => {
    const { result } = story(
      ' date 2025-09-17 Trains collide\n\nThe trains collided at 21:47 local time (18:47 GMT), the operator said.\n',
      'Explainer: the crash\n\nThe collision happened at 21:47 local time, which was 19:47 GMT.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/18:47/);
    expect(times[0].explanation).toMatch(/19:47/);
  });
});

describe('precedents', () => {
  it('sets a "first time in its history" against an earlier instance the same sentence dates at its start', () => {
    const { result } = story(
      " date 2026-10-22 Hack hits telecom firm\n\nIt is the first time in the firm's history that its customer records have been stolen by hackers, staff said.\n",
      ' date 2026-10-23 Explainer\n\nIn 2019 the firm was fined £1.25m by the regulator after attackers accessed the records of around 410,000 customers through a flaw in its portal.\n',
    );
    const firsts = result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent');
    expect(firsts).toHaveLength(1);
    expect(firsts[0].explanation).toMatch(/2019/);
  });

  it('takes an instance dated to a month of an earlier year as a precedent, not a day of the story itself', () => {
    const { result } = story(
      ' date 2026-09-08 Governor acts\n\nThe governor declared the first-ever statewide wildfire emergency on Monday.\n',
      ' date 2026-09-09 Background\n\nA statewide wildfire emergency was also declared in August 2015, when fires burned across the state.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent')).toHaveLength(1);
  });
});

describe('"first since" years', () => {
  it('sets two articles that date the last time differently against each other, not a different ranking', () => {
    const { result } = story(
      ' date 2025-05-29 Cup final\n\nHallvik won the cup for the first time since 1998 on Thursday, beating Norrsand 2-1.\n',
      ' date 2025-05-30 Harbour party\n\nFor the small club from the west coast it is the first cup win since 1994.\n',
      ' date 2025-05-30 Ratings\n\nThe broadcast was the most-watched final since 2004, the ratings firm said.\n',
    );
    const since = result.conflicts.filter((c) => /date the last time/.test(c.explanation));
    expect(since).toHaveLength(1);
    expect(since[0].explanation).toMatch(/1998 against 1994/);
  });
});

describe('restated amounts', () => {
  it('joins a price worded too differently to the fact that restates it, so its dispute shows', () => {
    const { result } = story(
      ' date 2024-03-12 Telvia agrees deal\n\nTelvia agreed to buy the operator Kaskada for €2.1bn in cash, the companies said.\n',
      ' date 2024-03-12 Telvia buys Kaskada\n\nTelvia will pay €2.1 billion for Kaskada, its chief executive said.\n',
      ' date 2024-03-13 Deal analysis\n\nTelvia will pay €2.4bn for Kaskada, according to people familiar with the deal.\n',
    );
    const money = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(money).toHaveLength(1);
    expect(money[0].explanation).toMatch(/2 articles/);
  });
});

describe('trends to one value', () => {
  it('sets a rise and a fall to the same value against each other, whatever each calls the quantity', () => {
    const { result } = story(
      " date 2025-04-15 Prices jump\n\nLesovia's jobless rate edged up to 5.2%, the statistics office said.\n",
      ' date 2025-04-15 Inflation data\n\nIn Lesovia, unemployment fell to 5.2% in March from 5.4% in February.\n',
    );
    const trends = result.conflicts.filter((c) => c.kind === 'trend_contradiction');
    expect(trends).toHaveLength(1);
    expect(trends[0].explanation).toMatch(/rose to 5\.2%.*fell to the same value/);
  });
});

describe('units and clocks', () => {
  it('compares miles per hour with kilometres per hour, allowing for rounding in conversion', () => {
    const gusts = (a: string, b: string) =>
      story(
        ` date 2026-09-06 Fire spreads\n\nIn Brannock, wind gusts reached ${a} on Saturday night, the weather service said.\n`,
        ` date 2026-09-06 Fire in Brannock\n\nIn Brannock, wind gusts reached ${b} on Saturday night, according to the weather service.\n`,
      ).result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(gusts('60 mph', '130 km/h')).toHaveLength(1);
    expect(gusts('81 mph', '130 km/h')).toHaveLength(0);
  });

  it('sets two clock times without a zone for one order against each other', () => {
    const { result } = story(
      ' date 2026-09-06 Evacuations\n\nThe sheriff issued the evacuation order for Brannock at 8:25 p.m. on Saturday.\n',
      ' date 2026-09-06 Live: fire\n\nThe evacuation order for Brannock went out at 9:25 p.m. on Saturday, the sheriff said.\n',
    );
    expect(
      result.conflicts
        .filter((c) => c.kind === 'date_mismatch')
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/8:25 p\.m\..*9:25 p\.m\.|9:25 p\.m\..*8:25 p\.m\./);
  });

  it('reads "6,200 of about 7,400 scheduled services" as 6,200 services', () => {
    const { result } = story(
      ' date 2026-11-26 Strike day one\n\nThe railway cancelled 6,200 of about 7,400 scheduled services on Wednesday, the company said.\n',
      ' date 2026-11-26 Live: strike\n\nThe railway cancelled 5,200 services on Wednesday, the company said.\n',
    );
    expect(
      result.conflicts
        .filter((c) => c.kind === 'count_mismatch')
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/6,200.*5,200|5,200.*6,200/);
  });
});

describe('rates and words for one measure', () => {
  it('reads "for each day of the strike" as a daily figure and "damage" and "cost" as one measure', () => {
    const { result } = story(
      ' date 2026-11-26 Rail strike\n\nThe Brenzow institute estimated the cost to the wider economy at around €120 million a day.\n',
      'Explainer: the Brenzow rail strike\n\nThe Brenzow institute puts the damage to the wider economy at €210 million for each day of the strike.\n',
    );
    expect(
      result.conflicts
        .filter((c) => c.kind === 'figure_mismatch')
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/120.*210|210.*120/);
  });
});

describe('superlatives without their amount', () => {
  it('sets "the largest wildfire in the state\'s history" against a larger earlier fire, using the story\'s own acreage', () => {
    const { result } = story(
      ' date 2026-09-09 Basalt Gap fire grows\n\nThe Basalt Gap fire has burned 238,400 acres near Brannock, fire officials said.\n',
      " date 2026-09-09 Brannock counts losses\n\nThe Basalt Gap fire near Brannock has now burned 238,400 acres. Officials call it the largest wildfire in the state's recorded history.\n",
      ' date 2026-09-10 Brannock fire: the records\n\nState records show the 2020 Coulee Rim fire near Brannock burned 251,300 acres.\n',
    );
    const firsts = result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent');
    expect(firsts).toHaveLength(1);
    expect(firsts[0].explanation).toMatch(/251,300 acres in 2020/);
  });

  it('does not set "the longest bridge" against an earlier cost', () => {
    const { result } = story(
      ' date 2025-06-20 Bridge opens\n\nThe Morzyca bridge cost 8.4 billion zlotys. It is the longest bridge ever built in Poland, officials said.\n',
      ' date 2025-06-21 Morzyca bridge history\n\nWhen the Morzyca contract was signed in 2016, the Morzyca bridge was priced at 9.1 billion zlotys.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent')).toHaveLength(0);
  });
});

describe('moments and references', () => {
  it('keeps a count tied to one day apart from the same count tied to another day', () => {
    const { result } = story(
      ' date 2026-11-26 Strike day one\n\nIn Valdoria, the union said 52,000 workers joined the strike on Wednesday.\n',
      ' date 2026-11-27 Strike day two\n\nIn Valdoria, the union said 47,000 workers were on strike on Thursday.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });

  it('keeps a premium to the closing price apart from a premium over the three-month average', () => {
    const { result } = story(
      " date 2025-03-10 Harcastle bids\n\nHarcastle's offer is a premium of 41% to Brenner's closing price on Friday.\n",
      " date 2025-03-11 Harcastle's offer explained\n\nBrenner's board points to a premium of about 52% over the volume-weighted average price of the last three months.\n",
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });
});

describe('tolls told in the present perfect', () => {
  it('reads "has killed three" and "six have now died" on later days as a growing toll', () => {
    const { result } = story(
      ' date 2026-09-07 Brannock fire kills three\n\nThe Basalt Gap wildfire near Brannock has killed three people, fire officials said.\n',
      ' date 2026-09-09 Brannock toll rises\n\nSix people have now died in the Basalt Gap fire near Brannock, the sheriff said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });
});

describe('changes written two ways', () => {
  it('reads "a 3.5 percent pay rise" and "a pay rise of 4.5 percent" as the same offer', () => {
    const { result } = story(
      ' date 2026-11-26 Rail strike\n\nThe Valdorian railway has offered a pay rise of 4.5 percent for 2027, the company said.\n',
      ' date 2026-11-29 On the picket line\n\nWhat the Valdorian railway has put on the table is a 3.5 percent pay rise for 2027, the union said.\n',
    );
    expect(
      result.conflicts
        .filter((c) => c.kind === 'figure_mismatch')
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/4\.5 percent.*3\.5 percent|3\.5 percent.*4\.5 percent/);
  });
});

describe('one moment, worded by each outlet', () => {
  it('takes a statement issued at one time and an announcement at another for one moment', () => {
    const { result } = story(
      ' date 2025-03-10 Packaging deal\n\nThe offer values the firm at €6.2 billion, according to a joint statement issued at 0700 GMT.\n',
      ' date 2025-03-10 Übernahme\n\nThe packaging group wants to buy the firm, as both companies announced on Monday at 7.00 Uhr (CET).\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times.map((c) => c.explanation).join('\n')).toMatch(/0700 GMT.*7\.00 Uhr|7\.00 Uhr.*0700 GMT/);
  });

  it('keeps two clock times of one article apart, so each can meet its own moment elsewhere', () => {
    const { result } = story(
      ' date 2026-11-27 Jet overruns runway\n\nThe aircraft touched down at 21:47 local time (20:47 GMT) and came to rest in wet snow.\n',
      ' date 2026-11-27 Landung im Schnee\n\nThe landing took place at 21.47 Uhr local time in heavy snow.\n',
      ' date 2026-11-27 Live\n\nFlight data show the emergency code began transmitting at 20:52 CET. Tracking data show the aircraft touched down at 21:47 GMT.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/20:47 GMT|21:47 local time/);
    expect(times[0].explanation).toMatch(/21:47 GMT/);
    expect(times[0].explanation).not.toMatch(/20:52/);
  });
});

describe('misprinted counts', () => {
  it('sets two precise counts of one thing that differ by a slipped digit against each other', () => {
    const { result } = story(
      ' date 2026-11-27 Jet overruns runway\n\nThe aircraft had 181 passengers and six crew on board, the carrier said in a statement.\n',
      ' date 2026-11-27 Runway closed\n\nThe jet, carrying 171 passengers, skidded off the runway in heavy snow.\n',
    );
    const counts = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(counts.map((c) => c.explanation).join('\n')).toMatch(/181 passengers.*171 passengers|171.*181/);
  });

  it('does not take two round estimates one digit apart for a slip', () => {
    const { result } = story(
      ' date 2025-06-27 Bridge opens\n\nTraffic planners expect 32,000 vehicles to use the crossing in its first year.\n',
      ' date 2025-06-28 Explainer\n\nBy 2040 the island could see 38,000 vehicles as housing expands.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });
});

describe('a superlative that names its measure', () => {
  it('sets "the longest bridge ever built" against a longer structure another article dates', () => {
    const { result } = story(
      ' date 2025-06-27 Bridge opens\n\nThe 4.2 kilometres crossing opened on Friday.\n\nThe minister called it the longest bridge ever built in Poland.\n',
      ' date 2025-06-28 Explainer\n\nThe new bridge runs for 4.2 kilometres across the strait.\n\nIt is not the country’s longest bridge: the rail viaduct in the south, completed in 2014, runs for 4.6 kilometres.\n',
    );
    const found = result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent').map((c) => c.explanation);
    expect(found.join('\n')).toMatch(/longest bridge.*4\.6 kilometres/);
  });
});

describe('the missing, read as a state', () => {
  const counts = (r: ReturnType<typeof runStory>) =>
    r.result.conflicts.filter((c) => c.kind === 'count_mismatch').map((c) => c.explanation);
  it('lets the number of missing fall from one day to the next and through a day', () => {
    const r = runStory(
      [
        ' date 2026-02-11 Slide\n\nEleven people were still unaccounted for on Wednesday afternoon, police said.\n',
        ' date 2026-02-11 Live\n\n07:50 GMT – Police now say four people are dead and 14 missing.\n',
        ' date 2026-02-12 Slide\n\nBy Thursday evening, six people were still missing, police said.\n',
      ].map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })),
    );
    expect(counts(r)).toEqual([]);
  });

  it('still sets two counts of the missing at the same moment against each other', () => {
    const r = runStory(
      [
        ' date 2026-02-12 Slide\n\nBy Wednesday evening, six people were still missing, police said.\n',
        ' date 2026-02-12 Slide\n\nNine people were still missing on Wednesday evening, the mayor said.\n',
      ].map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })),
    );
    expect(counts(r)).toHaveLength(1);
  });
});
