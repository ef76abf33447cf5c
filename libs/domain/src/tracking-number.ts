import { ValidationError } from './errors';

/** Parts of a tracking number such as `PLGT-2026-000123`. */
export interface TrackingNumberParts {
  readonly agencyCode: string;
  readonly year: number;
  readonly seq: number;
}

/** Agency codes: upper-case letters and digits, optionally joined by single hyphens (e.g. `PLGT`, `US-DOJ`). */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const TRACKING_PATTERN = /^([A-Z0-9]+(?:-[A-Z0-9]+)*)-(\d{4})-(\d{6,})$/;

function check(agencyCode: string, year: number, seq: number): void {
  const fields = [];
  if (!AGENCY_CODE_PATTERN.test(agencyCode))
    fields.push({ field: 'agencyCode', code: 'invalid_agency_code' });
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    fields.push({ field: 'year', code: 'invalid_year' });
  if (!Number.isSafeInteger(seq) || seq < 1) fields.push({ field: 'seq', code: 'must_be_positive_integer' });
  if (fields.length > 0) throw new ValidationError(fields);
}

/**
 * Human-friendly tracking number, unique per agency and year: `AGENCY-YYYY-NNNNNN` (seq zero-padded to six
 * digits; longer sequences simply grow). Throws `ValidationError` on malformed parts.
 */
export function formatTrackingNumber(agencyCode: string, year: number, seq: number): string {
  check(agencyCode, year, seq);
  return `${agencyCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Parses a tracking number (case-insensitive, surrounding spaces ignored); `null` if it is not one.
 * Inverse of `formatTrackingNumber` for every valid input.
 */
export function parseTrackingNumber(value: string): TrackingNumberParts | null {
  const match = TRACKING_PATTERN.exec(value.trim().toUpperCase());
  if (!match) return null;
  const [, agencyCode, yearText, seqText] = match;
  const year = Number(yearText);
  const seq = Number(seqText);
  if (year < 1000 || !Number.isSafeInteger(seq) || seq < 1) return null;
  // A seq of seven or more digits is only canonical without extra leading zeros.
  if (seqText.length > 6 && seqText.startsWith('0')) return null;
  return { agencyCode, year, seq };
}

/** Type guard: is `value` a well-formed tracking number? */
export function isTrackingNumber(value: unknown): value is string {
  return typeof value === 'string' && parseTrackingNumber(value) !== null;
}
