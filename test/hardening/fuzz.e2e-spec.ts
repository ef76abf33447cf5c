import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import {
  BROKEN_CONTENT_TYPES,
  BROKEN_JSON,
  EVIL_KEYS,
  NASTY_SEGMENTS,
  nastyNumber,
  nastyString,
  nastyValue,
  objectText,
} from './fuzz.arbitraries';
import {
  CSRF,
  PDF,
  Stack,
  changedTables,
  createWorld,
  decide,
  fileRequest,
  filesUnder,
  httpAs,
  portalPostRoutes,
  randomIp,
  recordCase,
  tableChecksums,
  today,
  uploadCaseDocument,
  uploadDocument,
  type Answer,
  type Http,
  type Role,
  type World,
} from './hardening.fixtures';

/**
 * Issue 9 §1, bad input: thousands of malformed, oversized, wrongly typed, Unicode-heavy and injection
 * payloads to every JSON endpoint of the OpenAPI document and every portal form, against the built api on
 * a database of this suite's own (so a checksum of every table sees exactly what a request wrote).
 *
 * Replay a failure with the seed fast-check prints: `FUZZ_SEED=<seed> npx jest test/hardening/fuzz`.
 * FUZZ_RUNS scales the number of payloads per endpoint (default 25).
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x9d15c;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** Stops at the first failure (no shrinking: each run is an HTTP round trip) and reports it briefly. */
const fcOptions = <T>(runs: number): fc.Parameters<T> => ({
  seed: SEED,
  numRuns: runs,
  endOnFailure: true,
  asyncReporter: async (details) => {
    if (!details.failed) return;
    const error = details.errorInstance as Error | undefined;
    throw new Error(
      `fuzz failure (replay: FUZZ_SEED=${details.seed}, path ${details.counterexamplePath}, run ${details.numRuns}):\n${String(error?.message ?? details.errorInstance).slice(0, 3000)}`,
    );
  },
});

interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string }>;
  bodySchema?: Schema;
  multipart: boolean;
}
interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  $ref?: string;
  format?: string;
}

/** Failures of one test, each endpoint's property running to its end even when another failed. */
let failures: string[] = [];
async function collect(run: Promise<void>): Promise<void> {
  try {
    await run;
  } catch (error) {
    failures.push((error as Error).message);
  }
}

/** Every payload sent and what came back, for the figures at the end. */
const sent = {
  json: 0,
  portal: 0,
  uploads: 0,
  byStatus: {} as Record<number, number>,
  httpMs: 0,
  checksumMs: 0,
};

