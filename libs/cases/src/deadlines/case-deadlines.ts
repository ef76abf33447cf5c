import { computeLegalDeadline, type CalendarOverrides, type LegalDeadlineKind } from '@disclose/deadlines';
import { ValidationError, type CaseKind } from '@disclose/domain';
import { addCalendarDays, chainWorkingDays } from './legal-periods';

/** What a case deadline is: who must act by it. */
export type CaseDeadlineKey =
  | 'filing_window' // the applicant's last day to bring this case (informational once filed)
  | 'decision_due' // the reconsideration organ's / the agency's appeal or review decision
  | 'defence_due' // the agency's answer: to the court (行诉法 Art. 67) or the reconsideration organ (复议法 Art. 48)
  | 'litigation_window' // after a reconsideration decision: the applicant's last day to sue
  | 'review_outer_limit'; // UK s.45 Code: a complex review may take at most 40 WD

/** One computed deadline of a case, stored on the case with its derivation. */
export interface CaseDeadline {
  key: CaseDeadlineKey;
  legalKind: LegalDeadlineKind;
  from: string;
  dueOn: string;
  /** Whether it becomes a milestone with reminders to the legal staff member in charge. */
  remind: boolean;
  provisional: boolean;
  warnings: string[];
  trace: string[];
}

/** The dates a case's deadlines depend on ('YYYY-MM-DD'; null when not known yet). */
export interface CaseDeadlineFacts {
  kind: CaseKind;
  ruleSet: string;
  /** The reply date of the request (the applicant "knew of the act" that day). */
  replyOn: string | null;
  filedOn: string;
  acceptedOn: string | null;
  servedOn: string | null;
  decisionReceivedOn: string | null;
  /** 行政复议法 Art. 62(1): at most 30 calendar days, approved by the head of the reconsideration office. */
  decisionExtensionDays: number;
  /** litigation_after_reconsideration: the parent reconsideration's decision receipt / decision deadline. */
  parentDecisionReceivedOn?: string | null;
  parentDecisionDueOn?: string | null;
  /** The agency's calendar overrides (table calendar_overrides). */
  calendar?: CalendarOverrides;
  /** CN working-day periods: whether the agency counts 调休 make-up days (default true, cn.md settings). */
  countMakeupWorkdays?: boolean;
}

/** The case kinds a rule set allows (issue 6): CN 复议/诉讼, US appeal, UK/Scottish internal review. */
export function kindsForRuleSet(ruleSet: string): readonly CaseKind[] {
  if (ruleSet.startsWith('cn-'))
    return ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
  if (ruleSet === 'us-foia') return ['us_appeal'];
  if (ruleSet === 'uk-foia' || ruleSet === 'uk-eir' || ruleSet === 'scot-foisa') return ['internal_review'];
  return [];
}

export const MAX_RECONSIDERATION_EXTENSION_DAYS = 30; // 行政复议法 Art. 62(1)

function legal(
  key: CaseDeadlineKey,
  kind: LegalDeadlineKind,
  from: string,
  remind: boolean,
  calendar?: CalendarOverrides,
  countMakeupWorkdays?: boolean,
): CaseDeadline {
  const options = countMakeupWorkdays === undefined ? undefined : { countMakeupWorkdays };
  const r = computeLegalDeadline({ kind, from, calendar, options });
  return {
    key,
    legalKind: kind,
    from,
    dueOn: r.dueOn,
    remind,
    provisional: r.provisional,
    warnings: r.warnings,
    trace: r.trace,
  };
}

/**
 * 行政复议法 Art. 62(1) with an extension of k ≤ 30 days: cn.md C.1 counts the k days from the original,
 * unrolled 60th day and rolls the result; (accepted + k) + 60 is the same calendar day, rolled once.
 */
function reconsiderationDecision(
  acceptedOn: string,
  extensionDays: number,
  cal?: CalendarOverrides,
): CaseDeadline {
  if (extensionDays === 0) return legal('decision_due', 'cn-reconsideration-decision', acceptedOn, true, cal);
  const d = legal(
    'decision_due',
    'cn-reconsideration-decision',
    addCalendarDays(acceptedOn, extensionDays),
    true,
    cal,
  );
  return {
    ...d,
    from: acceptedOn,
    trace: [
      `Extension of ${extensionDays} calendar days (行政复议法 Art. 62(1), cn.md C.1) added to the 60 days.`,
      ...d.trace,
    ],
  };
}

