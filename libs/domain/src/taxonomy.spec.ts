import {
  APPLICANT_TYPES,
  CASE_DISPOSITIONS,
  CASE_KINDS,
  CHANNELS,
  OUTCOME_CODES,
  OUTCOME_GROUPS,
  caseReportColumn,
  isApplicantType,
  isCaseDisposition,
  isCaseKind,
  isChannel,
  isCnReportedCaseKind,
  isDeliveryMethod,
  isOutcomeCode,
  isRole,
  outcomeDefinition,
  reopensRequest,
} from './taxonomy';

describe('taxonomy', () => {
  it('has the annual report columns as applicant types', () => {
    expect(APPLICANT_TYPES.map((a) => [a.code, a.zh])).toEqual([
      ['natural_person', '自然人'],
      ['commercial', '商业企业'],
      ['research', '科研机构'],
      ['social_welfare', '社会公益组织'],
      ['legal_services', '法律服务机构'],
      ['other_org', '其他'],
    ]);
  });

  it('has exactly the 21 outcome rows in report order', () => {
    expect(OUTCOME_CODES.map((o) => o.code)).toEqual([
      'disclosed',
      'partially_disclosed',
      'withheld.state_secret',
      'withheld.prohibited_by_law',
      'withheld.security_stability',
      'withheld.third_party_rights',
      'withheld.internal_affairs',
      'withheld.process_information',
      'withheld.enforcement_files',
      'withheld.administrative_query',
      'unavailable.not_held',
      'unavailable.would_need_creation',
      'unavailable.unclear_after_clarification',
      'not_processed.petition_complaint',
      'not_processed.duplicate',
      'not_processed.publication',
      'not_processed.excessive',
      'not_processed.confirm_existing',
      'other.clarification_lapsed',
      'other.fee_unpaid',
      'other.other',
    ]);
    for (const o of OUTCOME_CODES) expect(o.code.split('.')[0]).toBe(o.group);
    expect(new Set(OUTCOME_CODES.map((o) => o.group))).toEqual(new Set(OUTCOME_GROUPS.map((g) => g.code)));
    expect(outcomeDefinition('withheld.security_stability').zh).toBe('3.危及“三安全一稳定”');
    expect(outcomeDefinition('partially_disclosed').zh).toBe(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    );
  });

  it.each<[string, (v: unknown) => boolean, unknown[], unknown[]]>([
    [
      'isOutcomeCode',
      isOutcomeCode,
      ['disclosed', 'other.fee_unpaid'],
      ['withheld', 'total_processed', 1, null],
    ],
    [
      'isApplicantType',
      isApplicantType,
      ['natural_person', 'other_org'],
      ['total', 'Natural_person', undefined],
    ],
    ['isChannel', isChannel, [...CHANNELS], ['phone', '']],
    ['isDeliveryMethod', isDeliveryMethod, ['post', 'pickup', 'electronic', 'email'], ['fax']],
    ['isRole', isRole, ['applicant', 'admin'], ['root']],
    ['isCaseKind', isCaseKind, [...CASE_KINDS], ['appeal']],
    ['isCaseDisposition', isCaseDisposition, ['upheld', 'reversed'], ['维持']],
  ])('%s', (_name, guard, yes, no) => {
    for (const v of yes) expect(guard(v)).toBe(true);
    for (const v of no) expect(guard(v)).toBe(false);
  });

  it.each([
    ['upheld', 'upheld', false],
    ['claim_rejected', 'upheld', false],
    ['varied', 'corrected', false],
    ['revoked', 'corrected', false],
    ['revoked_re_reply', 'corrected', true],
    ['confirmed_unlawful', 'corrected', false],
    ['ordered_to_perform', 'corrected', true],
    ['confirmed_void', 'corrected', false],
    ['not_accepted', 'other', false],
    ['terminated', 'other', false],
    ['withdrawn', 'other', false],
    ['mediated', 'other', false],
    ['settled', 'other', false],
    ['suit_dismissed', 'other', false],
    ['affirmed', 'upheld', false],
    ['partly_reversed', 'corrected', true],
    ['reversed', 'corrected', true],
    ['closed_other', 'other', false],
  ] as const)('disposition %s counts as %s (reopens: %s)', (code, column, reopens) => {
    expect(caseReportColumn(code)).toBe(column);
    expect(reopensRequest(code)).toBe(reopens);
  });

  it('covers every disposition in the table above', () => {
    expect(CASE_DISPOSITIONS).toHaveLength(18);
  });

  it('reports only Chinese case kinds in table 3', () => {
    expect(CASE_KINDS.filter(isCnReportedCaseKind)).toEqual([
      'reconsideration',
      'litigation_direct',
      'litigation_after_reconsideration',
    ]);
  });
});
