import { DayNumber, daysFromCivil, isWeekend, parseDate, yearOf } from '../dates';
import { CN_DATA_FIRST, CN_DATA_LAST, CN_HOLIDAYS, CN_NAMES, CN_WORKDAYS } from './cn-data';
import { ukBankHolidays, UkNation } from './uk-holidays';
import { NamedDay, usObservedHolidays } from './us-holidays';
import { CalendarSource, DayKind, DayName } from './working-calendar';

/** The calendars behind the rule sets (rules/README.md "WD = working days of the rule set's calendar"). */
export type CalendarId = 'cn' | 'us' | 'uk' | 'scot';

/**
 * China: Mon-Fri minus the State Council notice's rest days, plus its 调休上班 weekend days (cn.md A.10
 * CN_WD). Outside the loaded notices (2008-2026) only weekends are known, and results are provisional.
 * `countMakeupWorkdays = false` is the agency setting of cn.md A.10 (make-up weekend days do not count).
 */
export function chinaSource(countMakeupWorkdays: boolean): CalendarSource {
  const holidays = new Map<DayNumber, number>(CN_HOLIDAYS.map(([d, n]) => [parseDate(d), n]));
  const workdays = new Map<DayNumber, number>(CN_WORKDAYS.map(([d, n]) => [parseDate(d), n]));
  const name = (i: number): DayName => ({ en: CN_NAMES[i][0], zh: CN_NAMES[i][1] });
  return {
    id: countMakeupWorkdays ? 'cn' : 'cn-no-makeup',
    coverage: { first: parseDate(CN_DATA_FIRST), last: parseDate(CN_DATA_LAST) },
    kindOf: (dn) => {
      if (workdays.has(dn)) return countMakeupWorkdays ? DayKind.MakeupWorkday : DayKind.MakeupNotCounted;
      if (holidays.has(dn)) return DayKind.Holiday;
      return isWeekend(dn) ? DayKind.Weekend : DayKind.Workday;
    },
    nameOf: (dn) => {
      const h = holidays.get(dn) ?? workdays.get(dn);
      return h === undefined ? undefined : name(h);
    },
  };
}

/** A source from a per-year holiday rule; per-year results are memoised. */
function ruleSource(
  id: string,
  coverage: CalendarSource['coverage'],
  holidaysOf: (year: number) => readonly NamedDay[],
): CalendarSource {
  const byYear = new Map<number, Map<DayNumber, string>>();
  const yearMap = (y: number): Map<DayNumber, string> => {
    let m = byYear.get(y);
    if (!m) {
      m = new Map(holidaysOf(y).map((h) => [h.day, h.name]));
      byYear.set(y, m);
    }
    return m;
  };
  const lookup = (dn: DayNumber): string | undefined => yearMap(yearOf(dn)).get(dn);
  return {
    id,
    coverage,
    kindOf: (dn) =>
      lookup(dn) !== undefined ? DayKind.Holiday : isWeekend(dn) ? DayKind.Weekend : DayKind.Workday,
    nameOf: (dn) => {
      const n = lookup(dn);
      return n === undefined ? undefined : { en: n, zh: n };
    },
  };
}

/** UK data is confirmed against gov.uk (uk.md F.4) through 2026; later years are computed but provisional. */
const UK_COVERAGE = { first: daysFromCivil(2008, 1, 1), last: daysFromCivil(2026, 12, 31) };

/** Union of several nations' holidays; a day holiday in several nations gets the first name. */
function ukHolidays(nations: readonly UkNation[]): (year: number) => NamedDay[] {
  return (year) => {
    const seen = new Map<DayNumber, string[]>();
    for (const nation of nations) {
      for (const h of ukBankHolidays(year, nation)) {
        const label =
          nations.length > 1 && nation !== 'england-wales' ? `${h.name} (${NATION_LABEL[nation]})` : h.name;
        const names = seen.get(h.day);
        if (!names) seen.set(h.day, [label]);
        else if (!names.some((n) => n.startsWith(h.name))) names.push(label);
      }
    }
    return [...seen.entries()]
      .map(([day, names]) => ({ day, name: names.join(' / ') }))
      .sort((a, b) => a.day - b.day);
  };
}
const NATION_LABEL: Record<UkNation, string> = {
  'england-wales': 'England & Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** Builds the base source of a calendar id. */
export function baseSource(id: CalendarId, countMakeupWorkdays: boolean): CalendarSource {
  switch (id) {
    case 'cn':
      return chinaSource(countMakeupWorkdays);
    case 'us':
      // 5 U.S.C. 6103(a)-(b), EO 11582: computed for any year, never provisional.
      return ruleSource('us', null, usObservedHolidays);
    case 'uk':
      // FOIA s.10(6): Christmas Day, Good Friday and bank holidays in any part of the UK.
      return ruleSource('uk', UK_COVERAGE, ukHolidays(['england-wales', 'scotland', 'northern-ireland']));
    case 'scot':
      // FOISA s.73: Christmas Day and bank holidays in Scotland only.
      return ruleSource('scot', UK_COVERAGE, ukHolidays(['scotland']));
  }
}
