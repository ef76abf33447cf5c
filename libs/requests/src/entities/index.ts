import { RequestEntity } from './request.entity';
import { RequestEventEntity } from './request-event.entity';
import {
  CalendarOverrideEntity,
  ConsultationEntity,
  DocumentEntity,
  ExtensionEntity,
  TrackingCounterEntity,
} from './request-parts.entity';

export * from './request.entity';
export * from './request-event.entity';
export * from './request-parts.entity';

/** For libs/database ENTITIES. */
export const REQUEST_ENTITIES = [
  RequestEntity,
  RequestEventEntity,
  ConsultationEntity,
  ExtensionEntity,
  DocumentEntity,
  CalendarOverrideEntity,
  TrackingCounterEntity,
];
