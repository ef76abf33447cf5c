import type { CaseDisposition, CaseKind } from '@disclose/domain';

/** What legal staff record when they log a case (dates 'YYYY-MM-DD'). */
export interface CreateCaseInput {
  requestId: string;
  kind: CaseKind;
  parentCaseId?: string | null;
  body?: string | null;
  caseNumber?: string | null;
  filedOn: string;
  acceptedOn?: string | null;
  servedOn?: string | null;
  decisionReceivedOn?: string | null;
  decisionExtensionDays?: number;
  parties?: string | null;
  counsel?: string | null;
  legalOwnerId?: string | null;
  internalNotes?: string | null;
  grounds?: string | null;
}

/** Fields legal staff may change later; `version` (optional) makes the change conditional (409 if stale). */
export type UpdateCaseInput = Partial<
  Pick<
    CreateCaseInput,
    | 'body'
    | 'caseNumber'
    | 'filedOn'
    | 'acceptedOn'
    | 'servedOn'
    | 'decisionReceivedOn'
    | 'decisionExtensionDays'
    | 'parties'
    | 'counsel'
    | 'legalOwnerId'
    | 'internalNotes'
  >
> & { version?: number };

/** An applicant's online internal review (UK) or appeal (US) of their own decided request. */
export interface ApplicantFilingInput {
  kind: 'internal_review' | 'us_appeal';
  grounds: string;
}

/** The decision that ends a case. */
export interface RecordOutcomeInput {
  disposition: CaseDisposition;
  decidedOn: string;
  notes?: string | null;
  /** When the decision sends the request back: the reply is due by then (default: the rule set's period). */
  newReplyDueOn?: string | null;
}

export interface AddHearingInput {
  heldAt: string;
  place: string;
  notes?: string | null;
}

/** Filters of the case list. */
export interface CaseListFilter {
  kind?: CaseKind;
  open?: boolean;
  agencyId?: string;
  requestId?: string;
}
