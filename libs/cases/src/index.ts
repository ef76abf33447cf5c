/**
 * @disclose/cases — legal cases after a reply (issue 6): US appeals, UK internal reviews, Chinese
 * reconsiderations and lawsuits; their deadlines (computeLegalDeadline), milestones, outcomes for table 3
 * of the annual report, and the reopening of the request when a decision corrects the agency.
 */
export { CasesModule } from './cases.module';
export { CASES_CLOCK, type CasesClock } from './cases.tokens';
export * from './entities';
export { Cases1764400500000 } from './migrations/1764400500000-Cases';
export * from './deadlines/case-deadlines';
export * from './deadlines/challenge-windows';
export type * from './records/case-inputs';
export { toCaseView, toCaseDetailView, type CaseView, type CaseDetailView } from './records/case-view';
export { caseMilestoneSnapshot } from './records/case-milestones';
export { REQUEST_REOPENER, type RequestReopener } from './records/request-reopener';
export { canWriteCases, CASE_WRITER_ROLES } from './access/case-access';
export { CASE_FIELD_MESSAGES } from './records/case-field-messages';
export { RecordCaseService } from './services/record-case.service';
export { UpdateCaseService } from './services/update-case.service';
export { RecordOutcomeService } from './services/record-outcome.service';
export { CaseCalendarService } from './services/case-calendar.service';
export {
  CaseQueryService,
  type ChallengeWindowsView,
  type ChallengeableRequest,
} from './services/case-query.service';
export { CaseDocumentsService, type CaseDocumentUpload } from './documents/case-documents.service';
export { MAX_DOCUMENT_BYTES as CASE_DOCUMENT_MAX_BYTES } from '@disclose/requests';
