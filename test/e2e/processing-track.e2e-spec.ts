import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@disclose/identity';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';

const PASSWORD = 'correct horse battery staple';
const body = (res: Response): Promise<any> => res.json();

/**
 * POST /api/v1/requests/:id/track (US FOIA processing track) on the built api: staff of the agency set
 * it in one track_set event, bad input is a 400 problem+json naming the field (en, zh-CN) and writes
 * nothing, and the DOJ report's section VII counts the request in its track.
 */
describe('processing track (built api)', () => {
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  const smtp = new SmtpCapture();
  const s = randomBytes(3).toString('hex').toUpperCase();
  const U = `TRKU${s}`;
  const CN = `TRKC${s}`;
  const O = `TRKO${s}`;
  let api: AppProcess;
  let base: string;
  const tokens: Record<string, string> = {};

  const send = (who: string, method: string, path: string, json?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  const file = async (who: string, agencyCode: string): Promise<string> => {
    const res = await send(who, 'POST', '/api/v1/requests', {
      agencyCode,
      subject: 'Contracts for the new building',
      description: 'All contracts signed in 2026 for the new building.',
    });
    if (res.status !== 201) throw new Error(`filing: ${res.status} ${await res.text()}`);
    return (await body(res)).id;
  };
  const state = async (id: string) => {
    const { rows } = await db.query(
      `SELECT r.version, r.status, r.processing_track,
              (SELECT json_agg(json_build_object('type', e.type, 'payload', e.payload) ORDER BY e.seq)
                 FROM request_events e WHERE e.request_id = r.id) AS events
         FROM requests r WHERE r.id = $1`,
      [id],
    );
    return rows[0] as {
      version: number;
      status: string;
      processing_track: string | null;
      events: Array<{ type: string; payload: Record<string, unknown> }>;
    };
  };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = new AppProcess(
      'api',
      testProcessEnv({ SMTP_URL: await smtp.start(), PORT: String(port), PUBLIC_URL: base }),
    ).start();
    await db.connect();
    const agency = async (code: string, ruleSet: string, tz: string) =>
      (
        await db.query(
          `INSERT INTO agencies (code, name_zh, name_en, rule_set, timezone) VALUES ($1, $2, $2, $3, $4) RETURNING id`,
          [code, `Track test ${code}`, ruleSet, tz],
        )
      ).rows[0].id as string;
    const u = await agency(U, 'us-foia', 'America/New_York');
    const cn = await agency(CN, 'cn-ogi-2019', 'Asia/Shanghai');
    const o = await agency(O, 'us-foia', 'America/New_York');
    await waitForHttp(`${base}/health`, 200, 60_000);
    const hash = await hashPassword(PASSWORD);
    for (const [key, role, agencyId, locale] of [
      ['clerk', 'clerk', u, 'en'],
      ['supervisor', 'supervisor', u, 'zh-CN'],
      ['legal', 'legal', u, 'en'],
      ['cnClerk', 'clerk', cn, 'en'],
      ['otherClerk', 'clerk', o, 'en'],
    ]) {
      const email = `${key.toLowerCase()}-${s.toLowerCase()}@track.test`;
      await db.query(
        `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [email, hash, key, role, agencyId, locale],
      );
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      tokens[key] = ((await login.json()) as { accessToken: string }).accessToken;
    }
    const email = `applicant-${s.toLowerCase()}@track.test`;
    await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: PASSWORD,
        name: 'A',
        applicantType: 'natural_person',
        locale: 'en',
      }),
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    tokens.applicant = ((await login.json()) as { accessToken: string }).accessToken;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db.end();
    await smtp.stop();
  });

  it('sets the track in one track_set event; bad input is a 400 problem+json and writes nothing', async () => {
    const id = await file('applicant', U);
    const before = await state(id);
    expect(before.processing_track).toBeNull();
    expect((await body(await send('clerk', 'GET', `/api/v1/requests/${id}`))).processingTrack).toBeNull();

    for (const [who, json] of [
      ['clerk', { track: 'urgent' }],
      ['clerk', {}],
      ['supervisor', { track: 'urgent' }],
    ] as const) {
      const bad = await send(who, 'POST', `/api/v1/requests/${id}/track`, json);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      const problem = await body(bad);
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field: 'track',
          message:
            who === 'supervisor'
              ? 'track 必须是以下值之一：simple, complex, expedited'
              : 'track must be one of the following values: simple, complex, expedited',
        }),
      ]);
    }
    // Not staff who may act (403), another agency's clerk (404), a stale version (409).
    expect(
      (await send('applicant', 'POST', `/api/v1/requests/${id}/track`, { track: 'complex' })).status,
    ).toBe(403);
    expect((await send('legal', 'POST', `/api/v1/requests/${id}/track`, { track: 'complex' })).status).toBe(
      403,
    );
    expect(
      (await send('otherClerk', 'POST', `/api/v1/requests/${id}/track`, { track: 'complex' })).status,
    ).toBe(404);
    expect(
      (
        await send('clerk', 'POST', `/api/v1/requests/${id}/track`, {
          track: 'complex',
          expectedVersion: before.version + 5,
        })
      ).status,
    ).toBe(409);
    expect(await state(id)).toEqual(before);

    const set = await send('clerk', 'POST', `/api/v1/requests/${id}/track`, {
      track: 'complex',
      expectedVersion: before.version,
    });
    expect(set.status).toBe(200);
    expect(await body(set)).toMatchObject({ id, status: before.status, processingTrack: 'complex' });
    const after = await state(id);
    expect(after).toMatchObject({
      version: before.version + 1,
      status: before.status,
      processing_track: 'complex',
    });
    expect(after.events.slice(before.events.length)).toEqual([
      { type: 'track_set', payload: { track: 'complex', previous: null } },
    ]);

    expect((await body(await send('clerk', 'GET', `/api/v1/requests/${id}`))).processingTrack).toBe(
      'complex',
    );
    expect(
      (await body(await send('applicant', 'GET', `/api/v1/requests/${id}`))).processingTrack,
    ).toBeUndefined();

    const again = await send('supervisor', 'POST', `/api/v1/requests/${id}/track`, { track: 'expedited' });
    expect(again.status).toBe(200);
    expect((await state(id)).events.at(-1)).toEqual({
      type: 'track_set',
      payload: { track: 'expedited', previous: 'complex' },
    });
  }, 60_000);

  it('refuses a track on a request of another rule set (400, field message), nothing written', async () => {
    const id = await file('applicant', CN);
    const before = await state(id);
    const res = await send('cnClerk', 'POST', `/api/v1/requests/${id}/track`, { track: 'simple' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await body(res)).errors).toEqual([
      expect.objectContaining({ field: 'track', message: 'track applies to US FOIA requests only' }),
    ]);
    expect(await state(id)).toEqual(before);
  }, 60_000);

  it('counts the request in its track in the DOJ report (VII.D)', async () => {
    const id = await file('applicant', U);
    await file('applicant', U);
    expect((await send('clerk', 'POST', `/api/v1/requests/${id}/track`, { track: 'complex' })).status).toBe(
      200,
    );
    const { rows } = await db.query(`SELECT received_on::text AS d FROM requests WHERE id = $1`, [id]);
    const received: string = rows[0].d;
    // The fiscal year ending 30 September after the receipt.
    const year = Number(received.slice(0, 4)) + (received.slice(5) >= '10-01' ? 1 : 0);
    const res = await send('clerk', 'GET', `/api/v1/reports/annual?agency=${U}&year=${year}`);
    expect(res.status).toBe(200);
    const report = await body(res);
    // The first test's request (expedited), this one (complex) and one without a track (simple).
    expect(report.pendingByTrack.complex.number).toBe(1);
    expect(report.pendingByTrack.expedited.number).toBe(1);
    expect(report.pendingByTrack.simple.number).toBe(1);
    expect(report.requests.pendingEnd).toBe(3);
  }, 60_000);
});
