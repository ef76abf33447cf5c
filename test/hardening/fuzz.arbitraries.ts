import fc from 'fast-check';

/** Strings attackers and broken clients send: SQL, markup, paths, template syntax, odd numbers, odd Unicode. */
export const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE requests; --",
  '1; SELECT pg_sleep(10) --',
  "x' UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2f..%2f..%2fetc%2fpasswd',
  '/dev/zero',
  'a\u0000b',
  '\u0000',
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x1F',
  '9'.repeat(400),
  '-9'.repeat(40),
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egpj.exe',
  '\uFEFF',
  'ǅ̶̡̛͖͕̺̩̹̞̺̦̩̼̺̈́̊͊̆̑̀̈́͑̓͋̾̕͘͝',
  '𠜎𠜱𠝹𠱓',
  '👩‍👩‍👧‍👦'.repeat(60),
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  ' ',
  '\t\r\n',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31',
  '275760-09-13',
  '2024-01-01T25:61:61Z',
  '1970-01-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(70_000),
  '中'.repeat(25_000),
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.repeat(3000)) },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER - 2,
    2 ** 31,
    2 ** 63,
    -1,
    0,
    0.5,
    -0.000001,
    1e-320,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** An object or array nested `depth` levels deep (stack-hungry parsers and validators). */
export function nested(depth: number, leaf: unknown = 1, asArray = false): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.constant(0), { minLength: 5000, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 5, max: 1500 }), fc.boolean()).map(([d, a]) => nested(d, 'x', a)),
  },
);

/** Keys that pollute prototypes or escalate privileges when a server merges bodies blindly. */
export const EVIL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'role',
  'isAdmin',
  'agencyId',
  'applicantId',
  'id',
  'status',
  'version',
  'passwordHash',
  '$where',
  'toString',
  'hasOwnProperty',
];

/** A JSON object written key by key, so keys like `__proto__` are real keys of the text. */
export function objectText(entries: Array<[string, unknown]>): string {
  return `{${entries
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')}}`;
}

/** JSON-ish texts no parser should choke on with a 500. */
export const BROKEN_JSON = [
  '',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  '[1,2',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":1e99999}',
  '{"a":-}',
  'null',
  'true',
  '"just a string"',
  '12345',
  '[]',
  '[{}]',
  '{"a":1}{"b":2}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
];

export const BROKEN_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-7',
  'application/merge-patch+json',
  'application/octet-stream',
  'garbage',
  '',
];

/** Path segments that are not what the route expects. */
export const NASTY_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%2e%2e',
  '%00',
  'null',
  '-1',
  '0',
  '1e999',
  'NaN',
  "'%20OR%201%3D1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'a'.repeat(3000),
  '%E4%B8%AD%E6%96%87',
  '%F0%9F%92%A9',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '123e4567-e89b-12d3-a456-426614174000',
  '123E4567-E89B-12D3-A456-426614174000',
  '{id}',
  '%20',
];
