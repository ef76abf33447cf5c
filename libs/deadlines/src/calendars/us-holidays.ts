import { DayNumber, daysFromCivil, nthWeekdayOfMonth, weekday } from '../dates';

export interface NamedDay {
  readonly day: DayNumber;
  readonly name: string;
}

const MON = 1;
const THU = 4;

/**
 * Observed legal public holidays falling in `year`, computed from 5 U.S.C. 6103(a) (the list), 6103(b)
 * (Saturday -> preceding Friday) and Executive Order 11582 s.3(a) (Sunday -> following Monday).
 * New Year's Day of year+1 on a Saturday is observed on 31 December of `year` (us.md E.8).
 */
export function usObservedHolidays(year: number): NamedDay[] {
  const out: NamedDay[] = [];
  const fixed = (y: number, m: number, d: number, name: string): void => {
    const dn = daysFromCivil(y, m, d);
    const w = weekday(dn);
    const observed = w === 6 ? dn - 1 : w === 0 ? dn + 1 : dn; // 6103(b); EO 11582 s.3(a)
    const obsYear =
      observed < daysFromCivil(year, 1, 1)
        ? year - 1
        : observed > daysFromCivil(year, 12, 31)
          ? year + 1
          : year;
    if (obsYear === year) out.push({ day: observed, name: observed === dn ? name : `${name} (observed)` });
  };
  fixed(year, 1, 1, "New Year's Day");
  out.push({ day: nthWeekdayOfMonth(year, 1, MON, 3), name: 'Birthday of Martin Luther King, Jr.' });
  out.push({ day: nthWeekdayOfMonth(year, 2, MON, 3), name: "Washington's Birthday" });
  out.push({ day: nthWeekdayOfMonth(year, 5, MON, -1), name: 'Memorial Day' });
  if (year >= 2021) fixed(year, 6, 19, 'Juneteenth National Independence Day'); // Pub. L. 117-17
  fixed(year, 7, 4, 'Independence Day');
  out.push({ day: nthWeekdayOfMonth(year, 9, MON, 1), name: 'Labor Day' });
  out.push({ day: nthWeekdayOfMonth(year, 10, MON, 2), name: 'Columbus Day' });
  fixed(year, 11, 11, 'Veterans Day');
  out.push({ day: nthWeekdayOfMonth(year, 11, THU, 4), name: 'Thanksgiving Day' });
  fixed(year, 12, 25, 'Christmas Day');
  fixed(year + 1, 1, 1, "New Year's Day"); // Sat 1 Jan -> Fri 31 Dec of this year
  return out.sort((a, b) => a.day - b.day);
}
