import { DayNumber, daysFromCivil, easterSunday, nthWeekdayOfMonth, weekday } from '../dates';
import type { NamedDay } from './us-holidays';

export type UkNation = 'england-wales' | 'scotland' | 'northern-ireland';

const MON = 1;

/**
 * One-off changes by Royal Proclamation under the Banking and Financial Dealings Act 1971 s.1(3), all
 * nations. `replaces` is the regular holiday moved to `day` that year.
 */
const PROCLAIMED: ReadonlyArray<{ day: string; name: string; replaces?: 'early-may' | 'spring' }> = [
  { day: '2011-04-29', name: 'Royal wedding' },
  { day: '2012-06-04', name: 'Spring bank holiday', replaces: 'spring' },
  { day: '2012-06-05', name: 'Queen’s Diamond Jubilee' },
  { day: '2020-05-08', name: 'Early May bank holiday (VE day)', replaces: 'early-may' },
  { day: '2022-06-02', name: 'Spring bank holiday', replaces: 'spring' },
  { day: '2022-06-03', name: 'Queen’s Platinum Jubilee' },
  { day: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { day: '2023-05-08', name: 'Coronation of King Charles III' },
];

const ymd = (s: string): DayNumber => daysFromCivil(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));

/**
 * Bank holidays (plus Christmas Day and Good Friday) of one UK nation in `year`, as weekdays: a fixed-date
 * holiday on a weekend is replaced by the next weekday that is not already a holiday (1971 Act Sch. 1 and
 * the annual proclamations), so only the substitute day is returned (uk.md F.4).
 */
export function ukBankHolidays(year: number, nation: UkNation): NamedDay[] {
  const easter = easterSunday(year);
  const proclaimed = PROCLAIMED.filter((p) => p.day.startsWith(`${year}-`));
  const moved = new Set(proclaimed.map((p) => p.replaces).filter(Boolean));
  const fixedDates: NamedDay[] = [];
  const movable: NamedDay[] = [];
  const fixed = (m: number, d: number, name: string): void => {
    fixedDates.push({ day: daysFromCivil(year, m, d), name });
  };

  fixed(1, 1, "New Year's Day");
  if (nation === 'scotland') fixed(1, 2, '2nd January');
  if (nation === 'northern-ireland') fixed(3, 17, "St Patrick's Day");
  movable.push({ day: easter - 2, name: 'Good Friday' });
  if (nation !== 'scotland') movable.push({ day: easter + 1, name: 'Easter Monday' });
  if (!moved.has('early-may'))
    movable.push({ day: nthWeekdayOfMonth(year, 5, MON, 1), name: 'Early May bank holiday' });
  if (!moved.has('spring'))
    movable.push({ day: nthWeekdayOfMonth(year, 5, MON, -1), name: 'Spring bank holiday' });
  if (nation === 'northern-ireland') fixed(7, 12, 'Battle of the Boyne (Orangemen’s Day)');
  movable.push(
    nation === 'scotland'
      ? { day: nthWeekdayOfMonth(year, 8, MON, 1), name: 'Summer bank holiday' }
      : { day: nthWeekdayOfMonth(year, 8, MON, -1), name: 'Summer bank holiday' },
  );
  // St Andrew's Day Bank Holiday (Scotland) Act 2007: 30 Nov, or the following Monday.
  if (nation === 'scotland') fixed(11, 30, "St Andrew's Day");
  fixed(12, 25, 'Christmas Day');
  fixed(12, 26, 'Boxing Day');
  for (const p of proclaimed) movable.push({ day: ymd(p.day), name: p.name });

  const taken = new Map<DayNumber, string>();
  for (const h of [...movable, ...fixedDates]) {
    const w = weekday(h.day);
    if (w !== 0 && w !== 6) taken.set(h.day, h.name);
  }
  for (const h of fixedDates.sort((a, b) => a.day - b.day)) {
    const w = weekday(h.day);
    if (w !== 0 && w !== 6) continue;
    let sub = h.day + 1;
    while (weekday(sub) === 0 || weekday(sub) === 6 || taken.has(sub)) sub++;
    taken.set(sub, `${h.name} (substitute day)`);
  }
  return [...taken.entries()].map(([day, name]) => ({ day, name })).sort((a, b) => a.day - b.day);
}
