import { listNonWorkingDays, type RuleSetId } from '@disclose/deadlines';
import { localDateTime } from '@disclose/domain';
import type { AgencyInfo } from '@disclose/identity';
import type { AgencyCalendar } from './request-deadline';

export { localDateTime };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether `date` is a working day of the rule set's calendar with the agency's overrides. */
export function isWorkingDay(ruleSet: string, date: string, calendar: AgencyCalendar): boolean {
  const special = listNonWorkingDays(ruleSet as RuleSetId, Number(date.slice(0, 4)), calendar).find(
    (d) => d.date === date,
  );
  if (special) return special.kind === 'makeup_workday';
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Legal date of receipt of an online filing (cn.md A.2 (三), A.10): the submission date in the agency's time
 * zone; submitted after the agency's office-hours cut-off, or on a non-working day, it is received on the
 * next working day (the office confirms it then). Without a cut-off setting, the submission date always
 * counts — the engine already starts counting on the first working day after it.
 */
export function onlineReceiptDate(
  now: Date,
  agency: Pick<AgencyInfo, 'timezone' | 'receiptCutoff'>,
  ruleSet: string,
  calendar: AgencyCalendar,
): string {
  const local = localDateTime(now, agency.timezone);
  if (!agency.receiptCutoff) return local.date;
  const cutoff = agency.receiptCutoff.slice(0, 5);
  let date = local.date;
  if (local.time >= cutoff || !isWorkingDay(ruleSet, date, calendar)) {
    do date = addDays(date, 1);
    while (!isWorkingDay(ruleSet, date, calendar));
  }
  return date;
}

/** cn.md A: requests received before 2019-05-15 fall under the 2008 Regulation. */
export function ruleSetFor(agencyRuleSet: string, receivedOn: string): string {
  if (!agencyRuleSet.startsWith('cn-ogi-')) return agencyRuleSet;
  return receivedOn < '2019-05-15' ? 'cn-ogi-2008' : 'cn-ogi-2019';
}
