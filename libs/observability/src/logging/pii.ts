/**
 * Keeping secrets and personal data out of the logs. Three layers, all applied by {@link LoggerModule}:
 *
 * 1. keys: a logged object's secret keys (password, token, authorization, ...) become `[redacted]` and
 *    its personal keys (name, email, phone, address, idNumber, ...) become `[pii]`, at any depth;
 * 2. shapes: every finished log line passes through {@link maskText}, which replaces what looks like an
 *    email address, a phone number, an ID number (CN 居民身份证, US SSN, UK NI), a session or email token
 *    or a password hash — wherever it appears, free text and error messages included;
 * 3. sources: request URLs keep their path and their query keys only, errors keep their message and
 *    stack (masked) but never the SQL parameters a database error carries.
 *
 * A personal name inside free text (an error message quoting a name) has no shape to recognise: the code
 * never puts names into log messages, and the test in test/security checks that it stays so.
 */

/** Keys whose values are secrets: never logged, whatever they hold. */
export const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'secret',
  'tokenHash',
  'token_hash',
];

/** Keys whose values are personal data: masked in logs (the value may be needed by the code, not by ops). */
export const PII_KEYS = [
  'name',
  'applicantName',
  'fullName',
  'email',
  'to',
  'recipient',
  'phone',
  'mobile',
  'address',
  'idNumber',
  'id_number',
  'nationalId',
  'applicant',
  'subject',
  'description',
  'text',
  'message_body',
  'opinion',
  'reasons',
];

const SECRET = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));
const PII = new Set(PII_KEYS.map((k) => k.toLowerCase()));

interface Shape {
  pattern: RegExp;
  replacement: string;
  /** A cheap test that must hold for the pattern to match at all (skips the costly scan otherwise). */
  when?: (text: string) => boolean;
}

/** Patterns of personal data and secrets; order matters (hashes and tokens before numbers). */
const SHAPES: Shape[] = [
  // argon2 / bcrypt hashes
  { pattern: /\$argon2(?:id|i|d)\$[^\s"']+/g, replacement: '[hash]' },
  { pattern: /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, replacement: '[hash]' },
  // Bearer values and our opaque tokens (32 random bytes, base64url)
  { pattern: /(Bearer\s+)[^\s"',]+/gi, replacement: '$1[token]' },
  { pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, replacement: '[token]' },
  // email addresses (also percent-encoded @ in URLs)
  {
    pattern: /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    replacement: '[email]',
    when: (text) => text.includes('@') || text.includes('%40'),
  },
  // CN resident ID (18 characters, old 15-digit form)
  { pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, replacement: '[id-number]' },
  { pattern: /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, replacement: '[id-number]' },
  // US SSN, UK National Insurance number
  { pattern: /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g, replacement: '[id-number]' },
  {
    pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
    replacement: '[id-number]',
  },
  // phone numbers: CN mobile (optionally +86), CN landline 0xx(x)-xxxxxxx(x), international +...
  { pattern: /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, replacement: '[phone]' },
  { pattern: /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, replacement: '[phone]' },
  { pattern: /\+\d{1,3}[ -]?\(?\d{1,4}\)?(?:[ -]?\d{2,4}){2,4}(?!\d)/g, replacement: '[phone]' },
];

/** Replaces everything in `text` that looks like personal data or a secret by a placeholder. */
export function maskText(text: string): string {
  let masked = text;
  for (const { pattern, replacement, when } of SHAPES) {
    if (!when || when(masked)) masked = masked.replace(pattern, replacement);
  }
  return masked;
}

/** Query parameters whose values are kept in logged URLs (nothing personal can be in them). */
const SAFE_QUERY_KEYS = new Set([
  'page',
  'pageSize',
  'status',
  'agency',
  'year',
  'format',
  'subordinates',
  'overdue',
  'sort',
  'lang',
  'locale',
  'notice',
  'from',
  'to',
  'dueBefore',
]);

/** A URL for the logs: the path, and the query's keys with their values dropped unless known to be safe. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  const path = maskText(q < 0 ? url : url.slice(0, q));
  if (q < 0) return path;
  const params = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [rawKey, ...rest] = pair.split('=');
      const key = rawKey.slice(0, 40);
      return SAFE_QUERY_KEYS.has(key) && rest.length ? `${key}=${maskText(rest.join('='))}` : `${key}=…`;
    });
  return `${path}?${params.join('&')}`;
}

const MAX_DEPTH = 8;

/**
 * A copy of a logged value with secret keys redacted, personal keys masked and strings passed through
 * {@link maskText}; errors are reduced to {@link serializeError}. Cycles and depth are bounded.
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = scrubEntry(key, item, depth + 1, seen);
  }
  return out;
}

/** One property of a logged object, judged by its key first, then by its value. */
export function scrubEntry(key: string, value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  const lower = key.toLowerCase();
  if (SECRET.has(lower)) return '[redacted]';
  if (PII.has(lower) && value !== null && value !== undefined) return '[pii]';
  if (lower === 'url' && typeof value === 'string') return maskUrl(value);
  return scrub(value, depth, seen);
}

/** Error properties that carry data rather than a description (SQL and its bound values, row details). */
const ERROR_DATA_KEYS = new Set([
  'parameters',
  'query',
  'detail',
  'where',
  'driverError',
  'params',
  'details',
]);

/**
 * An error as a log line may show it: type, masked message and stack, code, and the other own properties
 * scrubbed — but never the SQL parameters (a failed INSERT carries the whole row: email, name, hash).
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrub(error);
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message: maskText(error.message),
    stack: error.stack ? maskText(error.stack) : undefined,
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'message' || key === 'stack' || ERROR_DATA_KEYS.has(key)) continue;
    out[key] = scrubEntry(key, value);
  }
  if (error.cause !== undefined) out.cause = serializeError(error.cause);
  return out;
}
