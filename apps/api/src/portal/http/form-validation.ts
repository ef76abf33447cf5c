import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError as ClassValidationError } from 'class-validator';
import { ValidationError, type FieldMessage } from '@disclose/domain';
import { domainFieldError } from '../../http/field-messages';
import { t, type PortalLocale } from '../i18n/i18n';
import type { FormError } from '../views/components';
import { CSRF_FIELD } from './portal-context';

/** Field name → its label on the page, so messages name what the person sees. */
export type Labels = Readonly<Record<string, string>>;

const N_IN_MESSAGE = /(?:equal to|than) (\S+?)(?: characters)?$/;

function classMessage(
  e: ClassValidationError,
  label: string,
  locale: PortalLocale,
  missing: boolean,
): string {
  const constraints = e.constraints ?? {};
  if (missing) {
    const choice = 'isIn' in constraints || 'isEnum' in constraints;
    return t(locale, choice ? 'v.choose' : 'v.required', { label });
  }
  const [constraint, message] = Object.entries(constraints)[0] ?? ['', ''];
  const n = N_IN_MESSAGE.exec(message)?.[1] ?? '';
  switch (constraint) {
    case 'isNotEmpty':
    case 'isDefined':
      return t(locale, 'v.required', { label });
    case 'isEmail':
      return t(locale, 'v.email');
    case 'maxLength':
      return t(locale, 'v.tooLong', { label, n });
    case 'minLength':
      return t(locale, 'v.tooShort', { label, n });
    case 'isIn':
    case 'isEnum':
      return t(locale, 'v.choose', { label });
    case 'isInt':
    case 'isNumber':
    case 'min':
    case 'max':
      return t(locale, 'v.number', { label });
    default:
      return /date/i.test(message) ? t(locale, 'v.date', { label }) : t(locale, 'v.invalid', { label });
  }
}

/**
 * Validates a form against the SAME DTO class the JSON API validates with (one set of rules), and answers
 * GOV.UK-style messages in the page language. Unknown fields (the CSRF token) are dropped.
 */
export async function validateForm<T extends object>(
  dto: new () => T,
  plain: Record<string, unknown>,
  labels: Labels,
  locale: PortalLocale,
): Promise<{ value: T; errors: FormError[] }> {
  const { [CSRF_FIELD]: _csrf, ...rest } = plain;
  void _csrf;
  const value = plainToInstance(dto, rest);
  const problems = await validate(value, { whitelist: true, forbidUnknownValues: false });
  const errors = problems.map((e) => ({
    field: e.property,
    message: classMessage(e, labels[e.property] ?? e.property, locale, rest[e.property] === undefined),
  }));
  return { value, errors };
}

/** A size limit in megabytes as people read it: 20, 2.5. */
const megabytes = (bytes: unknown): string =>
  typeof bytes === 'number' && bytes > 0 ? String(Math.round((bytes / 1_048_576) * 10) / 10) : '';

/** Whether an upload stopped at the multipart size limit (@fastify/multipart's toBuffer). */
export function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/** "File is too large (max 20 MB)" at the file field. */
export function fileTooLarge(
  field: string,
  label: string,
  maxBytes: number,
  locale: PortalLocale,
): FormError {
  return { field, message: t(locale, 'v.tooLarge', { label, n: megabytes(maxBytes) }) };
}

/** A domain ValidationError (raised by a service) as form messages; other errors give null. */
export function domainFormErrors(error: unknown, labels: Labels, locale: PortalLocale): FormError[] | null {
  if (!(error instanceof ValidationError)) return null;
  return (error.fields as FieldMessage[]).map((f) => {
    const label = labels[f.field] ?? f.field;
    const min = f.params?.min;
    const known: Record<string, string> = {
      required: t(locale, 'v.required', { label }),
      invalid_email: t(locale, 'v.email'),
      invalid_choice: t(locale, 'v.choose', { label }),
      unknown_agency: t(locale, 'v.choose', { label }),
      password_too_short: t(locale, 'v.tooShort', { label, n: String(min ?? '') }),
      // DocumentsService says params.max, CaseDocumentsService params.maxBytes.
      too_large: t(locale, 'v.tooLarge', { label, n: megabytes(f.params?.max ?? f.params?.maxBytes) }),
    };
    const message =
      known[f.code] ??
      domainFieldError({ ...f, field: label }, locale).message.replace(`${label}: `, `${label}：`);
    return { field: f.field, message };
  });
}

/** Trimmed string fields of a urlencoded body; empty strings become undefined (optional fields). */
export function formFields(body: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const v = Array.isArray(value) ? value[0] : value;
    out[key] = typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  }
  return out;
}