describe('hardening: fuzzing every endpoint and form with bad input (built api, own database)', () => {
  const stack = new Stack();
  let http: Http;
  let world: World;
  let openapi: {
    paths: Record<string, Record<string, any>>;
    components: { schemas: Record<string, Schema> };
  };
  const ids = {} as Record<
    | 'reqOpen'
    | 'reqDecided'
    | 'reqY'
    | 'caseX'
    | 'docX'
    | 'caseDocX'
    | 'consultation'
    | 'hearing'
    | 'throwaway',
    string
  >;

  beforeAll(async () => {
    await stack.start();
    world = await createWorld(stack.db, stack.base, 'FZ');
    http = httpAs(stack.base, world);
    ids.reqOpen = (await fileRequest(http, 'appA', world.agencies.X.code)).id;
    ids.reqDecided = (await fileRequest(http, 'appA', world.agencies.X.code)).id;
    ids.reqY = (await fileRequest(http, 'appB', world.agencies.Y.code)).id;
    await decide(http, 'clerkX', ids.reqDecided);
    ids.caseX = await recordCase(http, 'legalX', ids.reqDecided);
    ids.docX = (await uploadDocument(http, 'clerkX', ids.reqOpen)).json().documentId;
    ids.caseDocX = (await uploadCaseDocument(http, 'legalX', ids.caseX)).json().id;
    const consulted = await http('clerkX', 'POST', `/api/v1/requests/${ids.reqOpen}/consultations`, {
      json: { party: '平凉市自然资源局', sentOn: today() },
    });
    ids.consultation = consulted.json().consultationId;
    ids.hearing = (
      await http('legalX', 'POST', `/api/v1/cases/${ids.caseX}/hearings`, {
        json: { heldAt: '2099-03-01T02:00:00.000Z', place: '第一法庭' },
      })
    ).json().id;
    openapi = (await http('anon', 'GET', '/api/docs-json')).json();
    const { rows } = await stack.db.query(
      `INSERT INTO users (email, name, role, agency_id, locale) VALUES ($1, 'throwaway', 'clerk', $2, 'en') RETURNING id`,
      [`throwaway-${world.suffix.toLowerCase()}@fz.hardening.test`, world.agencies.X.id],
    );
    ids.throwaway = rows[0].id;
  }, 180_000);

  beforeEach(() => {
    failures = [];
  });
  afterEach(() => {
    expect(failures).toEqual([]);
  });

  afterAll(async () => {
    console.log(`fuzz: seed ${SEED}, ${RUNS} runs/endpoint; sent ${JSON.stringify(sent)}`);
    await stack.stop();
  }, 60_000);

  // ---------------------------------------------------------------------------------------------------
  // helpers

  function resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(openapi.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  function operations(): Operation[] {
    const ops: Operation[] = [];
    for (const [path, byMethod] of Object.entries(openapi.paths)) {
      for (const [method, op] of Object.entries(byMethod)) {
        const content = op.requestBody?.content ?? {};
        ops.push({
          method: method.toUpperCase(),
          path,
          params: (op.parameters ?? []).map((p: { name: string; in: string }) => ({
            name: p.name,
            in: p.in,
          })),
          bodySchema: resolve(content['application/json']?.schema),
          multipart: 'multipart/form-data' in content || /documents$/.test(path),
        });
      }
    }
    return ops;
  }

  /** Values of the right shape (so a payload gets past type checks to the service) with odd content. */
  function plausible(name: string, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema) ?? {};
    if (s.enum?.length) return fc.oneof(fc.constantFrom(...s.enum), nastyString);
    if (/(On|By|Before|^from|^to)$/.test(name))
      return fc.oneof(
        fc.constantFrom(today(), '2024-02-29', '2026-01-01', '2025-02-29', '1999-12-31', '2100-01-01'),
        nastyString,
      );
    if (name === 'heldAt') return fc.constantFrom(new Date().toISOString(), '2025-13-01T10:00', 'yesterday');
    if (/Id$/.test(name))
      return fc.oneof(
        fc.constantFrom(...Object.values(world.ids), ...Object.values(ids)),
        fc.uuid(),
        nastyString,
      );
    if (/^(agencyCode|parentCode|agency|code)$/.test(name))
      return fc.oneof(
        fc.constantFrom(world.agencies.X.code, world.agencies.Y.code, 'NOPE', 'plgt'),
        nastyString,
      );
    if (/email/i.test(name))
      return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', 'x@例子.测试', `${'a'.repeat(300)}@x.org`));
    if (s.type === 'integer' || s.type === 'number')
      return fc.oneof(fc.integer({ min: -5, max: 400 }), nastyNumber);
    if (s.type === 'boolean') return fc.boolean();
    if (s.type === 'array') return fc.array(plausible(name, s.items, depth + 1), { maxLength: 4 });
    if ((s.type === 'object' || s.properties) && depth < 3) {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0)
        return fc.dictionary(nastyString, fc.oneof(nastyString, nastyNumber), { maxKeys: 3 });
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, plausible(k, v, depth + 1)])), {
        requiredKeys: [],
      });
    }
    return fc.oneof(
      fc.constantFrom('2024年土地出让收入明细', 'Land sale receipts for 2024', '平凉市自然资源局'),
      nastyString,
    );
  }

  type Mutation =
    | { kind: 'set'; key: string; value: unknown }
    | { kind: 'extra'; key: string; value: unknown }
    | { kind: 'drop'; key: string };

  /** A body: plausible fields, then 1-3 mutations (wrong type, unknown/evil key, missing field). */
  function jsonBody(schema: Schema | undefined): fc.Arbitrary<{ text: string; invalid: boolean }> {
    const s = resolve(schema);
    const props = Object.entries(s?.properties ?? {});
    const keys = props.map(([k]) => k);
    const base = fc.record(Object.fromEntries(props.map(([k, v]) => [k, plausible(k, v)])), {
      requiredKeys: [],
    }) as fc.Arbitrary<Record<string, unknown>>;
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      ...(keys.length
        ? [
            fc.record({
              kind: fc.constant('set' as const),
              key: fc.constantFrom(...keys),
              value: nastyValue,
            }),
            fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...keys) }),
          ]
        : []),
      fc.record({
        kind: fc.constant('extra' as const),
        key: fc.oneof(fc.constantFrom(...EVIL_KEYS), nastyString),
        value: fc.oneof(nastyValue, fc.constant({ isAdmin: true, role: 'admin' })),
      }),
    );
    const shaped = fc
      .tuple(base, fc.array(mutation, { minLength: 0, maxLength: 3 }))
      .map(([body, mutations]) => {
        const entries = new Map<string, unknown>(Object.entries(body));
        let invalid = false;
        for (const m of mutations) {
          if (m.kind === 'drop') entries.delete(m.key);
          else entries.set(m.key, m.value);
          if (m.kind === 'extra') invalid = true;
        }
        return { text: objectText([...entries]), invalid };
      });
    const whole = fc.oneof(
      nastyValue.map((v) => ({ text: JSON.stringify(v) ?? 'null', invalid: true })),
      fc.integer({ min: 33, max: 20_000 }).map((d) => ({
        text: d % 2 ? `${'{"a":'.repeat(d)}1${'}'.repeat(d)}` : `${'['.repeat(d)}${']'.repeat(d)}`,
        invalid: true,
      })),
    );
    return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: whole });
  }

  function segment(op: Operation, name: string): fc.Arbitrary<string> {
    const own: string[] = [];
    if (name === 'id' && op.path.startsWith('/api/v1/cases')) own.push(ids.caseX);
    else if (name === 'id') own.push(ids.reqOpen, ids.reqDecided, ids.reqY);
    if (name === 'cid') own.push(ids.consultation);
    if (name === 'docId') own.push(ids.docX);
    if (name === 'documentId') own.push(ids.caseDocX);
    if (name === 'hearingId') own.push(ids.hearing);
    if (name === 'code') own.push(world.agencies.X.code, world.agencies.Y.code);
    if (name === 'year') own.push('2026', '2025');
    return fc.oneof(
      { weight: 3, arbitrary: own.length ? fc.constantFrom(...own) : fc.constant('x') },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
      { weight: 1, arbitrary: fc.uuid() },
    );
  }

  function pathOf(op: Operation, values: Record<string, string>): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
  }

  const whoArb: fc.Arbitrary<Role> = fc.constantFrom(
    'admin',
    'admin',
    'admin',
    'clerkX',
    'legalX',
    'supX',
    'appA',
    'appA',
    'appB',
    'anon',
  );

  /** What every answer must be; on the API, a rejection is problem+json naming the fields. */
  function checkAnswer(what: string, answer: Answer, api: boolean): void {
    sent.byStatus[answer.status] = (sent.byStatus[answer.status] ?? 0) + 1;
    const context = `${what.slice(0, 400)}\n→ ${answer.status} ${answer.type} ${answer.text.slice(0, 300)}`;
    // /health and /health/worker answer 503 by design when a part is down (this suite runs no worker).
    const health = /^\S+ GET \/health/.test(what) && answer.status === 503;
    if (answer.status >= 500 && !health) throw new Error(`5xx: ${context}`);
    if (answer.status >= 600 || answer.status < 200) throw new Error(`odd status: ${context}`);
    if (/QueryFailedError|node_modules|\bat \w+ \(|duplicate key|violates|syntax error at/i.test(answer.text))
      throw new Error(`internals leaked: ${context}`);
    if (!api || answer.status < 400) return;
    if (!answer.type.startsWith('application/problem+json')) throw new Error(`not problem+json: ${context}`);
    const problem = answer.json();
    if (problem.status !== answer.status || typeof problem.detail !== 'string' || !problem.detail)
      throw new Error(`problem without status/detail: ${context}`);
    if (problem.code === 'VALIDATION.FAILED') {
      const errors = problem.errors as Array<{ field?: unknown; message?: unknown }> | undefined;
      if (
        !Array.isArray(errors) ||
        errors.length === 0 ||
        !errors.every((e) => typeof e.field === 'string' && typeof e.message === 'string' && e.message)
      )
        throw new Error(`validation problem without field messages: ${context}`);
    }
  }

  let snapshot: Record<string, string> = {};
  let stored: string[] = [];
  /** After a request: a rejected one (not 2xx/3xx) must have written nothing, in any table or on disk. */
  async function checkNothingWritten(what: string, answer: Answer): Promise<void> {
    const started = Date.now();
    const after = await tableChecksums(stack.db);
    sent.checksumMs += Date.now() - started;
    const files = filesUnder(stack.storageDir);
    if (answer.status >= 400) {
      const changed = changedTables(snapshot, after);
      if (changed.length) throw new Error(`a ${answer.status} wrote to ${changed.join(', ')}: ${what}`);
      if (files.join() !== stored.join()) throw new Error(`a ${answer.status} left files behind: ${what}`);
    }
    snapshot = after;
    stored = files;
    const outside = readdirSync(stack.storageParent);
    if (outside.join() !== 'documents') throw new Error(`written outside the storage root: ${outside}`);
  }

  function describeBody(text: string): string {
    return text.length > 300
      ? `${text.slice(0, 300)}… (${text.length} chars, sha1 ${createHash('sha1').update(text).digest('hex').slice(0, 8)})`
      : text;
  }

  // ---------------------------------------------------------------------------------------------------

  it('finds every JSON operation and portal form it is meant to fuzz', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(55);
    expect(ops.filter((o) => o.bodySchema).length).toBeGreaterThanOrEqual(30);
    expect(portalPostRoutes()).toEqual(Object.keys(PORTAL_FORMS).sort());
  });

  it('JSON API: no 5xx, rejections are problem+json with field messages, a rejection writes nothing', async () => {
    // The write detector itself sees a write (an update that changes no value still makes a new row version).
    const probe = await tableChecksums(stack.db);
    await stack.db.query(`UPDATE agencies SET name_zh = name_zh WHERE id = $1`, [world.agencies.Y.id]);
    expect(changedTables(probe, await tableChecksums(stack.db))).toEqual(['agencies']);
    snapshot = await tableChecksums(stack.db);
    stored = filesUnder(stack.storageDir);
    for (const op of operations()) {
      if (op.path === '/api/v1/auth/logout') continue; // fuzzed below (anonymous: it ends sessions)
      if (op.path === '/health/worker') continue; // no input; waits 10 s for a worker (none in this suite)
      const pathParams = op.params.filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
      const params = fc.record(
        Object.fromEntries(pathParams.map((n) => [n, segment(op, n)])),
      ) as fc.Arbitrary<Record<string, string>>;
      const query = fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 4, arbitrary: queryParams.length ? fc.constantFrom(...queryParams) : fc.constant('q') },
            { weight: 1, arbitrary: fc.constantFrom(...EVIL_KEYS, 'page[size]', 'a[b][c]') },
          ),
          fc.oneof(nastyString, fc.constantFrom('true', 'false', '1', '2026', world.agencies.X.code)),
        ),
        { maxLength: 4 },
      );
      const body =
        op.multipart || op.method === 'GET'
          ? fc.constant(undefined)
          : fc.oneof(
              {
                weight: 8,
                arbitrary: jsonBody(op.bodySchema).map((b) => ({ ...b, type: 'application/json' })),
              },
              {
                weight: 1,
                arbitrary: fc
                  .tuple(
                    fc.constantFrom(...BROKEN_JSON),
                    fc.constantFrom('application/json', ...BROKEN_CONTENT_TYPES),
                  )
                  .map(([text, type]) => ({ text, type, invalid: true })),
              },
              {
                weight: 1,
                arbitrary: fc.constant({
                  text: JSON.stringify({ subject: 'x'.repeat(1_100_000) }),
                  type: 'application/json',
                  invalid: true,
                }),
              },
            );
      const headers = fc.record(
        {
          'accept-language': fc.oneof(
            fc.constantFrom('zh-CN', 'en', 'zh-CN;q=abc,*', 'x'.repeat(3000)),
            nastyString,
          ),
          'idempotency-key': nastyString,
        },
        { requiredKeys: [] },
      );
      await collect(
        fc.assert(
          fc.asyncProperty(whoArb, params, query, body, headers, async (who, p, q, b, h) => {
            const search = new URLSearchParams(q as Array<[string, string]>).toString();
            const path = `${pathOf(op, p)}${search ? `?${search}` : ''}`;
            const safeHeaders = Object.fromEntries(
              Object.entries(h).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v as string)),
            ) as Record<string, string>;
            const send =
              b && op.method !== 'GET'
                ? { raw: { body: b.text, type: b.type }, headers: safeHeaders }
                : { headers: safeHeaders };
            const what = `${who} ${op.method} ${path.slice(0, 300)} ${b ? describeBody(b.text) : ''}`;
            const started = Date.now();
            const answer = await http(who, op.method, path, send);
            sent.httpMs += Date.now() - started;
            if (process.env.FUZZ_SLOW && Date.now() - started > 300)
              console.log(`slow ${Date.now() - started} ms: ${answer.status} ${what.slice(0, 200)}`);
            sent.json++;
            checkAnswer(what, answer, true);
            if (op.bodySchema && b?.invalid && answer.status < 400)
              throw new Error(`accepted an invalid payload: ${what}`);
            await checkNothingWritten(what, answer);
          }),
          fcOptions(RUNS),
        ),
      );
    }
    // Logout: anonymous (with junk) never 5xx and ends nobody's session.
    for (const text of BROKEN_JSON.slice(0, 8)) {
      const answer = await http('anon', 'POST', '/api/v1/auth/logout', {
        raw: { body: text, type: 'application/json' },
      });
      checkAnswer('anon logout', answer, true);
      expect([400, 401]).toContain(answer.status);
    }
  }, 600_000);

  // ---------------------------------------------------------------------------------------------------
  // portal forms

  /** Each portal POST route: who submits it, the fields its form has, where it lives. */
  const PORTAL_FORMS: Record<
    string,
    { who: Role[]; fields: string[]; path: () => string; multipart?: boolean }
  > = {
    '/sign-in': { who: ['anon'], fields: ['email', 'password', 'next'], path: () => '/sign-in' },
    '/sign-out': { who: ['anon'], fields: [], path: () => '/sign-out' },
    '/register': {
      who: ['anon'],
      fields: ['email', 'password', 'name', 'applicantType', 'locale', 'passwordConfirm'],
      path: () => '/register',
    },
    '/reset-password': { who: ['anon'], fields: ['email'], path: () => '/reset-password' },
    '/reset-password/confirm': {
      who: ['anon'],
      fields: ['token', 'password'],
      path: () => '/reset-password/confirm',
    },
    '/requests': {
      who: ['appA', 'clerkX'],
      fields: ['agencyCode', 'subject', 'description', 'deliveryMethod', 'idempotencyKey'],
      path: () => '/requests',
    },
    '/requests/:id/clarification': {
      who: ['appA', 'appB'],
      fields: ['text', 'expectedVersion'],
      path: () => `/requests/${ids.reqOpen}/clarification`,
    },
    '/requests/:id/withdraw': {
      who: ['appB', 'clerkX'],
      fields: ['reason', 'expectedVersion'],
      path: () => `/requests/${ids.reqOpen}/withdraw`,
    },
    '/requests/:id/actions/:key': {
      who: ['clerkX', 'supX', 'appA', 'clerkY'],
      fields: [
        'expectedVersion',
        'consultationId',
        'assign.clerkId',
        'clarify.message',
        'clarify.replyBy',
        'clarification.text',
        'clarification.receivedOn',
        'consult.party',
        'consult.sentOn',
        'consult-reply.receivedOn',
        'consult-reply.opinion',
        'extend.workingDays',
        'extend.reason',
        'approve.note',
        'reject.note',
        'fee.amount',
        'fee.basis',
        'fee.pages',
        'fee.reason',
        'waive.reason',
        'payment.receivedOn',
        'decide.outcome',
        'decide.reasons',
        'decide.message',
        'close.note',
      ],
      path: () => `/requests/${ids.reqOpen}/actions/`,
    },
    '/requests/:id/documents': {
      who: ['clerkX', 'appA'],
      fields: ['visibleToApplicant'],
      path: () => `/requests/${ids.reqOpen}/documents?_csrf=${CSRF}`,
      multipart: true,
    },
    '/requests/:id/review': {
      who: ['appA', 'appB', 'clerkX'],
      fields: ['kind', 'grounds'],
      path: () => `/requests/${ids.reqDecided}/review`,
    },
    '/cases/:id/hearings': {
      who: ['legalX', 'clerkX', 'appA'],
      fields: ['heldOn', 'heldTime', 'place', 'hearingNotes'],
      path: () => `/cases/${ids.caseX}/hearings`,
    },
    '/cases/:id/outcome': {
      who: ['legalX', 'clerkX', 'appA'],
      fields: ['disposition', 'decidedOn', 'notes', 'newReplyDueOn'],
      path: () => `/cases/${ids.caseX}/outcome`,
    },
    '/cases/:id/documents': {
      who: ['legalX', 'appA'],
      fields: ['kind'],
      path: () => `/cases/${ids.caseX}/documents?_csrf=${CSRF}`,
      multipart: true,
    },
    '/admin/mail/:id/retry': {
      who: ['admin', 'clerkX'],
      fields: [],
      path: () => `/admin/mail/${ids.consultation}/retry`,
    },
    '/admin/report/texts': {
      who: ['supX', 'admin', 'clerkX'],
      fields: [
        'agency',
        'year',
        'overview',
        'proactive',
        'requests',
        'reviews',
        'problems',
        'other',
        't1.regulations.issued',
        't1.regulations.in_force',
        't1.licensing.decisions',
      ],
      path: () => '/admin/report/texts',
    },
    '/account/password': {
      who: ['appB'],
      fields: ['currentPassword', 'newPassword', 'confirmPassword'],
      path: () => '/account/password',
    },
    '/account/sessions/revoke': { who: ['appB'], fields: [], path: () => '/account/sessions/revoke' },
    '/admin/users/:id/disable': {
      who: ['admin', 'supX'],
      fields: [],
      path: () => `/admin/users/${ids.throwaway}/disable`,
    },
    '/admin/users/:id/enable': {
      who: ['admin', 'clerkX'],
      fields: [],
      path: () => `/admin/users/${ids.throwaway}/enable`,
    },
    '/admin/users/:id/sign-out': {
      who: ['admin', 'appA'],
      fields: [],
      path: () => `/admin/users/${ids.throwaway}/sign-out`,
    },
    '/admin/calendar': {
      who: ['admin', 'clerkX'],
      fields: ['agency', 'year', 'holidays', 'workdays', 'mode'],
      path: () => '/admin/calendar',
    },
  };
  const ACTION_KEYS = [
    'assign',
    'clarify',
    'clarification',
    'consult',
    'consult-reply',
    'extend',
    'approve',
    'reject',
    'fee',
    'waive',
    'payment',
    'decide',
    'close',
    '__proto__',
    'constructor',
    'toString',
    '..%2F..',
  ];

  it('portal forms: no 5xx, a refused form is re-rendered with its messages (or a 4xx page), and writes nothing', async () => {
    snapshot = await tableChecksums(stack.db);
    stored = filesUnder(stack.storageDir);
    const formValue = fc.oneof(
      { weight: 3, arbitrary: nastyString },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          world.agencies.X.code,
          today(),
          '3',
          '1',
          'true',
          'load',
          'preview',
          'natural_person',
          'withheld.state_secret',
          'per_request',
          world.ids.clerkX,
          ids.consultation,
        ),
      },
    );
    for (const [route, form] of Object.entries(PORTAL_FORMS)) {
      const fieldArb = fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 5, arbitrary: form.fields.length ? fc.constantFrom(...form.fields) : fc.constant('x') },
            { weight: 1, arbitrary: fc.constantFrom(...EVIL_KEYS, '_csrf', 'a[b]', '__proto__[role]') },
          ),
          formValue,
        ),
        { maxLength: 8 },
      );
      await collect(
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...form.who),
            fieldArb,
            fc.constantFrom(...ACTION_KEYS),
            fc.boolean(),
            fc.nat(9),
            async (who, fields, key, csrf, variant) => {
              let path = form.path();
              if (route.endsWith(':key')) path += encodeURIComponent(key).replace(/%25/g, '%');
              const headers = {
                'x-forwarded-for': randomIp(),
                'accept-language': variant % 2 ? 'en' : 'zh-CN',
              };
              let answer: Answer;
              if (form.multipart) {
                const data = new FormData();
                for (const [k, v] of fields) data.append(k, v);
                if (variant < 7)
                  data.append(
                    'file',
                    new Blob([variant % 3 ? PDF : Buffer.from([0x4d, 0x5a, 0, 0])]),
                    fields[0]?.[1] ?? 'x.pdf',
                  );
                answer = await http(who, 'POST', csrf ? path : path.replace(/\?_csrf=.*/, ''), {
                  form: data,
                  csrf: true,
                  headers,
                });
              } else {
                const body = new URLSearchParams([
                  ...(csrf ? [['_csrf', CSRF] as [string, string]] : []),
                  ...fields,
                ]).toString();
                answer = await http(who, 'POST', path, {
                  raw: {
                    body: variant === 9 ? JSON.stringify(Object.fromEntries(fields)) : body,
                    type: variant === 9 ? 'application/json' : 'application/x-www-form-urlencoded',
                  },
                  csrf: true,
                  headers,
                });
              }
              sent.portal++;
              const what = `${who} POST ${path} ${describeBody(JSON.stringify(fields))} csrf=${csrf}`;
              checkAnswer(what, answer, false);
              // Without the token: refused (403; 400 when the input is refused before the CSRF check), or
              // a redirect to sign in — never done.
              const toSignIn = /sign-in/.test(answer.headers.get('location') ?? '');
              if (!csrf && answer.status < 400 && !(answer.status === 303 && toSignIn))
                throw new Error(`no CSRF token but ${answer.status}: ${what}`);
              if (answer.status === 400 && answer.type.startsWith('text/html')) {
                // Re-rendered with its messages (an error summary) or an error page saying why.
                if (!/class="error-summary"|<h1/.test(answer.text))
                  throw new Error(`400 page without messages: ${what}`);
              }
              await checkNothingWritten(what, answer);
            },
          ),
          fcOptions(route.endsWith(':key') ? RUNS * 2 : RUNS),
        ),
      );
    }
  }, 600_000);

  // ---------------------------------------------------------------------------------------------------
  // uploads

  it('uploads: a size cap, the type from the bytes, safe stored names, nothing outside the storage root', async () => {
    snapshot = await tableChecksums(stack.db);
    stored = filesUnder(stack.storageDir);
    const upload = async (target: 'request' | 'case' | 'portal', name: string, bytes: Buffer) => {
      const form = new FormData();
      if (target === 'case') form.append('kind', 'other');
      form.append('file', new Blob([bytes]), name);
      const path =
        target === 'request'
          ? `/api/v1/requests/${ids.reqDecided}/documents`
          : target === 'case'
            ? `/api/v1/cases/${ids.caseX}/documents`
            : `/requests/${ids.reqDecided}/documents?_csrf=${CSRF}`;
      const who = target === 'case' ? 'legalX' : 'clerkX';
      const answer = await http(who, 'POST', path, { form, csrf: target === 'portal' });
      sent.uploads++;
      const what = `${target} upload ${JSON.stringify(name).slice(0, 200)} (${bytes.length} bytes)`;
      checkAnswer(what, answer, target !== 'portal');
      await checkNothingWritten(what, answer);
      return answer;
    };

    // Over the cap: refused while streaming, nothing stored (API and portal).
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    for (const target of ['request', 'case', 'portal'] as const) {
      const answer = await upload(target, 'big.pdf', big);
      expect([400, 413]).toContain(answer.status);
    }
    // The type comes from the bytes: an executable named .pdf is refused, a PNG named .pdf is a PNG.
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(200, 1)]);
    expect((await upload('request', 'reply.pdf', exe)).status).toBe(400);
    expect((await upload('case', 'reply.pdf', exe)).status).toBe(400);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expect((await upload('request', 'report.docx', zip)).status).toBe(400);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const asPng = await upload('request', 'photo.pdf', png);
    expect(asPng.status).toBe(201);
    expect(asPng.json().contentType).toBe('image/png');

    // Hostile names: stored without a path, control characters or markup; every file under the root.
    const names = [
      '../../../../../tmp/evil.pdf',
      '..\\..\\..\\evil.pdf',
      '/etc/passwd',
      'C:\\Windows\\system32\\evil.pdf',
      'a\u0000b.pdf',
      'a\r\nContent-Type: text/html\r\n\r\n<script>.pdf',
      '<img src=x onerror=alert(1)>.pdf',
      '\u202Efdp.exe',
      `${'长'.repeat(600)}.pdf`,
      '....',
      '',
      '%2e%2e%2fevil.pdf',
      '"; filename="evil.html',
    ];
    for (const [i, name] of names.entries()) {
      const target = (['request', 'case', 'portal'] as const)[i % 3];
      const answer = await upload(target, name, PDF);
      expect([201, 303, 400]).toContain(answer.status);
    }
    const { rows } = await stack.db.query<{ filename: string; storage_key: string }>(
      `SELECT filename, storage_key FROM documents UNION ALL SELECT filename, storage_key FROM case_documents`,
    );
    for (const row of rows) {
      expect(row.filename).not.toMatch(/[\\/<>"\p{Cc}]/u);
      expect(row.filename.length).toBeLessThanOrEqual(200);
      expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    }
    expect(filesUnder(stack.storageDir).sort()).toEqual(rows.map((r) => r.storage_key).sort());

    // Downloads answer the stored name safely quoted and the sniffed type, never the client's.
    const docs = (await http('clerkX', 'GET', `/api/v1/requests/${ids.reqDecided}`)).json()
      .documents as Array<{
      id: string;
    }>;
    for (const doc of docs) {
      const answer = await http('clerkX', 'GET', `/api/v1/requests/${ids.reqDecided}/documents/${doc.id}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''[^"\s;]+$/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.type).toMatch(/^(application\/pdf|image\/png)$/);
    }

    // Random names and bytes: never a 5xx, never a write on a refusal, never a file outside the root.
    await collect(
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom('request', 'case', 'portal') as fc.Arbitrary<'request' | 'case' | 'portal'>,
          fc.oneof(
            nastyString,
            fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s}.pdf`),
          ),
          fc.oneof(
            fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
            fc.constant(PDF),
            nastyString.map((s) => Buffer.from(s)),
          ),
          async (target, name, bytes) => {
            await upload(target, name, bytes);
          },
        ),
        fcOptions(RUNS * 2),
      ),
    );
  }, 300_000);

  // ---------------------------------------------------------------------------------------------------
  // stored text is escaped where it is shown

  it('stored text comes back escaped on every portal page and in the annual report HTML', async () => {
    const payloads = [
      '<script>alert("xss")</script>',
      '"><img src=x onerror=alert(1)>',
      "'><svg onload=alert(1)>",
      '<a href="javascript:alert(1)">x</a>',
      '{{constructor.constructor("alert(1)")()}}',
    ];
    const marker = payloads.join(' ');
    const filed = await fileRequest(http, 'appA', world.agencies.X.code, `主题 ${payloads[0]}`, marker);
    await http('clerkX', 'POST', `/api/v1/requests/${filed.id}/clarification-request`, {
      json: { message: `请补正 ${payloads[1]}`, replyBy: '2099-01-01' },
    });
    await http('appA', 'POST', `/api/v1/requests/${filed.id}/clarification`, {
      json: { text: `补正 ${payloads[2]}` },
    });
    await uploadDocument(http, 'clerkX', filed.id, `${payloads[1]}.pdf`);
    await http('clerkX', 'POST', `/api/v1/requests/${filed.id}/decision`, {
      json: { outcome: 'withheld.state_secret', reasons: [payloads[3]], message: payloads[0] },
    });
    const caseId = await recordCase(http, 'legalX', filed.id);
    await http('legalX', 'PATCH', `/api/v1/cases/${caseId}`, {
      json: { internalNotes: payloads[0], body: payloads[1], parties: payloads[2] },
    });
    await http('legalX', 'POST', `/api/v1/cases/${caseId}/hearings`, {
      json: { heldAt: new Date().toISOString(), place: payloads[0], notes: payloads[1] },
    });
    const year = Number(today().slice(0, 4));
    await http('supX', 'PUT', '/api/v1/reports/annual/texts', {
      json: {
        agency: world.agencies.X.code,
        year,
        sections: { overview: payloads[0], problems: payloads[1] },
      },
    });
    const pages: Array<[Role, string]> = [
      ['appA', `/requests/${filed.id}`],
      ['appA', `/requests/${filed.id}/receipt`],
      ['appA', '/requests'],
      ['clerkX', `/requests/${filed.id}`],
      ['clerkX', `/queue?q=${encodeURIComponent(payloads[0])}`],
      ['clerkX', '/queue'],
      ['legalX', `/cases/${caseId}`],
      ['legalX', '/cases'],
      ['appA', `/cases/${caseId}`],
      ['supX', '/dashboard'],
      ['supX', `/api/v1/reports/annual.html?agency=${world.agencies.X.code}&year=${year}`],
      ['anon', `/sign-in?next=${encodeURIComponent(payloads[1])}`],
      ['anon', `/calculator?receivedOn=${encodeURIComponent(payloads[0])}`],
    ];
    for (const [who, path] of pages) {
      const answer = await http(who, 'GET', path);
      const what = `${who} GET ${path} → ${answer.status}`;
      // The calculator refuses a date that is not one (400, the form with its message).
      const expected = path.startsWith('/calculator') ? 400 : 200;
      expect({ what, status: answer.status }).toEqual({ what, status: expected });
      expect(answer.type).toMatch(/^text\/html/);
      for (const bad of [/<script>alert/i, /<img src=x/i, /<svg onload/i, /href="javascript:/i]) {
        expect({ what, unescaped: bad.test(answer.text) }).toEqual({ what, unescaped: false });
      }
    }
    // The applicant's own page shows the text they typed, escaped (not dropped).
    const mine = await http('appA', 'GET', `/requests/${filed.id}`);
    expect(mine.text).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');

    // Any text, stored and shown back: the page holds its escaped form.
    await collect(
      fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
          fc.constantFrom(...payloads),
          async (text, payload) => {
            const subject = `${text}${payload}`.trim().slice(0, 500);
            const answer = await http('appA', 'POST', '/api/v1/requests', {
              json: { agencyCode: world.agencies.X.code, subject, description: subject },
            });
            checkAnswer(`file ${JSON.stringify(subject)}`, answer, true);
            if (answer.status !== 201) return;
            const page = await http('appA', 'GET', `/requests/${answer.json().id}`);
            expect(page.status).toBe(200);
            expect(page.text).not.toMatch(/<script>alert|<img src=x|<svg onload/i);
            expect(page.text).toContain(escapeHtml(payload));
          },
        ),
        fcOptions(Math.max(10, Math.floor(RUNS / 2))),
      ),
    );
  }, 300_000);
});

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}
