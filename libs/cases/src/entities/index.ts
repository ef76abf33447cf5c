import { CaseDocumentEntity } from './case-document.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseHearingEntity } from './case-hearing.entity';
import { CaseEntity } from './case.entity';

export { CaseEntity, CaseHearingEntity, CaseDocumentEntity, CaseEventEntity };
export { CASE_DOCUMENT_KINDS, type CaseDocumentKind } from './case-document.entity';

/** The entities of @disclose/cases, registered in libs/database entities.ts. */
export const CASE_ENTITIES = [CaseEntity, CaseHearingEntity, CaseDocumentEntity, CaseEventEntity];
