import { AGENCY_CODE_PATTERN, FieldMessage, ValidationError } from '@disclose/domain';
import { RULE_SET_IDS } from '@disclose/deadlines';

/** Settings an admin may change after creation. */
export interface AgencySettingsInput {
  nameZh?: string;
  nameEn?: string | null;
  ruleSet?: string;
  timezone?: string;
  /** 'HH:MM' local time, or null for "receipt = submission date". */
  receiptCutoff?: string | null;
  countMakeupWorkdays?: boolean;
  cnFeeMode?: 'pause' | 'restart';
  contactEmail?: string | null;
  reminderHour?: number;
}

export interface AgencyInput extends AgencySettingsInput {
  code: string;
  nameZh: string;
  ruleSet: string;
  timezone: string;
  parentCode?: string | null;
}

const CUTOFF = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

function check(fields: FieldMessage[], input: AgencySettingsInput): void {
  if (input.nameZh !== undefined && !input.nameZh.trim()) fields.push({ field: 'nameZh', code: 'required' });
  if (input.ruleSet !== undefined && !(RULE_SET_IDS as string[]).includes(input.ruleSet)) {
    fields.push({ field: 'ruleSet', code: 'unknown_rule_set', params: { allowed: RULE_SET_IDS.join(', ') } });
  }
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
    fields.push({ field: 'timezone', code: 'invalid_time_zone' });
  }
  if (input.receiptCutoff && !CUTOFF.test(input.receiptCutoff)) {
    fields.push({ field: 'receiptCutoff', code: 'invalid_time_hh_mm' });
  }
  if (input.cnFeeMode !== undefined && !['pause', 'restart'].includes(input.cnFeeMode)) {
    fields.push({ field: 'cnFeeMode', code: 'invalid_choice' });
  }
  const hour = input.reminderHour;
  if (hour !== undefined && (!Number.isInteger(hour) || hour < 0 || hour > 23)) {
    fields.push({ field: 'reminderHour', code: 'invalid_hour' });
  }
  if (input.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.contactEmail)) {
    fields.push({ field: 'contactEmail', code: 'invalid_email' });
  }
}

/** Only the given settings, validated; throws ValidationError naming every bad field. */
export function validateAgencySettings(input: AgencySettingsInput): AgencySettingsInput {
  const fields: FieldMessage[] = [];
  check(fields, input);
  if (fields.length > 0) throw new ValidationError(fields);
  const keys = Object.keys(input) as (keyof AgencySettingsInput)[];
  return Object.fromEntries(
    keys
      .filter((k) => input[k] !== undefined)
      .map((k) => [k, k === 'nameZh' ? input.nameZh?.trim() : input[k]]),
  ) as AgencySettingsInput;
}

/** A new agency's values (code upper-cased, as tracking numbers print it); throws ValidationError. */
export function validateAgencyInput(input: AgencyInput): Omit<AgencyInput, 'parentCode'> {
  const fields: FieldMessage[] = [];
  const code = (input.code ?? '').trim().toUpperCase();
  if (!AGENCY_CODE_PATTERN.test(code) || code.length > 32) {
    fields.push({ field: 'code', code: 'invalid_agency_code' });
  }
  if (!input.nameZh?.trim()) fields.push({ field: 'nameZh', code: 'required' });
  if (!input.ruleSet) fields.push({ field: 'ruleSet', code: 'required' });
  if (!input.timezone) fields.push({ field: 'timezone', code: 'required' });
  check(fields, input);
  if (fields.length > 0) throw new ValidationError(fields);
  const { parentCode: _parent, ...values } = input;
  void _parent;
  return { ...values, code, nameZh: input.nameZh.trim() };
}
