import type { AuthUser } from '@disclose/identity';
import { isLate, type CaseDeadline } from '../deadlines/case-deadlines';
import type { CaseDocumentEntity, CaseEntity, CaseEventEntity, CaseHearingEntity } from '../entities';

/** A case as the API answers it; applicants get it without `internalNotes` and `counsel` (issue 6). */
export interface CaseView {
  id: string;
  requestId: string;
  agencyId: string;
  kind: string;
  parentCaseId: string | null;
  body: string | null;
  caseNumber: string | null;
  replyOn: string | null;
  filedOn: string;
  /** Brought after the applicant's window closed (`filing_window`): only legal staff can record such a case. */
  late: boolean;
  acceptedOn: string | null;
  servedOn: string | null;
  decisionReceivedOn: string | null;
  decisionExtensionDays: number;
  parties: string | null;
  counsel?: string | null;
  legalOwnerId: string | null;
  internalNotes?: string | null;
  grounds: string | null;
  disposition: string | null;
  /** Table 3 column: upheld / corrected / other, or pending while the case is open (B.5). */
  outcome: 'upheld' | 'corrected' | 'other' | 'pending';
  open: boolean;
  decidedOn: string | null;
  outcomeNotes: string | null;
  reopenedDueOn: string | null;
  deadlines: CaseDeadline[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetailView extends CaseView {
  /** Applicants get hearings without their notes (the legal staff's preparation). */
  hearings: Array<{ id: string; heldAt: string; place: string; notes?: string | null }>;
  documents: Array<{
    id: string;
    kind: string;
    filename: string;
    contentType: string;
    size: number;
    createdAt: string;
  }>;
  events: Array<{
    id: string;
    type: string;
    actorId: string | null;
    occurredAt: string;
    payload?: Record<string, unknown>;
  }>;
}

export function toCaseView(c: CaseEntity, viewer: AuthUser): CaseView {
  const view: CaseView = {
    id: c.id,
    requestId: c.requestId,
    agencyId: c.agencyId,
    kind: c.kind,
    parentCaseId: c.parentCaseId,
    body: c.body,
    caseNumber: c.caseNumber,
    replyOn: c.replyOn,
    filedOn: c.filedOn,
    late: isLate(c),
    acceptedOn: c.acceptedOn,
    servedOn: c.servedOn,
    decisionReceivedOn: c.decisionReceivedOn,
    decisionExtensionDays: c.decisionExtensionDays,
    parties: c.parties,
    counsel: c.counsel,
    legalOwnerId: c.legalOwnerId,
    internalNotes: c.internalNotes,
    grounds: c.grounds,
    disposition: c.disposition,
    outcome: (c.outcome as CaseView['outcome'] | null) ?? 'pending',
    open: c.outcome === null,
    decidedOn: c.decidedOn,
    outcomeNotes: c.outcomeNotes,
    reopenedDueOn: c.reopenedDueOn,
    deadlines: c.deadlines,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  if (viewer.role === 'applicant') {
    delete view.internalNotes;
    delete view.counsel;
  }
  return view;
}

export function toCaseDetailView(
  c: CaseEntity,
  viewer: AuthUser,
  parts: { hearings: CaseHearingEntity[]; documents: CaseDocumentEntity[]; events: CaseEventEntity[] },
): CaseDetailView {
  const staff = viewer.role !== 'applicant';
  return {
    ...toCaseView(c, viewer),
    hearings: parts.hearings.map((h) => ({
      id: h.id,
      heldAt: h.heldAt.toISOString(),
      place: h.place,
      ...(staff ? { notes: h.notes } : {}),
    })),
    documents: parts.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.contentType,
      size: d.size,
      createdAt: d.createdAt.toISOString(),
    })),
    // Applicants see what happened and when, not the payloads (which may name internal matters).
    events: parts.events.map((e) => ({
      id: e.id,
      type: e.type,
      actorId: staff ? e.actorId : null,
      occurredAt: e.occurredAt.toISOString(),
      ...(staff ? { payload: e.payload } : {}),
    })),
  };
}
