import { onlineReceiptDate, ruleSetFor } from './receipt-date';

describe(onlineReceiptDate.name, () => {
  const agency = { timezone: 'Asia/Shanghai', receiptCutoff: '17:30' };
  const none = { holidays: [], workdays: [] };

  it('uses the submission date in the agency time zone before the cut-off', () => {
    // 2025-09-25T08:00Z = 16:00 in Shanghai, a Thursday.
    expect(onlineReceiptDate(new Date('2025-09-25T08:00:00Z'), agency, 'cn-ogi-2019', none)).toBe(
      '2025-09-25',
    );
  });

  it('moves a filing after the cut-off to the next working day', () => {
    // Friday 2025-09-26 18:00 in Shanghai → Sunday 09-28 is a 调休 make-up workday.
    expect(onlineReceiptDate(new Date('2025-09-26T10:00:00Z'), agency, 'cn-ogi-2019', none)).toBe(
      '2025-09-28',
    );
    // Tuesday 2025-09-30 18:00 → the National Day holiday runs to 10-08.
    expect(onlineReceiptDate(new Date('2025-09-30T10:00:00Z'), agency, 'cn-ogi-2019', none)).toBe(
      '2025-10-09',
    );
  });

  it('moves a filing on a non-working day to the next working day, and honours agency overrides', () => {
    // Saturday 2025-06-07 10:00 in Shanghai; the agency closed on Monday 06-09.
    const closed = { holidays: ['2025-06-09'], workdays: [] };
    expect(onlineReceiptDate(new Date('2025-06-07T02:00:00Z'), agency, 'cn-ogi-2019', closed)).toBe(
      '2025-06-10',
    );
  });

  it('keeps the calendar date when the agency has no cut-off', () => {
    const open = { timezone: 'Asia/Shanghai', receiptCutoff: null };
    expect(onlineReceiptDate(new Date('2025-06-07T15:59:00Z'), open, 'cn-ogi-2019', none)).toBe('2025-06-07');
    expect(onlineReceiptDate(new Date('2025-06-07T16:00:00Z'), open, 'cn-ogi-2019', none)).toBe('2025-06-08');
  });
});

describe(ruleSetFor.name, () => {
  it('applies the 2008 Regulation to receipts before 2019-05-15 and leaves other laws alone', () => {
    expect(ruleSetFor('cn-ogi-2019', '2019-05-14')).toBe('cn-ogi-2008');
    expect(ruleSetFor('cn-ogi-2019', '2019-05-15')).toBe('cn-ogi-2019');
    expect(ruleSetFor('us-foia', '2010-01-01')).toBe('us-foia');
  });
});
