import { Module } from '@nestjs/common';
import { AssignRequestService } from './actions/assign-request.service';
import { ClarificationService } from './actions/clarification.service';
import { ClosingService } from './actions/closing.service';
import { ConsultationService } from './actions/consultation.service';
import { DecisionService } from './actions/decision.service';
import { ExtensionService } from './actions/extension.service';
import { FeeService } from './actions/fee.service';
import { ProcessingTrackService } from './actions/processing-track.service';
import { CalendarDependents } from './calendars/calendar-dependents';
import { CalendarOverridesService } from './calendars/calendar-overrides.service';
import { DiskDocumentStorage, DOCUMENT_STORAGE } from './documents/document-storage';
import { DocumentsService } from './documents/documents.service';
import { FileRequestService } from './filing/file-request.service';
import { IdempotencyStore } from './filing/idempotency.store';
import { RequestAccess } from './lifecycle/request-access';
import { RequestTransitionRunner } from './lifecycle/request-transition.runner';
import { RequestListService } from './reading/request-list.service';
import { RequestQueryService } from './reading/request-query.service';

const SERVICES = [
  FileRequestService,
  AssignRequestService,
  ClarificationService,
  ConsultationService,
  ExtensionService,
  FeeService,
  DecisionService,
  ClosingService,
  ProcessingTrackService,
  DocumentsService,
  RequestQueryService,
  RequestListService,
  CalendarOverridesService,
];

/**
 * The request lifecycle's use cases. Needs, from the application: the TypeORM root (DatabaseModule), the
 * identity directories (AGENCY_DIRECTORY, APPLICANT_DIRECTORY) and MILESTONE_SYNC, all provided globally.
 */
@Module({
  providers: [
    RequestAccess,
    RequestTransitionRunner,
    IdempotencyStore,
    CalendarDependents,
    { provide: DOCUMENT_STORAGE, useClass: DiskDocumentStorage },
    ...SERVICES,
  ],
  exports: [...SERVICES, RequestTransitionRunner, DOCUMENT_STORAGE, CalendarDependents],
})
export class RequestsModule {}
