import { zonedDate, zonedInstant } from '@disclose/milestones';

/** The on-the-day reminder of a hearing comes at least this long before it starts. */
export const HEARING_LEAD_MS = 2 * 3_600_000;
/** ...but not before this hour of the hearing's day (local), unless the hearing itself starts earlier. */
export const HEARING_EARLIEST_HOUR = 7;

/**
 * When the legal staff member in charge is reminded of a hearing on its day: at the agency's reminder hour,
 * or 2 h before the hearing if that is earlier (a 09:30 hearing with a 09:00 reminder hour is reminded at
 * 07:30), never before 07:00 local that day — unless the hearing starts at or before 07:00, when the
 * reminder comes 2 h before it, but not before that day's midnight.
 */
export function hearingDayReminderAt(heldAt: Date, timeZone: string, reminderHour: number): Date {
  const on = zonedDate(heldAt, timeZone);
  const atHour = zonedInstant(on, reminderHour, timeZone);
  const lead = new Date(heldAt.getTime() - HEARING_LEAD_MS);
  const earliest = zonedInstant(on, HEARING_EARLIEST_HOUR, timeZone);
  const floor = heldAt > earliest ? earliest : zonedInstant(on, 0, timeZone);
  const at = atHour < lead ? atHour : lead;
  return at < floor ? floor : at;
}
