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
    const statutory: RequestDeadline = {
      dueOn: en.dueOn,
      provisional: en.provisional,
      clockStatus: en.status,
      clarificationNoticeDueOn: en.clarificationNoticeDueOn ?? null,
      warnings: en.warnings,
      trace: { en: en.trace, 'zh-CN': zh.trace },
    };
    return withOrderedDueOn(statutory, events);
  } catch (error) {
    if (error instanceof DeadlineRuleError) throw new DeadlineRuleViolationError(error.code, error.message);
    throw error;
  }
}

/**
 * After a reopen whose decision fixed the new reply date (a reconsideration organ or court: "重新答复 by
 * …", recorded as the 'reopened' event's `orderedDueOn`), that date is the due date; the rule set's period
 * from the decision stays in the trace for reference. Without one, the statutory computation stands.
 */
function withOrderedDueOn(statutory: RequestDeadline, events: readonly RequestEventLike[]): RequestDeadline {
  const reopen = [...events].reverse().find((e) => e.type === 'reopened');
  const ordered = reopen?.payload?.orderedDueOn;
  if (typeof ordered !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ordered)) return statutory;
  const disposition = String(reopen?.payload?.disposition ?? 'reopen');
  const period = statutory.dueOn ?? 'none (clock stopped)';
  const periodZh = statutory.dueOn ?? '无（计时中止）';
  return {
    ...statutory,
    dueOn: ordered,
    provisional: false,
    clockStatus: 'running',
    trace: {
      en: [
        `Due date set by the decision that reopened the request (${disposition}): reply by ${ordered}.`,
        `For reference, the rule set's period from the decision would give ${period}:`,
        ...statutory.trace.en,
      ],
      'zh-CN': [
        `重新答复期限由撤销或责令履行的决定确定（${disposition}）：${ordered}前答复。`,
        `供参考，按规则集期限自决定之日起计算为 ${periodZh}：`,
        ...statutory.trace['zh-CN'],
      ],
    },
  };
}
