import { randomBytes } from 'node:crypto';
import { hashPassword } from '@disclose/identity';
import {
  PASSWORD,
  PDF,
  ROLES,
  Stack,
  createWorld,
  decide,
  fileRequest,
  httpAs,
  recordCase,
  today,
  uploadCaseDocument,
  uploadDocument,
  type Answer,
  type Http,
  type Role,
  type Send,
  type Who,
  type World,
} from './hardening.fixtures';

/**
 * Issue 9 §2, access: every endpoint × every role × the agency X resources (applicant A's requests, X's
 * cases and documents) and the agency Y ones (applicant B's). The expected answers are written by hand
 * from DESIGN.md decision 7 and the README, not computed from the code under test:
 *
 * - anonymous: 401 on the API (public routes excepted), a 303 to /sign-in on portal pages;
 * - a resource the caller may not see is 404, never 403 (no existence leak); applicants see their own,
 *   clerks/supervisors/legal their agency (and below), the admin everything;
 * - a visible resource with an action the role may not take is 403;
 * - lifecycle actions are sent with expectedVersion 999999: a caller who passes the access checks gets
 *   409 (stale version) and nothing is written, so cells do not disturb each other.
 *
 * Columns: anon appA appB clerkX clerkY supX legalX admin. `---` = not applicable (not sent).
 */
const STALE = { expectedVersion: 999_999 };

type Body = (ctx: Cell) => Send;
interface Cell {
  who: Role;
  set: 'X' | 'Y';
  ids: Record<string, string>;
}

const json =
  (make: (c: Cell) => unknown): Body =>
  (c) => ({ json: make(c) });
const upload =
  (fields: Record<string, string>): Body =>
  () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([PDF]), 'answer.pdf');
    return { form };
  };
const unique = () => randomBytes(4).toString('hex');

