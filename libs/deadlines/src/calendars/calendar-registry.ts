import { DayNumber, parseDate } from '../dates';
import { baseSource, CalendarId } from './calendar-sources';
import { withOverrides, WorkingCalendar } from './working-calendar';

/** Agency overrides: extra holidays (closures), extra workdays, and optionally a later coverage end. */
export interface CalendarOverrides {
  holidays?: readonly string[];
  workdays?: readonly string[];
  /**
   * Extra (not in rules/README.md): the last day the overrides fully describe, e.g. '2027-12-31' once the
   * 2027 notice is loaded as overrides. Days up to it are no longer provisional.
   */
  coveredThrough?: string;
}

const bases = new Map<string, WorkingCalendar>();
const overridden = new Map<string, WorkingCalendar>();
const MAX_OVERRIDE_CACHE = 256;

function base(id: CalendarId, countMakeup: boolean): WorkingCalendar {
  const key = id === 'cn' && !countMakeup ? 'cn-no-makeup' : id;
  let cal = bases.get(key);
  if (!cal) {
    cal = new WorkingCalendar(baseSource(id, countMakeup));
    bases.set(key, cal);
  }
  return cal;
}

const isEmpty = (o: CalendarOverrides | undefined): boolean =>
  !o || (!o.holidays?.length && !o.workdays?.length && o.coveredThrough === undefined);

/**
 * The working calendar for a calendar id with agency overrides. Indexes are built once per distinct
 * (calendar, make-up setting, overrides) and cached, so the hot path is a Map lookup.
 */
export function resolveCalendar(
  id: CalendarId,
  overrides?: CalendarOverrides,
  countMakeup = true,
): WorkingCalendar {
  const b = base(id, countMakeup);
  if (isEmpty(overrides)) return b;
  const hol = [...new Set((overrides!.holidays ?? []).map((d) => parseDate(d, 'calendar.holidays')))].sort(
    (x, y) => x - y,
  );
  const work = [...new Set((overrides!.workdays ?? []).map((d) => parseDate(d, 'calendar.workdays')))].sort(
    (x, y) => x - y,
  );
  const through: DayNumber | undefined =
    overrides!.coveredThrough === undefined
      ? undefined
      : parseDate(overrides!.coveredThrough, 'calendar.coveredThrough');
  const key = `${hol.join(',')}|${work.join(',')}|${through ?? ''}`;
  const cacheKey = `${b.id}#${key}`;
  let cal = overridden.get(cacheKey);
  if (!cal) {
    if (overridden.size >= MAX_OVERRIDE_CACHE) overridden.delete(overridden.keys().next().value!);
    cal = new WorkingCalendar(withOverrides(b.source, hol, work, through, key), {
      calendar: b,
      touched: [...hol, ...work],
    });
    overridden.set(cacheKey, cal);
  }
  return cal;
}
