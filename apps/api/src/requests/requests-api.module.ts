import { Module } from '@nestjs/common';
import { RequestsModule } from '@disclose/requests';
import { CalendarOverridesController } from './calendar-overrides.controller';
import { RequestActionsController } from './request-actions.controller';
import { RequestDecisionsController } from './request-decisions.controller';
import { RequestDocumentsController } from './request-documents.controller';
import { RequestsController } from './requests.controller';

/** HTTP adapter of @disclose/requests: thin controllers, one service call each. */
@Module({
  imports: [RequestsModule],
  controllers: [
    RequestsController,
    RequestActionsController,
    RequestDecisionsController,
    RequestDocumentsController,
    CalendarOverridesController,
  ],
})
export class RequestsApiModule {}
