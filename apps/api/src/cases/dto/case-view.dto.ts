import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { CASE_DISPOSITIONS, CASE_KINDS } from '@disclose/domain';
import { CASE_DOCUMENT_KINDS } from '@disclose/cases';

/**
 * The OpenAPI shapes of what the cases endpoints answer (CaseView, CaseDetailView, ChallengeWindowsView in
 * @disclose/cases). Documentation only: the controllers return the library's views.
 */
export class CaseDeadlineDto {
  @ApiProperty({
    description:
      'filing_window (the applicant’s last day to bring the case), decision_due (the organ’s or the agency’s ' +
      'decision), defence_due (the agency’s answer: 行诉法 Art. 67 / 复议法 Art. 48), litigation_window ' +
      '(after a reconsideration decision), review_outer_limit (UK: 40 WD)',
  })
  key: string;
  @ApiProperty({ description: 'computeLegalDeadline kind, e.g. cn-reconsideration-decision' })
  legalKind: string;
  @ApiProperty({ example: '2025-08-02', description: 'The day the period counts from' }) from: string;
  @ApiProperty({ example: '2025-10-09' }) dueOn: string;
  @ApiProperty({
    description: 'Whether the legal staff member in charge is reminded (5, 2, 1, 0 WD, overdue)',
  })
  remind: boolean;
  @ApiProperty({ description: 'Past the loaded official calendar: may still move' }) provisional: boolean;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: [String], description: 'The derivation, day by day, with the article' })
  trace: string[];
}

export class CaseViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ enum: CASE_KINDS }) kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'litigation_after_reconsideration: its 复议' })
  parentCaseId: string | null;
  @ApiProperty({ nullable: true, description: 'Reconsideration organ, court or regulator' }) body:
    string | null;
  @ApiProperty({ nullable: true }) caseNumber: string | null;
  @ApiProperty({ nullable: true, example: '2025-08-01', description: 'The reply challenged' })
  replyOn: string | null;
  @ApiProperty({ example: '2025-08-02' }) filedOn: string;
  @ApiProperty({
    description:
      'Brought after the applicant’s window (the filing_window deadline) closed: legal staff may record a ' +
      'late application on paper; online it is refused (422)',
  })
  late: boolean;
  @ApiProperty({ nullable: true }) acceptedOn: string | null;
  @ApiProperty({ nullable: true, description: 'The agency received the complaint / application copy' })
  servedOn: string | null;
  @ApiProperty({ nullable: true }) decisionReceivedOn: string | null;
  @ApiProperty({ minimum: 0, maximum: 30 }) decisionExtensionDays: number;
  @ApiProperty({ nullable: true }) parties: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Staff only (absent for applicants)' })
  counsel?: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'The legal staff member in charge' })
  legalOwnerId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Staff only (absent for applicants)' })
  internalNotes?: string | null;
  @ApiProperty({ nullable: true, description: 'The applicant’s grounds' }) grounds: string | null;
  @ApiProperty({ enum: CASE_DISPOSITIONS.map((d) => d.code), nullable: true }) disposition: string | null;
  @ApiProperty({
    enum: ['upheld', 'corrected', 'other', 'pending'],
    description: 'The annual report’s table 3 column (cn-annual-report.md B.5); pending while open',
  })
  outcome: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ nullable: true }) decidedOn: string | null;
  @ApiProperty({ nullable: true }) outcomeNotes: string | null;
  @ApiProperty({
    nullable: true,
    description:
      'When the decision reopened the request: its new due date (the date the decision fixed, else the rule set’s period)',
  })
  reopenedDueOn: string | null;
  @ApiProperty({ type: [CaseDeadlineDto] }) deadlines: CaseDeadlineDto[];
  @ApiProperty({ description: 'Send it back in PATCH to make the change conditional (409 if stale)' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HearingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty() place: string;
  @ApiPropertyOptional({ nullable: true, description: 'Staff only (absent for applicants)' })
  notes?: string | null;
}

export class CreatedHearingDto extends HearingDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
}

export class CaseDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CASE_DOCUMENT_KINDS }) kind: string;
  @ApiProperty() filename: string;
  @ApiProperty({ description: 'Sniffed from the bytes: PDF, PNG, JPEG, DOCX, XLSX or plain text' })
  contentType: string;
  @ApiProperty() size: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class UploadedCaseDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: CASE_DOCUMENT_KINDS }) kind: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class CaseEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'recorded',
    description:
      'recorded, filed_online, updated, hearing_added, hearing_updated, hearing_removed, document_added, decided',
  })
  type: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null for applicants' }) actorId: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Staff only' })
  payload?: Record<string, unknown>;
}

export class CaseDetailViewDto extends CaseViewDto {
  @ApiProperty({ type: [HearingDto] }) hearings: HearingDto[];
  @ApiProperty({ type: [CaseDocumentDto] }) documents: CaseDocumentDto[];
  @ApiProperty({ type: [CaseEventDto] }) events: CaseEventDto[];
}

export class ChallengeWindowDto {
  @ApiProperty({ enum: CASE_KINDS }) caseKind: string;
  @ApiProperty() legalKind: string;
  @ApiProperty() from: string;
  @ApiProperty({ description: 'Last day to bring this case' }) dueOn: string;
  @ApiProperty({ description: 'Still open today (the last day included)' }) open: boolean;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: [String] }) trace: string[];
}

export class ChallengeWindowsDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty() ruleSet: string;
  @ApiProperty({ nullable: true, description: 'The reply’s date; null before a reply' }) replyOn:
    string | null;
  @ApiProperty({ description: 'Today in the agency’s time zone' }) today: string;
  @ApiProperty({ nullable: true, description: 'The last day any window is open' })
  challengeableUntil: string | null;
  @ApiProperty({ type: [ChallengeWindowDto] }) windows: ChallengeWindowDto[];
}

const PROBLEMS: Readonly<Record<number, string>> = {
  400: 'Invalid input (application/problem+json with field messages in zh-CN or en); nothing is written',
  401: 'No valid session',
  403: 'The caller sees the case or request but its role may not do this (legal staff and admins write)',
  404: 'Unknown, or not visible to the caller (another agency’s case, another applicant’s request)',
  409: 'Stale version, a case that already has its outcome, or a request the state machine cannot reopen',
  422: 'A deadline rule the law does not allow, or (applicant online) the window to ask closed: the detail names its last day',
};

/** The problem+json answers an endpoint can give, documented once. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: `${PROBLEMS[status]} (application/problem+json)` }),
    ),
  );
}
