import type { EntityManager } from 'typeorm';
import type { RuleSetId } from '@disclose/deadlines';
import type { AgencyTiming } from './planning/milestone-kinds';

/**
 * The agency settings milestones depend on, read from the identity engineer's `agencies` table (read
 * only). Agency calendar overrides are not applied yet: the due dates themselves already include them, and
 * reminders fall back to the official calendar.
 */
export async function loadAgencyTiming(manager: EntityManager, agencyId: string): Promise<AgencyTiming> {
  const rows: Array<{
    timezone: string;
    reminder_hour: number;
    rule_set: string;
    count_makeup_workdays: boolean;
  }> = await manager.query(
    `SELECT timezone, reminder_hour, rule_set, count_makeup_workdays FROM agencies WHERE id = $1`,
    [agencyId],
  );
  if (rows.length === 0) throw new Error(`milestones: agency ${agencyId} not found`);
  const r = rows[0];
  return {
    timezone: r.timezone,
    reminderHour: Number(r.reminder_hour),
    ruleSet: r.rule_set as RuleSetId,
    countMakeupWorkdays: r.count_makeup_workdays,
  };
}

/** Memoises agency timings for the length of one batch (reconcile, digest): agencies rarely change. */
export class AgencyTimingCache {
  private readonly cache = new Map<string, Promise<AgencyTiming>>();
  constructor(private readonly manager: EntityManager) {}

  get(agencyId: string): Promise<AgencyTiming> {
    let t = this.cache.get(agencyId);
    if (!t) {
      t = loadAgencyTiming(this.manager, agencyId);
      this.cache.set(agencyId, t);
    }
    return t;
  }
}
