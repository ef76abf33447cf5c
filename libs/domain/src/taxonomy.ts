/**
 * Fixed vocabularies of the request domain: applicant types (= annual report columns), channels, delivery
 * methods, roles and legal case kinds. Outcome codes and case dispositions live in their own files and are
 * re-exported here.
 */
export * from './outcome-codes';
export * from './case-dispositions';

/** Applicant types: exactly the columns of table 2 (rules/cn-annual-report.md B.4); `zh` = column header. */
export const APPLICANT_TYPES = [
  { code: 'natural_person', zh: '自然人', en: 'Natural person' },
  { code: 'commercial', zh: '商业企业', en: 'Commercial enterprise' },
  { code: 'research', zh: '科研机构', en: 'Research institution' },
  { code: 'social_welfare', zh: '社会公益组织', en: 'Public-interest organisation' },
  { code: 'legal_services', zh: '法律服务机构', en: 'Legal services provider' },
  { code: 'other_org', zh: '其他', en: 'Other organisation' },
] as const;
/** A stored applicant type. */
export type ApplicantType = (typeof APPLICANT_TYPES)[number]['code'];

/** How a request reached the agency (its receipt rule depends on it, cn.md A.2). */
export const CHANNELS = ['online', 'mail', 'in_person', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How the reply and documents are delivered to the applicant. */
export const DELIVERY_METHODS = ['electronic', 'email', 'post', 'pickup'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** User roles (DESIGN.md decision 7). */
export const ROLES = ['applicant', 'clerk', 'supervisor', 'legal', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of legal case against a reply; the last three are the groups of table 3 (B.5). */
export const CASE_KINDS = [
  'internal_review',
  'us_appeal',
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  const set: ReadonlySet<string> = new Set(values);
  return (value: unknown): value is T => typeof value === 'string' && set.has(value);
}

/** Type guard for applicant types. */
export const isApplicantType = oneOf<ApplicantType>(APPLICANT_TYPES.map((a) => a.code));
/** Type guard for channels. */
export const isChannel = oneOf<Channel>(CHANNELS);
/** Type guard for delivery methods. */
export const isDeliveryMethod = oneOf<DeliveryMethod>(DELIVERY_METHODS);
/** Type guard for roles. */
export const isRole = oneOf<Role>(ROLES);
/** Type guard for case kinds. */
export const isCaseKind = oneOf<CaseKind>(CASE_KINDS);

/** True for the case kinds reported in table 3 of the Chinese annual report. */
export function isCnReportedCaseKind(kind: CaseKind): boolean {
  return (
    kind === 'reconsideration' || kind === 'litigation_direct' || kind === 'litigation_after_reconsideration'
  );
}
