/** The shape RequestQueryService.get answers (typed here for the pages; the service returns a record). */
export interface RequestEventView {
  id: string;
  seq: number;
  type: string;
  occurredAt: string;
  on: string;
  payload: Record<string, unknown>;
}

export interface RequestDetail {
  id: string;
  trackingNumber: string;
  agencyId: string;
  subject: string;
  description: string;
  deliveryMethod: string;
  receivedOn: string;
  ruleSet: string;
  status: string;
  version: number;
  deadline: {
    dueOn: string | null;
    provisional: boolean;
    clockStatus: 'running' | 'stopped';
    clarificationReplyBy: string | null;
    feePaymentDueOn: string | null;
    trace: string[];
  };
  fee: { amountFen: number; basis: string; waived: boolean } | null;
  outcome: string | null;
  outcomeReasons: string[] | null;
  decisionMessage: string | null;
  /** The reply's date (null before a reply). */
  decidedOn: string | null;
  assigneeId?: string | null;
  events: RequestEventView[];
  documents: Array<{
    id: string;
    filename: string;
    size: number;
    visibleToApplicant: boolean;
    createdAt: string;
  }>;
  consultations: Array<{ id: string; party: string; sentOn: string; repliedOn: string | null }>;
  extensions: Array<{ id: string; workingDays: number; reason: string; status: string }>;
}

export interface RequestListItem {
  id: string;
  trackingNumber: string;
  agencyId: string;
  subject: string;
  status: string;
  receivedOn: string;
  ruleSet: string;
  assigneeId?: string | null;
  deadline: { dueOn: string | null; clockStatus: 'running' | 'stopped' };
}
