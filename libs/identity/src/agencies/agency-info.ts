import type { AgencyInfo } from '../contract';
import type { AgencyEntity } from './agency.entity';

/** The entity as other libraries see it (cut-off as 'HH:MM'). */
export function toAgencyInfo(entity: AgencyEntity): AgencyInfo {
  return {
    id: entity.id,
    code: entity.code,
    nameZh: entity.nameZh,
    nameEn: entity.nameEn,
    parentId: entity.parentId,
    ruleSet: entity.ruleSet,
    timezone: entity.timezone,
    receiptCutoff: entity.receiptCutoff ? entity.receiptCutoff.slice(0, 5) : null,
    countMakeupWorkdays: entity.countMakeupWorkdays,
    cnFeeMode: entity.cnFeeMode,
    contactEmail: entity.contactEmail,
    reminderHour: entity.reminderHour,
  };
}
