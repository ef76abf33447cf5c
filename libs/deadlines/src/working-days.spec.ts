import fc from 'fast-check';
import { isWorkingDay, shiftWorkingDays } from './working-days';

describe('working days', () => {
  it.each([
    // 2024-10-01..07: National Day; 2024-10-12 (Sat) is a CN make-up workday.
    ['cn-ogi-2019', '2024-09-30', 1, '2024-10-08'],
    ['cn-ogi-2019', '2024-10-08', -1, '2024-09-30'],
    ['cn-ogi-2019', '2024-10-11', 1, '2024-10-12'],
    ['cn-ogi-2019', '2024-10-14', -2, '2024-10-11'],
    ['us-foia', '2024-07-03', 1, '2024-07-05'], // Independence Day
    ['us-foia', '2024-07-08', -5, '2024-06-28'],
    ['uk-foia', '2024-12-24', 1, '2024-12-27'], // Christmas, Boxing Day
    ['cn-ogi-2019', '2024-10-05', 0, '2024-10-05'],
  ] as const)('%s: %s shifted by %d is %s', (ruleSet, date, n, expected) => {
    expect(shiftWorkingDays(ruleSet, date, n)).toBe(expected);
  });

  it('honours the make-up workday setting and agency overrides', () => {
    expect(isWorkingDay('cn-ogi-2019', '2024-10-12')).toBe(true);
    expect(isWorkingDay('cn-ogi-2019', '2024-10-12', undefined, { countMakeupWorkdays: false })).toBe(false);
    expect(shiftWorkingDays('cn-ogi-2019', '2024-10-11', 1, undefined, { countMakeupWorkdays: false })).toBe(
      '2024-10-14',
    );
    expect(isWorkingDay('us-foia', '2024-07-10', { holidays: ['2024-07-10'] })).toBe(false);
  });

  it('rejects bad input with the engine error codes', () => {
    expect(() => shiftWorkingDays('xx' as never, '2024-01-01', 1)).toThrow(
      expect.objectContaining({ code: 'DEADLINES.UNKNOWN_RULE_SET' }),
    );
    expect(() => shiftWorkingDays('us-foia', '2024-02-30', 1)).toThrow(
      expect.objectContaining({ code: 'DEADLINES.INVALID_DATE' }),
    );
    expect(() => shiftWorkingDays('us-foia', '2024-02-03', 1.5)).toThrow(
      expect.objectContaining({ code: 'DEADLINES.INVALID_OPTION' }),
    );
  });

  it('shifting forward then back returns to the same working day', () => {
    const day = fc
      .date({
        min: new Date('2001-01-01T00:00:00Z'),
        max: new Date('2039-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const ruleSet = fc.constantFrom('cn-ogi-2019', 'us-foia', 'uk-foia', 'scot-foisa' as const);
    fc.assert(
      fc.property(ruleSet, day, fc.integer({ min: 1, max: 30 }), (rs, date, n) => {
        const later = shiftWorkingDays(rs, date, n);
        expect(isWorkingDay(rs, later)).toBe(true);
        expect(later > date).toBe(true);
        const back = shiftWorkingDays(rs, later, -n);
        expect(isWorkingDay(rs, back)).toBe(true);
        // Back lands on the working day at or before `date`.
        expect(back <= date).toBe(true);
        if (isWorkingDay(rs, date)) expect(back).toBe(date);
      }),
    );
  });
});
