import { ValidationError } from '@disclose/domain';
import { computeCaseDeadlines, isLate, kindsForRuleSet, type CaseDeadlineFacts } from './case-deadlines';
import { challengeWindows } from './challenge-windows';

const base: CaseDeadlineFacts = {
  kind: 'reconsideration',
  ruleSet: 'cn-ogi-2019',
  replyOn: null,
  filedOn: '2025-08-10',
  acceptedOn: null,
  servedOn: null,
  decisionReceivedOn: null,
  decisionExtensionDays: 0,
};
const due = (facts: Partial<CaseDeadlineFacts>) =>
  Object.fromEntries(computeCaseDeadlines({ ...base, ...facts }).map((d) => [d.key, d.dueOn]));

describe(computeCaseDeadlines.name, () => {
  it('reconsideration: 60-day window from the reply, decision 60 days from acceptance (10-01 holiday rolls)', () => {
    expect(due({ replyOn: '2025-08-02', acceptedOn: '2025-08-02' })).toEqual({
      filing_window: '2025-10-09', // 行政复议法 Art. 20(1)
      decision_due: '2025-10-09', // Art. 62(1)
    });
  });

  it('reconsideration: a 30-day extension counts from the unrolled 60th day, then rolls (cn.md C.1)', () => {
    // 2025-06-02 + 60 = Fri 08-01; + 30 = Sun 08-31 -> Mon 09-01
    const [d] = computeCaseDeadlines({ ...base, acceptedOn: '2025-06-02', decisionExtensionDays: 30 });
    expect(d).toMatchObject({ key: 'decision_due', dueOn: '2025-09-01', from: '2025-06-02', remind: true });
    expect(d.trace[0]).toContain('Art. 62(1)');
  });

  it('reconsideration: refuses an extension beyond 30 days', () => {
    expect(() =>
      computeCaseDeadlines({ ...base, acceptedOn: '2025-06-02', decisionExtensionDays: 31 }),
    ).toThrow(ValidationError);
  });

  it('reconsideration: after the decision the applicant may sue within 15 days (Art. 45), with a reminder', () => {
    const list = computeCaseDeadlines({ ...base, decisionReceivedOn: '2025-09-20' });
    expect(list).toEqual([
      expect.objectContaining({ key: 'litigation_window', dueOn: '2025-10-09', remind: true }),
    ]);
  });

  it('reconsideration: the agency answers within 10 working days of receiving the copy (复议法 Art. 48), reminded', () => {
    const list = computeCaseDeadlines({ ...base, acceptedOn: '2025-09-20', servedOn: '2025-09-26' });
    // 09-28 Sun and 10-11 Sat are 调休 working days; 10-01..10-08 off
    expect(list.find((d) => d.key === 'defence_due')).toMatchObject({
      legalKind: 'cn-reconsideration-defence',
      from: '2025-09-26',
      dueOn: '2025-10-16',
      remind: true,
    });
    const without = computeCaseDeadlines({ ...base, servedOn: '2025-09-26', countMakeupWorkdays: false });
    expect(without.find((d) => d.key === 'defence_due')?.dueOn).toBe('2025-10-20');
    expect(due({ acceptedOn: '2025-09-20' })).not.toHaveProperty('defence_due');
  });

  it('direct litigation: 6 months from the reply; defence 15 days from service (Sat 01-25 rolls to the 调休 Sunday)', () => {
    expect(due({ kind: 'litigation_direct', replyOn: '2025-03-31', servedOn: '2025-01-10' })).toEqual({
      filing_window: '2025-09-30',
      defence_due: '2025-01-26',
    });
  });

  it('litigation after reconsideration: 15 days from the decision, or from the expiry of the organ’s period', () => {
    expect(due({ kind: 'litigation_after_reconsideration', parentDecisionReceivedOn: '2025-09-20' })).toEqual(
      {
        filing_window: '2025-10-09',
      },
    );
    expect(due({ kind: 'litigation_after_reconsideration', parentDecisionDueOn: '2025-09-20' })).toEqual({
      filing_window: '2025-10-09',
    });
  });

  it('US appeal: 90 days to appeal, 20 working days to decide from receipt', () => {
    expect(
      due({ kind: 'us_appeal', ruleSet: 'us-foia', replyOn: '2025-01-10', filedOn: '2026-06-26' }),
    ).toEqual({
      filing_window: '2025-04-10',
      decision_due: '2026-07-27',
    });
  });

  it('UK internal review: 40 WD to ask, 20 WD target, 40 WD outer limit (05-26 bank holiday)', () => {
    expect(
      due({ kind: 'internal_review', ruleSet: 'uk-foia', replyOn: '2025-04-17', filedOn: '2025-04-17' }),
    ).toEqual({
      filing_window: '2025-06-18',
      decision_due: '2025-05-20',
      review_outer_limit: '2025-06-18',
    });
  });

  it('Scottish review: FOISA s.21(1) on the Scottish calendar (Easter Monday is worked)', () => {
    expect(due({ kind: 'internal_review', ruleSet: 'scot-foisa', filedOn: '2025-04-17' })).toEqual({
      decision_due: '2025-05-19',
    });
  });

  it('refuses a kind the rule set does not have', () => {
    expect(() => computeCaseDeadlines({ ...base, kind: 'us_appeal' })).toThrow(ValidationError);
    expect(kindsForRuleSet('uk-eir')).toEqual(['internal_review']);
    expect(kindsForRuleSet('cn-ogi-2008')).toContain('litigation_after_reconsideration');
  });
});