/** Every deadline the facts allow computing now, for the case's kind (rules/README.md, legal kinds). */
export function computeCaseDeadlines(f: CaseDeadlineFacts): CaseDeadline[] {
  if (!kindsForRuleSet(f.ruleSet).includes(f.kind)) {
    throw new ValidationError([
      { field: 'kind', code: 'not_available_for_rule_set', params: { ruleSet: f.ruleSet } },
    ]);
  }
  if (f.decisionExtensionDays < 0 || f.decisionExtensionDays > MAX_RECONSIDERATION_EXTENSION_DAYS) {
    throw new ValidationError([{ field: 'decisionExtensionDays', code: 'max_30_days' }]);
  }
  const out: CaseDeadline[] = [];
  switch (f.kind) {
    case 'reconsideration':
      if (f.replyOn)
        out.push(legal('filing_window', 'cn-reconsideration-application', f.replyOn, false, f.calendar)); // Art. 20
      if (f.acceptedOn) out.push(reconsiderationDecision(f.acceptedOn, f.decisionExtensionDays, f.calendar));
      // Art. 48: the agency (the respondent) answers in writing, with its evidence, within 10 working days
      // of receiving the copy of the application (servedOn).
      if (f.servedOn)
        out.push(
          legal(
            'defence_due',
            'cn-reconsideration-defence',
            f.servedOn,
            true,
            f.calendar,
            f.countMakeupWorkdays,
          ),
        );
      // 行政诉讼法 Art. 45: the applicant may still sue within 15 days of receiving the decision.
      if (f.decisionReceivedOn)
        out.push(
          legal(
            'litigation_window',
            'cn-litigation-after-reconsideration',
            f.decisionReceivedOn,
            true,
            f.calendar,
          ),
        );
      break;
    case 'litigation_direct':
      if (f.replyOn) out.push(legal('filing_window', 'cn-litigation-direct', f.replyOn, false, f.calendar)); // Art. 46(1)
      if (f.servedOn) out.push(legal('defence_due', 'cn-defense-submission', f.servedOn, true, f.calendar)); // Art. 67
      break;
    case 'litigation_after_reconsideration': {
      // Art. 45: 15 days from receiving the decision, or from the expiry of the organ's period if it is silent.
      const from = f.parentDecisionReceivedOn ?? f.parentDecisionDueOn ?? null;
      if (from)
        out.push(legal('filing_window', 'cn-litigation-after-reconsideration', from, false, f.calendar));
      if (f.servedOn) out.push(legal('defence_due', 'cn-defense-submission', f.servedOn, true, f.calendar)); // Art. 67
      break;
    }
    case 'us_appeal':
      // 552(a)(6)(A)(i)(III)(aa): at least 90 days after the adverse determination.
      if (f.replyOn) out.push(legal('filing_window', 'us-appeal-filing', f.replyOn, false, f.calendar));
      out.push(legal('decision_due', 'us-appeal-decision', f.filedOn, true, f.calendar)); // (a)(6)(A)(ii): from receipt
      break;
    case 'internal_review': {
      const kind: LegalDeadlineKind = f.ruleSet === 'scot-foisa' ? 'scot-foisa-review' : 'uk-internal-review';
      if (f.replyOn) out.push(chainWorkingDays('filing_window', kind, f.replyOn, 2, false, f.calendar)); // 40 WD to ask
      out.push(legal('decision_due', kind, f.filedOn, true, f.calendar)); // s.45 Code Part 5 / FOISA s.21(1)
      if (kind === 'uk-internal-review')
        out.push(chainWorkingDays('review_outer_limit', kind, f.filedOn, 2, false, f.calendar));
      break;
    }
  }
  return out;
}

/**
 * Whether the case was brought after the applicant's window (its `filing_window` deadline) had closed: legal
 * staff may record a late paper application (the organ or court decides whether to accept it), and it
 * shows as late. A case whose window is not known (no reply date) is not late.
 */
export function isLate(c: { filedOn: string; deadlines: readonly CaseDeadline[] }): boolean {
  const window = c.deadlines.find((d) => d.key === 'filing_window');
  return window !== undefined && c.filedOn > window.dueOn;
}