// prettier-ignore
const MATRIX: Array<[string, 'X' | 'Y', string, Body?]> = [
  //  route                                                    set  anon appA appB clkX clkY supX legX admin
  // --- public and account
  ['GET /health',                                              'X', '200  200  200  200  200  200  200  200'],
  ['GET /health/worker',                                       'X', '200  200  200  200  200  200  200  200'],
  ['GET /metrics',                                             'X', '200  200  200  200  200  200  200  200'],
  ['GET /api/v1/agencies',                                     'X', '200  200  200  200  200  200  200  200'],
  ['GET /api/v1/agencies/{agency}',                            'X', '200  200  200  200  200  200  200  200'],
  ['POST /api/v1/auth/register',                               'X', '201  201  201  201  201  201  201  201',
    json(() => ({ email: `reg-${unique()}@matrix.test`, password: PASSWORD, name: 'R', applicantType: 'natural_person' }))],
  ['POST /api/v1/auth/login',                                  'X', '401  401  401  401  401  401  401  401',
    json(() => ({ email: `nobody-${unique()}@matrix.test`, password: 'not the password' }))],
  ['POST /api/v1/auth/verify-email',                           'X', '400  400  400  400  400  400  400  400',
    json(() => ({ token: 'a'.repeat(43) }))],
  ['POST /api/v1/auth/password-reset',                         'X', '202  202  202  202  202  202  202  202',
    json(() => ({ email: `nobody-${unique()}@matrix.test` }))],
  ['POST /api/v1/auth/password-reset/confirm',                 'X', '400  400  400  400  400  400  400  400',
    json(() => ({ token: 'a'.repeat(43), password: PASSWORD }))],
  ['GET /api/v1/me',                                           'X', '401  200  200  200  200  200  200  200'],
  ['POST /api/v1/auth/password',                               'X', '401  400  400  400  400  400  400  400',
    json(() => ({ currentPassword: 'not the password', newPassword: 'another good password' }))],
  ['POST /api/v1/auth/logout',                                 'X', '401  204  204  204  204  204  204  204'],
  // --- admin
  ['POST /api/v1/agencies',                                    'X', '401  403  403  403  403  403  403  201',
    json(() => ({ code: `M${unique().toUpperCase()}`, nameZh: '矩阵局', ruleSet: 'cn-ogi-2019', timezone: 'Asia/Shanghai' }))],
  ['PATCH /api/v1/agencies/{agency}',                          'X', '401  403  403  403  403  403  403  200',
    json(() => ({ nameEn: 'Matrix Bureau' }))],
  ['PATCH /api/v1/agencies/{agency}',                          'Y', '401  403  403  403  403  403  403  200',
    json(() => ({ nameEn: 'Matrix Bureau' }))],
  ['POST /api/v1/users',                                       'X', '401  403  403  403  403  403  403  201',
    json((c) => ({ email: `staff-${unique()}@matrix.test`, password: PASSWORD, name: 'S', role: 'clerk', agencyCode: c.ids.agency }))],
  ['GET /api/v1/users',                                        'X', '401  403  403  403  403  200  403  200'],
  ['POST /api/v1/users/{user}/disable',                        'X', '401  403  403  403  403  403  403  200'],
  ['POST /api/v1/users/{user}/enable',                         'X', '401  403  403  403  403  403  403  200'],
  ['POST /api/v1/users/{user}/sessions/revoke',                'X', '401  403  403  403  403  403  403  200'],
  ['GET /api/v1/admin/mail',                                   'X', '401  403  403  403  403  403  403  200'],
  ['POST /api/v1/admin/mail/{mail}/retry',                     'X', '401  403  403  403  403  403  403  404'],
  ['PUT /api/v1/agencies/{agency}/calendar-overrides/2031',    'X', '401  403  403  403  403  403  403  200',
    json(() => ({ holidays: [], workdays: [] }))],
  ['GET /api/v1/agencies/{agency}/calendar-overrides/2031/preview', 'X', '401  403  403  403  403  403  403  200'],
  // --- reports (staff of the agency or above)
  ['GET /api/v1/reports/annual?agency={agency}&year=2026',     'X', '401  403  403  200  404  200  200  200'],
  ['GET /api/v1/reports/annual?agency={agency}&year=2026',     'Y', '401  403  403  404  200  404  404  200'],
  ['GET /api/v1/reports/annual.html?agency={agency}&year=2026', 'X', '401  403  403  200  404  200  200  200'],
  ['GET /api/v1/reports/annual.docx?agency={agency}&year=2026', 'Y', '401  403  403  404  200  404  404  200'],
  ['GET /api/v1/reports/annual.xlsx?agency={agency}&year=2026', 'X', '401  403  403  200  404  200  200  200'],
  ['PUT /api/v1/reports/annual/texts',                         'X', '401  403  403  403  403  200  403  200',
    json((c) => ({ agency: c.ids.agency, year: 2026, sections: { overview: 'x' } }))],
  ['PUT /api/v1/reports/annual/texts',                         'Y', '401  403  403  403  403  404  403  200',
    json((c) => ({ agency: c.ids.agency, year: 2026, sections: { overview: 'x' } }))],
  ['GET /api/v1/stats?agency={agency}&from=2026-01-01&to=2026-12-31', 'X', '401  403  403  200  404  200  200  200'],
  ['GET /api/v1/stats?agency={agency}&from=2026-01-01&to=2026-12-31', 'Y', '401  403  403  404  200  404  404  200'],
  // --- requests
  // Staff enter paper requests (channel, receivedOn and applicant are then required: 400); legal staff do not.
  ['POST /api/v1/requests',                                    'X', '401  201  201  400  400  400  403  400',
    json((c) => ({ agencyCode: c.ids.agency, subject: '矩阵', description: '矩阵测试' }))],
  ['GET /api/v1/requests',                                     'X', '401  200  200  200  200  200  200  200'],
  ['GET /api/v1/requests/{req}',                               'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/requests/{req}',                               'Y', '401  404  200  404  200  404  404  200'],
  ['POST /api/v1/requests/{req}/assign',                       'X', '401  403  404  409  404  409  403  409',
    json((c) => ({ clerkId: c.ids.clerk, ...STALE }))],
  ['POST /api/v1/requests/{req}/assign',                       'Y', '401  404  403  404  409  404  404  409',
    json((c) => ({ clerkId: c.ids.clerk, ...STALE }))],
  // The matrix agencies are cn-ogi-2019: a stale version is refused (409) before the rule set is looked at.
  ['POST /api/v1/requests/{req}/track',                        'X', '401  403  404  409  404  409  403  409',
    json(() => ({ track: 'complex', ...STALE }))],
  ['POST /api/v1/requests/{req}/track',                        'Y', '401  404  403  404  409  404  404  409',
    json(() => ({ track: 'complex', ...STALE }))],
  ['POST /api/v1/requests/{req}/clarification-request',        'X', '401  403  404  409  404  409  403  409',
    json(() => ({ message: '请补正', replyBy: '2099-01-01', ...STALE }))],
  ['POST /api/v1/requests/{req}/clarification',                'X', '401  409  404  409  404  409  403  409',
    json(() => ({ text: '补正', ...STALE }))],
  ['POST /api/v1/requests/{req}/clarification',                'Y', '401  404  409  404  409  404  404  409',
    json(() => ({ text: '补正', ...STALE }))],
  ['POST /api/v1/requests/{req}/consultations',                'X', '401  403  404  409  404  409  403  409',
    json(() => ({ party: '某局', sentOn: today(), ...STALE }))],
  ['POST /api/v1/requests/{req}/consultations/{cid}/reply',    'X', '401  403  404  409  404  409  403  409',
    json(() => ({ receivedOn: today(), opinion: '同意', ...STALE }))],
  ['POST /api/v1/requests/{req}/consultations/{cid}/reply',    'Y', '401  404  403  404  409  404  404  409',
    json(() => ({ receivedOn: today(), opinion: '同意', ...STALE }))],
  ['POST /api/v1/requests/{req}/extension',                    'X', '401  403  404  409  404  409  403  409',
    json(() => ({ workingDays: 20, reason: '需要时间', ...STALE }))],
  ['POST /api/v1/requests/{req}/extension/approve',            'X', '401  403  404  403  404  409  403  409', json(() => STALE)],
  ['POST /api/v1/requests/{req}/extension/reject',             'Y', '401  404  403  404  403  404  404  409', json(() => STALE)],
  ['POST /api/v1/requests/{req}/fee-notice',                   'X', '401  403  404  409  404  409  403  409',
    json(() => ({ basis: 'per_request', amount: 10, ...STALE }))],
  ['POST /api/v1/requests/{req}/fee-payment',                  'X', '401  403  404  409  404  409  403  409',
    json(() => ({ receivedOn: today(), ...STALE }))],
  ['POST /api/v1/requests/{req}/decision',                     'X', '401  403  404  409  404  409  403  409',
    json(() => ({ outcome: 'withheld.state_secret', reasons: ['x'], message: 'x', ...STALE }))],
  ['POST /api/v1/requests/{req}/decision',                     'Y', '401  404  403  404  409  404  404  409',
    json(() => ({ outcome: 'withheld.state_secret', reasons: ['x'], message: 'x', ...STALE }))],
  ['POST /api/v1/requests/{req}/close',                        'X', '401  403  404  409  404  409  403  409', json(() => STALE)],
  ['POST /api/v1/requests/{req}/withdraw',                     'X', '401  409  404  409  404  409  403  409', json(() => STALE)],
  ['POST /api/v1/requests/{req}/withdraw',                     'Y', '401  404  409  404  409  404  404  409', json(() => STALE)],
  ['POST /api/v1/requests/{req}/lapse',                        'X', '401  403  404  409  404  409  403  409',
    json(() => ({ reason: 'clarification', ...STALE }))],
  ['POST /api/v1/requests/{req}/documents',                    'X', '401  403  404  409  404  409  403  409', upload({ expectedVersion: '999999' })],
  ['POST /api/v1/requests/{req}/documents',                    'Y', '401  404  403  404  409  404  404  409', upload({ expectedVersion: '999999' })],
  ['GET /api/v1/requests/{req}/documents/{doc}',               'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/requests/{req}/documents/{doc}',               'Y', '401  404  200  404  200  404  404  200'],
  // --- calendar, agencies below
  // --- cases
  ['GET /api/v1/cases',                                        'X', '401  200  200  200  200  200  200  200'],
  ['POST /api/v1/cases',                                       'X', '401  403  404  403  404  403  201  201',
    json((c) => ({ requestId: c.ids.reqd, kind: 'reconsideration', filedOn: today() }))],
  ['POST /api/v1/cases',                                       'Y', '401  404  403  404  403  404  404  201',
    json((c) => ({ requestId: c.ids.reqd, kind: 'reconsideration', filedOn: today() }))],
  ['GET /api/v1/cases/{case}',                                 'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/cases/{case}',                                 'Y', '401  404  200  404  200  404  404  200'],
  ['PATCH /api/v1/cases/{case}',                               'X', '401  403  404  403  404  403  200  200',
    json(() => ({ internalNotes: '矩阵' }))],
  ['PATCH /api/v1/cases/{case}',                               'Y', '401  404  403  404  403  404  404  200',
    json(() => ({ internalNotes: '矩阵' }))],
  ['POST /api/v1/cases/{case}/hearings',                       'X', '401  403  404  403  404  403  201  201',
    json(() => ({ heldAt: '2099-03-01T02:00:00.000Z', place: '第一法庭' }))],
  ['POST /api/v1/cases/{case}/hearings',                       'Y', '401  404  403  404  403  404  404  201',
    json(() => ({ heldAt: '2099-03-01T02:00:00.000Z', place: '第一法庭' }))],
  ['PATCH /api/v1/cases/{case}/hearings/{hearing}',            'X', '401  403  404  403  404  403  200  200',
    json(() => ({ place: '第二法庭' }))],
  ['PATCH /api/v1/cases/{case}/hearings/{hearing}',            'Y', '401  404  403  404  403  404  404  200',
    json(() => ({ place: '第二法庭' }))],
  ['DELETE /api/v1/cases/{case}/hearings/{freshhearing}',      'X', '401  403  404  403  404  403  204  204'],
  ['DELETE /api/v1/cases/{case}/hearings/{freshhearing}',      'Y', '401  404  403  404  403  404  404  204'],
  ['POST /api/v1/cases/{freshcase}/outcome',                   'X', '401  403  404  403  404  403  200  200',
    json(() => ({ disposition: 'upheld', decidedOn: today() }))],
  ['PATCH /api/v1/cases/{case}/hearings/{hearing}',            'X', '401  403  404  403  404  403  200  200',
    json(() => ({ place: '第二法庭' }))],
  ['PATCH /api/v1/cases/{case}/hearings/{hearing}',            'Y', '401  404  403  404  403  404  404  200',
    json(() => ({ place: '第二法庭' }))],
  ['DELETE /api/v1/cases/{case}/hearings/{freshhearing}',      'X', '401  403  404  403  404  403  204  204'],
  ['DELETE /api/v1/cases/{case}/hearings/{freshhearing}',      'Y', '401  404  403  404  403  404  404  204'],
  ['POST /api/v1/cases/{freshcase}/outcome',                   'Y', '401  404  403  404  403  404  404  200',
    json(() => ({ disposition: 'upheld', decidedOn: today() }))],
  ['POST /api/v1/cases/{case}/documents',                      'X', '401  403  404  403  404  403  201  201', upload({ kind: 'other' })],
  ['POST /api/v1/cases/{case}/documents',                      'Y', '401  404  403  404  403  404  404  201', upload({ kind: 'other' })],
  ['GET /api/v1/cases/{case}/documents/{cdoc}',                'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/cases/{case}/documents/{cdoc}',                'Y', '401  404  200  404  200  404  404  200'],
  ['GET /api/v1/requests/{reqd}/cases',                        'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/requests/{reqd}/cases',                        'Y', '401  404  200  404  200  404  404  200'],
  // An applicant asks for a review online (UK/US only: a CN request is a 400 after the visibility check).
  ['POST /api/v1/requests/{reqd}/cases',                       'X', '401  400  404  403  404  403  201  201',
    (c) => ({ json: c.who.startsWith('app') ? { kind: 'internal_review', grounds: '理由' } : { kind: 'reconsideration', filedOn: today() } })],
  ['POST /api/v1/requests/{reqd}/cases',                       'Y', '401  404  400  404  403  404  404  201',
    (c) => ({ json: c.who.startsWith('app') ? { kind: 'internal_review', grounds: '理由' } : { kind: 'reconsideration', filedOn: today() } })],
  ['GET /api/v1/requests/{reqd}/challenge-windows',            'X', '401  200  404  200  404  200  200  200'],
  ['GET /api/v1/requests/{reqd}/challenge-windows',            'Y', '401  404  200  404  200  404  404  200'],
  // --- portal pages (anonymous: 303 to /sign-in; applicants' pages redirect staff to the queue)
  ['GET /requests',                                            'X', '303  200  200  303  303  303  303  303'],
  ['GET /requests/new',                                        'X', '303  200  200  200  200  200  200  200'],
  ['GET /requests/{req}',                                      'X', '303  200  404  200  404  200  200  200'],
  ['GET /requests/{req}',                                      'Y', '303  404  200  404  200  404  404  200'],
  ['GET /requests/{req}/receipt',                              'X', '303  200  404  200  404  200  200  200'],
  ['GET /requests/{req}/receipt',                              'Y', '303  404  200  404  200  404  404  200'],
  ['GET /requests/{req}/documents/{doc}',                      'X', '303  200  404  200  404  200  200  200'],
  ['GET /requests/{req}/documents/{doc}',                      'Y', '303  404  200  404  200  404  404  200'],
  ['GET /queue',                                               'X', '303  403  403  200  200  200  200  200'],
  ['GET /cases',                                               'X', '303  200  200  200  200  200  200  200'],
  ['GET /cases/{case}',                                        'X', '303  200  404  200  404  200  200  200'],
  ['GET /cases/{case}',                                        'Y', '303  404  200  404  200  404  404  200'],
  ['GET /dashboard',                                           'X', '303  403  403  200  200  200  200  200'],
  ['GET /dashboard?agency={agency}',                           'Y', '303  403  403  403  200  403  403  200'],
  ['GET /admin',                                               'X', '303  403  403  403  403  403  403  200'],
  ['GET /admin/report',                                        'X', '303  403  403  200  200  200  200  200'],
  ['GET /admin/calendar',                                      'X', '303  403  403  403  403  403  403  200'],
  ['GET /admin/mail',                                          'X', '303  403  403  403  403  403  403  200'],
];

