/**
 * Civil dates ('YYYY-MM-DD', an agency's calendar day) shared by the portal, the emails and filing: written
 * the local way, and the civil date and time of an instant in a time zone. Pure: the instant is passed in.
 */

/** The languages dates are written in (the same as the messages'). */
export type DateLocale = 'en' | 'zh-CN';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A civil date written the local way: `2025年10月30日` / `30 October 2025`. No Date object and no time
 * zone: the date is already the agency's civil date. Anything else is shown as given.
 */
export function formatCivilDate(value: string, locale: DateLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return value;
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const LOCAL_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function localFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = LOCAL_FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    LOCAL_FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** The civil date and 'HH:MM' time of `now` in `timeZone`. */
export function localDateTime(now: Date, timeZone: string): { date: string; time: string } {
  const parts = localFormatter(timeZone).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
