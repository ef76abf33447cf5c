/**
 * @disclose/requests — filing, the clerk's lifecycle (one transaction and one hash-chained event per
 * action), reading, documents, calendar overrides and the audit-chain check.
 */
export * from './entities';
export { Requests1764400400000 } from './migrations/1764400400000-Requests';
export { ProcessingTrack1764400720000 } from './migrations/1764400720000-ProcessingTrack';
export { RequestsModule } from './requests.module';
export * from './filing/filing.types';
export { FileRequestService } from './filing/file-request.service';
export * from './actions/action-result';
export { AssignRequestService } from './actions/assign-request.service';
export { ClarificationService } from './actions/clarification.service';
export { ConsultationService } from './actions/consultation.service';
export { ExtensionService } from './actions/extension.service';
export { FeeService, type FeeNoticeInput } from './actions/fee.service';
export { DecisionService, type DecisionInput } from './actions/decision.service';
export { ClosingService } from './actions/closing.service';
export {
  PROCESSING_TRACKS,
  ProcessingTrackService,
  type ProcessingTrack,
} from './actions/processing-track.service';
export { DocumentsService, type UploadInput } from './documents/documents.service';
export { DOCUMENT_STORAGE, DiskDocumentStorage, type DocumentStorage } from './documents/document-storage';
export { MAX_DOCUMENT_BYTES, sanitizeFilename, sniffContentType } from './documents/content-sniffing';
export { RequestQueryService } from './reading/request-query.service';
export { RequestListService, type RequestListFilter } from './reading/request-list.service';
export {
  CalendarOverridesService,
  type DueDateChange,
  type OverridesInput,
  type OverridesResult,
} from './calendars/calendar-overrides.service';
export {
  CalendarDependents,
  type CalendarDependent,
  type DependentDeadlineChange,
} from './calendars/calendar-dependents';
export { verifyAuditChains, type ChainBreak } from './audit/audit-verify.service';
export { RequestTransitionRunner } from './lifecycle/request-transition.runner';
export { appendEvent } from './lifecycle/event-log';
export { onlineReceiptDate, ruleSetFor, localDateTime } from './lifecycle/receipt-date';
export { computeRequestDeadline, type AgencyCalendar } from './lifecycle/request-deadline';
export { loadAgencyCalendar } from './lifecycle/agency-calendar';