describe(challengeWindows.name, () => {
  it('CN: reconsideration and direct litigation windows, open until their last day', () => {
    const w = challengeWindows('cn-ogi-2019', '2025-08-02', '2025-10-09');
    expect(w.map((x) => [x.caseKind, x.dueOn, x.open])).toEqual([
      ['reconsideration', '2025-10-09', true],
      ['litigation_direct', '2026-02-02', true],
    ]);
    expect(challengeWindows('cn-ogi-2019', '2025-08-02', '2025-10-10')[0].open).toBe(false);
  });

  it('US: the appeal window; UK: 40 WD to ask for a review', () => {
    expect(challengeWindows('us-foia', '2025-01-10', '2025-01-11')).toEqual([
      expect.objectContaining({ caseKind: 'us_appeal', dueOn: '2025-04-10', open: true }),
    ]);
    expect(challengeWindows('uk-eir', '2025-04-17', '2025-04-18')).toEqual([
      expect.objectContaining({ caseKind: 'internal_review', dueOn: '2025-06-18' }),
    ]);
  });
});

describe(isLate.name, () => {
  const lateness = (facts: Partial<CaseDeadlineFacts>) => {
    const f = { ...base, ...facts };
    return isLate({ filedOn: f.filedOn, deadlines: computeCaseDeadlines(f) });
  };

  it('a case brought after its filing window’s last day is late; on the last day it is not', () => {
    // 行政复议法 Art. 20(1): reply 2025-08-02, last day 2025-10-09 (the National Day holiday rolls it).
    expect(lateness({ replyOn: '2025-08-02', filedOn: '2025-10-09' })).toBe(false);
    expect(lateness({ replyOn: '2025-08-02', filedOn: '2025-10-10' })).toBe(true);
    // US 552(a)(6)(A)(i)(III)(aa): 90 days.
    expect(
      lateness({ kind: 'us_appeal', ruleSet: 'us-foia', replyOn: '2025-01-10', filedOn: '2025-04-10' }),
    ).toBe(false);
    expect(
      lateness({ kind: 'us_appeal', ruleSet: 'us-foia', replyOn: '2025-01-10', filedOn: '2025-04-11' }),
    ).toBe(true);
  });

  it('a lawsuit after reconsideration is late 15 days after the decision was received (Art. 45)', () => {
    const facts = {
      kind: 'litigation_after_reconsideration' as const,
      parentDecisionReceivedOn: '2025-03-03',
    };
    expect(lateness({ ...facts, filedOn: '2025-03-18' })).toBe(false);
    expect(lateness({ ...facts, filedOn: '2025-03-19' })).toBe(true);
  });

  it('without a reply date the window is unknown: not late', () => {
    expect(lateness({ replyOn: null, filedOn: '2030-01-01' })).toBe(false);
  });
});
