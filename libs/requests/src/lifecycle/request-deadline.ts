import { computeDeadline, DeadlineRuleError, type RuleSetId } from '@disclose/deadlines';
import { DeadlineRuleViolationError, toDeadlineInput, type RequestEventLike } from '@disclose/domain';
import type { AgencyInfo } from '@disclose/identity';

/** Agency calendar overrides in the engine's shape. */
export interface AgencyCalendar {
  holidays: string[];
  workdays: string[];
}

/** The deadline columns of a request, as stored after every clock event. */
export interface RequestDeadline {
  dueOn: string | null;
  provisional: boolean;
  clockStatus: 'running' | 'stopped';
  clarificationNoticeDueOn: string | null;
  warnings: string[];
  /** The engine's derivation in both languages, so a read never recomputes. */
  trace: { en: string[]; 'zh-CN': string[] };
}

/**
 * Recomputes a request's deadline from its receipt date and event log (the single source of the clock),
 * with the agency's overrides and settings. Input the law does not allow becomes a domain error (422).
 */
export function computeRequestDeadline(
  ruleSet: string,
  receivedOn: string,
  events: readonly RequestEventLike[],
  calendar: AgencyCalendar,
  agency: Pick<AgencyInfo, 'countMakeupWorkdays' | 'cnFeeMode'>,
): RequestDeadline {
  const input = toDeadlineInput(receivedOn, events);
  const base = {
    ruleSet: ruleSet as RuleSetId,
    receivedOn: input.receivedOn,
    events: input.events,
    calendar,
    options: { countMakeupWorkdays: agency.countMakeupWorkdays, cnFeeMode: agency.cnFeeMode },
  };
  try {
    const en = computeDeadline({ ...base, locale: 'en' });
    const zh = computeDeadline({ ...base, locale: 'zh-CN' });
    return {
      dueOn: en.dueOn,
      provisional: en.provisional,
      clockStatus: en.status,
      clarificationNoticeDueOn: en.clarificationNoticeDueOn ?? null,
      warnings: en.warnings,
      trace: { en: en.trace, 'zh-CN': zh.trace },
    };
  } catch (error) {
    if (error instanceof DeadlineRuleError) throw new DeadlineRuleViolationError(error.code, error.message);
    throw error;
  }
}
