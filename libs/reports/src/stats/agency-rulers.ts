import type { DataSource } from 'typeorm';
import { loadAgencyCalendar, type AgencyCalendar } from '@disclose/requests';
import { WorkingDayRuler } from './working-day-ruler';

/**
 * A ruler per agency and rule set over [from, to], on the agency's calendar — its overrides
 * (loadAgencyCalendar, as its due dates and the queue's days left were computed) and its 调休 setting —
 * shared by the agencies with the same calendar. Overrides are loaded only for the agencies in `used`
 * (default: all of `agencies`) that have any.
 */
export async function agencyRulers(
  db: DataSource,
  agencies: readonly { id: string; count_makeup_workdays: boolean }[],
  from: string,
  to: string,
  used: readonly string[] = agencies.map((a) => a.id),
): Promise<(agencyId: string, ruleSet: string) => WorkingDayRuler> {
  const ids = [...new Set(used)];
  const withOverrides = ids.length
    ? await db.query<{ agency_id: string }[]>(
        `SELECT DISTINCT agency_id FROM calendar_overrides WHERE agency_id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const calendars = new Map<string, AgencyCalendar>();
  for (const { agency_id } of withOverrides) {
    calendars.set(agency_id, await loadAgencyCalendar(db.manager, agency_id));
  }
  const makeup = new Map(agencies.map((a) => [a.id, a.count_makeup_workdays]));
  const rulers = new Map<string, WorkingDayRuler>();
  return (agencyId, ruleSet) => {
    const calendar = calendars.get(agencyId);
    const countMakeupWorkdays = makeup.get(agencyId) ?? true;
    const key = JSON.stringify([ruleSet, countMakeupWorkdays, calendar ?? null]);
    let r = rulers.get(key);
    if (!r) {
      r = new WorkingDayRuler(ruleSet, from, to, calendar, { countMakeupWorkdays });
      rulers.set(key, r);
    }
    return r;
  };
}
