import { calendarCoverage, listNonWorkingDays } from '@disclose/deadlines';
import { daysFromCivil, formatDate, isWeekend, parseDate } from '../dates';
import { resolveCalendar } from './calendar-registry';
import { ukBankHolidays } from './uk-holidays';

const span = (a: string, b: string): string[] => {
  const out: string[] = [];
  for (let d = parseDate(a); d <= parseDate(b); d++) out.push(formatDate(d));
  return out;
};

/** cn.md section D, verbatim: holiday ranges (every day off) and 调休上班 days. */
const CN_TABLE_D: Record<number, { off: Array<[string, string]>; makeup: string[] }> = {
  2023: {
    off: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    makeup: [
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ],
  },
  2024: {
    off: [
      ['2023-12-30', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-08', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    makeup: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('China calendar (generated from chinese-days) against cn.md section D', () => {
  const cal = resolveCalendar('cn');
  const off = new Set(Object.values(CN_TABLE_D).flatMap((y) => y.off.flatMap(([a, b]) => span(a, b))));
  const makeup = new Set(Object.values(CN_TABLE_D).flatMap((y) => y.makeup));

  it('gives the working-day status of table D for every day 2022-12-31..2026-12-31', () => {
    const mismatches = span('2022-12-31', '2026-12-31').filter((d) => {
      const expected = makeup.has(d) || (!off.has(d) && !isWeekend(parseDate(d)));
      return cal.isWorkingDay(parseDate(d)) !== expected;
    });
    expect(mismatches).toEqual([]);
  });

  it.each([
    [2023, 7],
    [2024, 8],
    [2025, 5],
    [2026, 6],
  ])('lists the %i make-up workdays (%i, cn.md A.10)', (year, n) => {
    const days = listNonWorkingDays('cn-ogi-2019', year).filter((d) => d.kind === 'makeup_workday');
    expect(days.map((d) => d.date)).toEqual(CN_TABLE_D[year].makeup);
    expect(days).toHaveLength(n);
  });

  it('treats 除夕 2024-02-09 as a working day and 2015-09-03/04 as holidays, 09-06 as worked', () => {
    expect(cal.isWorkingDay(parseDate('2024-02-09'))).toBe(true);
    expect(cal.isWorkingDay(parseDate('2015-09-03'))).toBe(false);
    expect(cal.isWorkingDay(parseDate('2015-09-06'))).toBe(true);
  });

  it('covers 2008-01-01..2026-12-31', () => {
    expect(calendarCoverage('cn-ogi-2019')).toMatchObject({
      firstCoveredOn: '2008-01-01',
      lastCoveredOn: '2026-12-31',
    });
  });
});

/** uk.md F.4, weekday (substitute) dates. */
const UK_F4: Record<number, Record<'england-wales' | 'scotland' | 'northern-ireland', string[]>> = {
  2024: {
    'england-wales': ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
    scotland: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    'northern-ireland': [
      '01-01',
      '03-18',
      '03-29',
      '04-01',
      '05-06',
      '05-27',
      '07-12',
      '08-26',
      '12-25',
      '12-26',
    ],
  },
  2025: {
    'england-wales': ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    scotland: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
    'northern-ireland': [
      '01-01',
      '03-17',
      '04-18',
      '04-21',
      '05-05',
      '05-26',
      '07-14',
      '08-25',
      '12-25',
      '12-26',
    ],
  },
  2026: {
    'england-wales': ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    scotland: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    'northern-ireland': [
      '01-01',
      '03-17',
      '04-03',
      '04-06',
      '05-04',
      '05-25',
      '07-13',
      '08-31',
      '12-25',
      '12-28',
    ],
  },
};

describe('UK calendars against uk.md F.4', () => {
  describe.each([2024, 2025, 2026])('%i', (year) => {
    const full = (md: string[]) => md.map((d) => `${year}-${d}`);
    it.each(['england-wales', 'scotland', 'northern-ireland'] as const)('%s bank holidays', (nation) => {
      expect(ukBankHolidays(year, nation).map((h) => formatDate(h.day))).toEqual(full(UK_F4[year][nation]));
    });
    it('uk-foia and uk-eir use the union of all nations', () => {
      const union = [...new Set(Object.values(UK_F4[year]).flat())].sort();
      expect(listNonWorkingDays('uk-foia', year).map((d) => d.date)).toEqual(full(union));
      expect(listNonWorkingDays('uk-eir', year).map((d) => d.date)).toEqual(full(union));
    });
    it('scot-foisa uses Scotland alone', () => {
      expect(listNonWorkingDays('scot-foisa', year).map((d) => d.date)).toEqual(full(UK_F4[year].scotland));
    });
  });

  it('never lists the original weekend date of a substituted holiday', () => {
    const all = [2024, 2025, 2026].flatMap((y) => listNonWorkingDays('uk-foia', y).map((d) => d.date));
    for (const d of ['2024-03-17', '2024-11-30', '2025-11-30', '2025-07-12', '2026-07-12', '2026-12-26'])
      expect(all).not.toContain(d);
  });

  it('marks 2027 as provisional and covers through 2026-12-31', () => {
    expect(calendarCoverage('uk-foia').lastCoveredOn).toBe('2026-12-31');
    expect(listNonWorkingDays('uk-foia', 2027).every((d) => d.provisional)).toBe(true);
  });

  it('includes the proclaimed one-off days (2022-09-19 state funeral, 2023-05-08 coronation)', () => {
    const cal = resolveCalendar('scot');
    expect(cal.isWorkingDay(parseDate('2022-09-19'))).toBe(false);
    expect(cal.isWorkingDay(parseDate('2023-05-08'))).toBe(false);
  });
});

/** us.md E.8 "Observed legal public holidays 2024–2027". */
const US_E8: Record<number, string[]> = {
  2024: ['01-01', '01-15', '02-19', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
  2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-03', '09-07', '10-12', '11-11', '11-26', '12-25'],
  2027: [
    '01-01',
    '01-18',
    '02-15',
    '05-31',
    '06-18',
    '07-05',
    '09-06',
    '10-11',
    '11-11',
    '11-25',
    '12-24',
    '12-31',
  ],
};

describe('US calendar against us.md E.8', () => {
  it.each([2024, 2025, 2026, 2027])('%i observed legal public holidays', (year) => {
    expect(listNonWorkingDays('us-foia', year).map((d) => d.date)).toEqual(
      US_E8[year].map((d) => `${year}-${d}`),
    );
  });

  it('has no Juneteenth before 2021 and observes it on Fri 2021-06-18', () => {
    expect(listNonWorkingDays('us-foia', 2020).map((d) => d.date)).not.toContain('2020-06-19');
    expect(listNonWorkingDays('us-foia', 2021).map((d) => d.date)).toContain('2021-06-18');
  });

  it('is computed for any year and never provisional', () => {
    expect(calendarCoverage('us-foia').lastCoveredOn).toBeNull();
    expect(listNonWorkingDays('us-foia', 2150).length).toBe(11);
  });

  it('treats the 2025-12-24/26 executive-order closures as working days unless overridden', () => {
    expect(resolveCalendar('us').isWorkingDay(parseDate('2025-12-24'))).toBe(true);
    const closed = resolveCalendar('us', { holidays: ['2025-12-24', '2025-12-26'] });
    expect(closed.isWorkingDay(parseDate('2025-12-24'))).toBe(false);
    expect(daysFromCivil(2025, 12, 24)).toBe(parseDate('2025-12-24'));
  });
});
