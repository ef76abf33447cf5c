import type { EntityManager } from 'typeorm';
import type { AgencyInfo } from '@disclose/identity';
import type { AgencyCalendar } from '../lifecycle/request-deadline';

interface AgencyRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  parent_id: string | null;
  rule_set: string;
  timezone: string;
  receipt_cutoff: string | null;
  count_makeup_workdays: boolean;
  cn_fee_mode: 'pause' | 'restart';
  contact_email: string | null;
  reminder_hour: number;
  holidays: string[];
  workdays: string[];
}

/**
 * The agency a filing is addressed to (by code, case-insensitive) and its calendar overrides, in one round
 * trip: a filing needs both before it can tell its date of receipt. Same shape as the identity library's
 * AgencyDirectory.getByCode and loadAgencyCalendar.
 */
export async function loadFilingAgency(
  manager: EntityManager,
  code: string,
): Promise<{ agency: AgencyInfo; calendar: AgencyCalendar } | null> {
  const [row]: AgencyRow[] = await manager.query(
    `SELECT a.id, a.code::text, a.name_zh, a.name_en, a.parent_id, a.rule_set, a.timezone,
            left(a.receipt_cutoff::text, 5) AS receipt_cutoff, a.count_makeup_workdays, a.cn_fee_mode,
            a.contact_email::text, a.reminder_hour,
            ARRAY(SELECT date::text FROM calendar_overrides c WHERE c.agency_id = a.id AND c.kind = 'holiday'
                  ORDER BY date) AS holidays,
            ARRAY(SELECT date::text FROM calendar_overrides c WHERE c.agency_id = a.id AND c.kind = 'workday'
                  ORDER BY date) AS workdays
       FROM agencies a WHERE a.code = $1::citext`,
    [code],
  );
  if (!row) return null;
  return {
    agency: {
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      parentId: row.parent_id,
      ruleSet: row.rule_set,
      timezone: row.timezone,
      receiptCutoff: row.receipt_cutoff,
      countMakeupWorkdays: row.count_makeup_workdays,
      cnFeeMode: row.cn_fee_mode,
      contactEmail: row.contact_email,
      reminderHour: Number(row.reminder_hour),
    },
    calendar: { holidays: row.holidays, workdays: row.workdays },
  };
}
