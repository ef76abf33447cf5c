import type { EntityManager } from 'typeorm';
import type { AgencyCalendar } from './request-deadline';

/** The agency's calendar overrides (every year), in the engine's shape. */
export async function loadAgencyCalendar(manager: EntityManager, agencyId: string): Promise<AgencyCalendar> {
  const rows: Array<{ date: string; kind: string }> = await manager.query(
    `SELECT date::text AS date, kind FROM calendar_overrides WHERE agency_id = $1 ORDER BY date`,
    [agencyId],
  );
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
  };
}