describe('hardening: access matrix (every endpoint × role × own/foreign resource)', () => {
  const stack = new Stack({ worker: true });
  let world: World;
  let http: Http;
  const sets = {} as Record<'X' | 'Y', Record<string, string>>;

  /** A session of its own for one cell (logout ends it; disable/revoke act on a throwaway user). */
  async function freshToken(who: Who): Promise<string> {
    const response = await fetch(`${stack.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.emails[who], password: PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function hearing(who: Who, caseId: string): Promise<string> {
    const held = await http(who, 'POST', `/api/v1/cases/${caseId}/hearings`, {
      json: { heldAt: '2099-03-01T02:00:00.000Z', place: '第一法庭' },
    });
    return held.json().id;
  }

  let throwawayHash: string | undefined;
  async function throwawayUser(set: 'X' | 'Y'): Promise<string> {
    throwawayHash ??= await hashPassword(PASSWORD);
    const { rows } = await stack.db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, 'throwaway', 'clerk', $3, 'en', now()) RETURNING id`,
      [`throwaway-${unique()}@matrix.test`, throwawayHash, world.agencies[set].id],
    );
    return rows[0].id;
  }

  beforeAll(async () => {
    await stack.start();
    world = await createWorld(stack.db, stack.base, 'AM');
    http = httpAs(stack.base, world);
    for (const [set, applicant, clerk, legal] of [
      ['X', 'appA', 'clerkX', 'legalX'],
      ['Y', 'appB', 'clerkY', 'admin'],
    ] as Array<['X' | 'Y', Who, Who, Who]>) {
      const code = world.agencies[set].code;
      const req = (await fileRequest(http, applicant, code)).id;
      const reqd = (await fileRequest(http, applicant, code)).id;
      await decide(http, clerk, reqd);
      const kase = await recordCase(http, legal, reqd);
      const doc = (await uploadDocument(http, clerk, req)).json().documentId;
      const cdoc = (await uploadCaseDocument(http, legal, kase)).json().id;
      const consulted = await http(clerk, 'POST', `/api/v1/requests/${req}/consultations`, {
        json: { party: '平凉市自然资源局', sentOn: today() },
      });
      sets[set] = {
        agency: code,
        req,
        reqd,
        case: kase,
        doc,
        cdoc,
        cid: consulted.json().consultationId,
        clerk: world.ids[clerk],
        mail: '00000000-0000-4000-8000-000000000000',
        legal,
      };
      sets[set].hearing = await hearing(legal, kase);
    }
  }, 180_000);

  afterAll(() => stack.stop());

  it('has a row for every operation of the OpenAPI document', async () => {
    const openapi = (await http('anon', 'GET', '/api/docs-json')).json();
    const documented = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, '{}')}`),
    );
    const normalize = (route: string) =>
      route
        .split('?')[0]
        .replace(/\{\w+\}/g, '{}')
        .replace(/\/(2031)(?=\/|$)/, '/{}');
    const covered = new Set(MATRIX.map(([route]) => normalize(route)));
    expect(documented.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('answers each cell as the table says (a foreign resource is 404, never 403; anonymous 401)', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [route, set, expected, body] of MATRIX) {
      const columns = expected.trim().split(/\s+/);
      expect(columns).toHaveLength(ROLES.length);
      const [method, template] = route.split(' ');
      for (const [i, who] of ROLES.entries()) {
        if (columns[i] === '---') continue;
        const ids = { ...sets[set] };
        if (template.includes('{freshcase}')) {
          ids.freshcase = await recordCase(http, sets[set].legal as Who, sets[set].reqd);
        }
        if (template.includes('{user}')) ids.user = await throwawayUser(set);
        if (template.includes('{freshhearing}'))
          ids.freshhearing = await hearing(sets[set].legal as Who, ids.case);
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]);
        const cell: Cell = { who, set, ids };
        const send = body ? body(cell) : {};
        let answer: Answer;
        if (route === 'POST /api/v1/auth/logout' && who !== 'anon') {
          const token = await freshToken(who);
          answer = await httpAs(stack.base, { ...world, tokens: { ...world.tokens, [who]: token } })(
            who,
            method,
            path,
            send,
          );
        } else {
          answer = await http(who, method, path, send);
        }
        cells++;
        const got = String(answer.status);
        if (got !== columns[i]) {
          mismatches.push(
            `${route} [${set}] as ${who}: expected ${columns[i]}, got ${got} ${answer.text.slice(0, 160)}`,
          );
        }
        // A 404 must not say more than "not found": no agency, status or owner of the resource.
        if (answer.status === 404 && /applicant|agency_id|trackingNumber/.test(answer.text)) {
          mismatches.push(`${route} [${set}] as ${who}: the 404 says too much: ${answer.text.slice(0, 200)}`);
        }
      }
    }
    console.log(`access matrix: ${MATRIX.length} rows, ${cells} cells`);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
