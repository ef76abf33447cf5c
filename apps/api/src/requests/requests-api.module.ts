import { Module } from '@nestjs/common';
import { CasesModule } from '@disclose/cases';
import { RequestsModule } from '@disclose/requests';
import { CalendarOverridesController } from './calendar-overrides.controller';
import { RequestActionsController } from './request-actions.controller';
import { RequestDecisionsController } from './request-decisions.controller';
import { RequestDocumentsController } from './request-documents.controller';
import { RequestsController } from './requests.controller';

/** HTTP adapter of @disclose/requests: thin controllers (a request is shown with its reply's challenge windows). */
@Module({
  imports: [RequestsModule, CasesModule],
  controllers: [
    RequestsController,
    RequestActionsController,
    RequestDecisionsController,
    RequestDocumentsController,
    CalendarOverridesController,
  ],
})
export class RequestsApiModule {}
