import { formatCivilDate, localDateTime } from './civil-dates';

describe(formatCivilDate.name, () => {
  it('writes a civil date the Chinese and the English way', () => {
    expect(formatCivilDate('2025-10-30', 'zh-CN')).toBe('2025年10月30日');
    expect(formatCivilDate('2025-01-05', 'en')).toBe('5 January 2025');
  });

  it('shows anything that is not a civil date as given', () => {
    expect(formatCivilDate('soon', 'en')).toBe('soon');
    expect(formatCivilDate('2025-13-01', 'zh-CN')).toBe('2025-13-01');
  });
});

describe(localDateTime.name, () => {
  it('answers the civil date and time in the zone, across midnight', () => {
    const instant = new Date('2025-10-30T17:05:00Z');
    expect(localDateTime(instant, 'Asia/Shanghai')).toEqual({ date: '2025-10-31', time: '01:05' });
    expect(localDateTime(instant, 'America/New_York')).toEqual({ date: '2025-10-30', time: '13:05' });
  });
});
