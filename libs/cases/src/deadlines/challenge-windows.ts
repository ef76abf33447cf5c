import { computeLegalDeadline, type CalendarOverrides, type LegalDeadlineKind } from '@disclose/deadlines';
import type { CaseKind } from '@disclose/domain';
import { chainWorkingDays } from './legal-periods';

/** Until when a reply can be challenged, one window per way of challenging it. */
export interface ChallengeWindow {
  caseKind: CaseKind;
  legalKind: LegalDeadlineKind;
  from: string;
  dueOn: string;
  /** Whether the window is still open on `today` (the last day included). */
  open: boolean;
  provisional: boolean;
  warnings: string[];
  trace: string[];
}

/**
 * The applicant's windows after a reply dated `replyOn` (taken as the day the applicant knew of the act):
 * CN: 行政复议法 Art. 20(1) 60 days and 行政诉讼法 Art. 46(1) 6 months; US: 552(a)(6)(A)(i)(III)(aa)
 * 90 days; UK: s.45 Code Part 5, 40 WD to ask for an internal review; Scotland: FOISA s.20(5), 40 WD.
 */
export function challengeWindows(
  ruleSet: string,
  replyOn: string,
  today: string,
  calendar?: CalendarOverrides,
): ChallengeWindow[] {
  const one = (caseKind: CaseKind, legalKind: LegalDeadlineKind) => {
    const r = computeLegalDeadline({ kind: legalKind, from: replyOn, calendar });
    return {
      caseKind,
      legalKind,
      from: replyOn,
      dueOn: r.dueOn,
      provisional: r.provisional,
      warnings: r.warnings,
      trace: r.trace,
    };
  };
  let windows: Omit<ChallengeWindow, 'open'>[] = [];
  if (ruleSet.startsWith('cn-')) {
    windows = [
      one('reconsideration', 'cn-reconsideration-application'),
      one('litigation_direct', 'cn-litigation-direct'),
    ];
  } else if (ruleSet === 'us-foia') {
    windows = [one('us_appeal', 'us-appeal-filing')];
  } else if (ruleSet === 'uk-foia' || ruleSet === 'uk-eir' || ruleSet === 'scot-foisa') {
    const kind: LegalDeadlineKind = ruleSet === 'scot-foisa' ? 'scot-foisa-review' : 'uk-internal-review';
    const c = chainWorkingDays('filing_window', kind, replyOn, 2, false, calendar);
    windows = [
      {
        caseKind: 'internal_review',
        legalKind: kind,
        from: replyOn,
        dueOn: c.dueOn,
        provisional: c.provisional,
        warnings: c.warnings,
        trace: c.trace,
      },
    ];
  }
  return windows.map((w) => ({ ...w, open: today <= w.dueOn }));
}
