import { Module, type Provider } from '@nestjs/common';
import { RequestsModule } from '@disclose/requests';
import { CASES_CLOCK } from './cases.tokens';
import { CaseDocumentsService } from './documents/case-documents.service';
import { CaseCalendarService } from './services/case-calendar.service';
import { CaseQueryService } from './services/case-query.service';
import { RecordCaseService } from './services/record-case.service';
import { RecordOutcomeService } from './services/record-outcome.service';
import { UpdateCaseService } from './services/update-case.service';
import { REQUEST_REOPENER } from './records/request-reopener';
import { RequestsReopener } from './records/requests-reopener';

const SERVICES: Provider[] = [
  RecordCaseService,
  UpdateCaseService,
  RecordOutcomeService,
  CaseQueryService,
  CaseDocumentsService,
  CaseCalendarService,
  RequestsReopener,
  { provide: REQUEST_REOPENER, useExisting: RequestsReopener },
  { provide: CASES_CLOCK, useValue: { now: () => new Date() } },
];

/**
 * Legal cases (issue 6). Needs AGENCY_DIRECTORY (IdentityModule), MILESTONE_SYNC (MilestonesModule), the
 * requests library's transition runner (RequestsModule) and APP_CONFIG; the others are global in the app.
 * Registers its open cases with the requests library's CalendarDependents: an app that loads calendar
 * overrides must import this module for open cases to follow them.
 */
@Module({ imports: [RequestsModule], providers: SERVICES, exports: SERVICES })
export class CasesModule {}
