/**
 * The identity library's public contract, fixed first so that the requests, cases and portal code can be
 * written against it while the implementation lands. Implementations live beside this file.
 */
import type { EntityManager } from 'typeorm';

export type Role = 'applicant' | 'clerk' | 'supervisor' | 'legal' | 'admin';
export const STAFF_ROLES: readonly Role[] = ['clerk', 'supervisor', 'legal', 'admin'];
export type Locale = 'zh-CN' | 'en';
export type ApplicantTypeCode =
  'natural_person' | 'commercial' | 'research' | 'social_welfare' | 'legal_services' | 'other_org';

/** The authenticated caller, as every service method receives it. */
export interface AuthUser {
  id: string;
  role: Role;
  /** Staff: the agency they belong to (they see it and the agencies below it). Applicants: null. */
  agencyId: string | null;
  email: string | null;
  name: string;
  locale: Locale;
  /** Applicants only. */
  applicantType: ApplicantTypeCode | null;
  /** The session this request came with (to revoke it on logout). */
  sessionId: string;
}

/** An agency as the other libraries need it. */
export interface AgencyInfo {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  parentId: string | null;
  ruleSet: string;
  timezone: string;
  /** 'HH:MM' local time after which an online filing counts as received on the next working day; null = none. */
  receiptCutoff: string | null;
  countMakeupWorkdays: boolean;
  cnFeeMode: 'pause' | 'restart';
  contactEmail: string | null;
  /** Local hour (0-23) at which reminders fire on a working day. */
  reminderHour: number;
}

/** The data of an applicant entered by staff (a paper request): matched by email when one is given. */
export interface OfflineApplicantInput {
  name: string;
  applicantType: ApplicantTypeCode;
  email?: string;
  phone?: string;
  address?: string;
  locale?: Locale;
}

/** Implemented by AgenciesService (@disclose/identity). */
export interface AgencyDirectory {
  getById(id: string): Promise<AgencyInfo | null>;
  getByCode(code: string): Promise<AgencyInfo | null>;
  /** Agency ids the user may see: their agency and every agency below it; admin: all; applicant: none. */
  visibleAgencyIds(user: AuthUser): Promise<string[]>;
}

/** Implemented by UsersService (@disclose/identity). */
export interface ApplicantDirectory {
  /** Within the caller's transaction: the applicant with that email, or a new account without password. */
  findOrCreateOfflineApplicant(
    manager: EntityManager,
    input: OfflineApplicantInput,
  ): Promise<{ id: string; created: boolean }>;
}

/** Nest injection token of the {@link AgencyDirectory} implementation (AgenciesService), global via IdentityModule. */
export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');
/** Nest injection token of the {@link ApplicantDirectory} implementation (UsersService), global via IdentityModule. */
export const APPLICANT_DIRECTORY = Symbol('APPLICANT_DIRECTORY');
/** Name of the HttpOnly cookie that carries the session token for the portal. */
export const SESSION_COOKIE = 'disclose_session';
