import fc from 'fast-check';
import { ValidationError } from './errors';
import { formatTrackingNumber, isTrackingNumber, parseTrackingNumber } from './tracking-number';

describe(formatTrackingNumber.name, () => {
  it.each<[string, number, number, string]>([
    ['PLGT', 2026, 123, 'PLGT-2026-000123'],
    ['PLGT', 2026, 1, 'PLGT-2026-000001'],
    ['US-DOJ', 2025, 999_999, 'US-DOJ-2025-999999'],
    ['A1', 2027, 1_234_567, 'A1-2027-1234567'],
  ])('%s %i %i → %s', (agency, year, seq, text) => {
    expect(formatTrackingNumber(agency, year, seq)).toBe(text);
    expect(parseTrackingNumber(text)).toEqual({ agencyCode: agency, year, seq });
  });

  it.each<[string, number, number]>([
    ['plgt', 2026, 1],
    ['PL GT', 2026, 1],
    ['PLGT', 26, 1],
    ['PLGT', 2026, 0],
    ['PLGT', 2026, 1.5],
    ['-X', 2026, 1],
  ])('rejects %s %i %i', (agency, year, seq) => {
    expect(() => formatTrackingNumber(agency, year, seq)).toThrow(ValidationError);
  });

  it.each([
    '',
    'PLGT-2026',
    'PLGT-2026-123',
    'PLGT-26-000123',
    'PLGT-2026-0000000',
    'PLGT-2026-000000',
    '2026-000123',
  ])('parses %p as not a tracking number', (text) => {
    expect(parseTrackingNumber(text)).toBeNull();
    expect(isTrackingNumber(text)).toBe(false);
  });

  it('parses case-insensitively and ignores surrounding spaces', () => {
    expect(parseTrackingNumber(' plgt-2026-000123 ')).toEqual({ agencyCode: 'PLGT', year: 2026, seq: 123 });
  });

  it('round-trips every valid input', () => {
    const agency = fc
      .array(fc.stringMatching(/^[A-Z0-9]{1,5}$/), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('-'));
    fc.assert(
      fc.property(
        agency,
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 1e9 }),
        (a, y, s) => {
          expect(parseTrackingNumber(formatTrackingNumber(a, y, s))).toEqual({
            agencyCode: a,
            year: y,
            seq: s,
          });
        },
      ),
    );
  });
});
