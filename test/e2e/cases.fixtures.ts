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

/** The people and agencies of the cases e2e suite, created in the run's database with unique codes. */
export interface CasesWorld {
  agencies: Record<'cn' | 'cn2' | 'us' | 'uk', { id: string; code: string }>;
  tokens: Record<UserKey, string>;
  ids: Record<UserKey, string>;
  emails: Record<UserKey, string>;
}
export type UserKey =
  | 'legal'
  | 'clerk'
  | 'supervisor'
  | 'clerk2'
  | 'applicantA'
  | 'applicantB'
  | 'usLegal'
  | 'usClerk'
  | 'ukLegal'
  | 'ukClerk';

const PASSWORD = 'correct horse battery staple';

export async function createWorld(db: Client, base: string): Promise<CasesWorld> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const agency = async (key: string, ruleSet: string, timezone: string) => {
    const code = `CASES-${key}-${suffix}`;
    const [row] = (
      await db.query(
        `INSERT INTO agencies (code, name_zh, name_en, rule_set, timezone) VALUES ($1, $2, $2, $3, $4) RETURNING id`,
        [code, `案件测试 ${key}`, ruleSet, timezone],
      )
    ).rows;
    return { id: row.id as string, code };
  };
  const agencies = {
    cn: await agency('CN', 'cn-ogi-2019', 'Asia/Shanghai'),
    cn2: await agency('CNB', 'cn-ogi-2019', 'Asia/Shanghai'),
    us: await agency('US', 'us-foia', 'America/New_York'),
    uk: await agency('UK', 'uk-foia', 'Europe/London'),
  };
  const hash = await hashPassword(PASSWORD);
  const people: Array<[UserKey, string, string | null]> = [
    ['legal', 'legal', agencies.cn.id],
    ['clerk', 'clerk', agencies.cn.id],
    ['supervisor', 'supervisor', agencies.cn.id],
    ['clerk2', 'clerk', agencies.cn2.id],
    ['applicantA', 'applicant', null],
    ['applicantB', 'applicant', null],
    ['usLegal', 'legal', agencies.us.id],
    ['usClerk', 'clerk', agencies.us.id],
    ['ukLegal', 'legal', agencies.uk.id],
    ['ukClerk', 'clerk', agencies.uk.id],
  ];
  const tokens = {} as Record<UserKey, string>;
  const ids = {} as Record<UserKey, string>;
  const emails = {} as Record<UserKey, string>;
  for (const [key, role, agencyId] of people) {
    const email = `${key.toLowerCase()}-${suffix.toLowerCase()}@cases.test`;
    const [row] = (
      await db.query(
        `INSERT INTO users (email, password_hash, name, role, agency_id, applicant_type, locale, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'en', now()) RETURNING id`,
        [email, hash, key, role, agencyId, role === 'applicant' ? 'natural_person' : null],
      )
    ).rows;
    ids[key] = row.id;
    emails[key] = email;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login ${key}: ${login.status} ${await login.text()}`);
    tokens[key] = ((await login.json()) as { accessToken: string }).accessToken;
  }
  return { agencies, tokens, ids, emails };
}

/** A small HTTP client that sends a user's bearer token and parses JSON. */
export function client(base: string, world: CasesWorld) {
  return async (who: UserKey, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${world.tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      type: response.headers.get('content-type'),
    };
  };
}
export type Http = ReturnType<typeof client>;

/** An applicant files online and a clerk of the agency replies: a decided request to challenge. */
export async function decidedRequest(
  http: Http,
  agencyCode: string,
  applicant: UserKey,
  clerk: UserKey,
): Promise<string> {
  const filed = await http(applicant, 'POST', '/api/v1/requests', {
    agencyCode,
    subject: '2024年土地出让收入明细',
    description: '请公开2024年土地出让收入明细。',
  });
  if (filed.status !== 201) throw new Error(`file request: ${filed.status} ${JSON.stringify(filed.body)}`);
  const decided = await http(clerk, 'POST', `/api/v1/requests/${filed.body.id}/decision`, {
    outcome: 'withheld.state_secret',
    reasons: ['条例 Art. 14'],
    message: '不予公开。',
  });
  if (decided.status !== 200) throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body)}`);
  return filed.body.id as string;
}

/** What a cases suite works with once its apps are up. */
export interface CasesSuite {
  base: string;
  db: Client;
  smtp: SmtpCapture;
  world: CasesWorld;
  http: Http;
  /** The environment of the suite's processes (to run the built CLI against the same database). */
  env: Record<string, string>;
}

/**
 * Starts the built api and worker against the run's database, Redis and an in-process SMTP server for the
 * surrounding describe, with a fresh world of agencies and users; fields are set once beforeAll ran.
 */
export function casesSuite(): CasesSuite {
  const suite = {
    smtp: new SmtpCapture(),
    db: new Client({ connectionString: currentTestRun().databaseUrl }),
  } as CasesSuite;
  let api: AppProcess | undefined;
  let worker: AppProcess | undefined;
  beforeAll(async () => {
    const smtpUrl = await suite.smtp.start();
    const port = await freePort();
    suite.base = `http://127.0.0.1:${port}`;
    const env = testProcessEnv({ SMTP_URL: smtpUrl, PORT: String(port), PUBLIC_URL: suite.base });
    suite.env = env;
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await suite.db.connect();
    await waitForHttp(`${suite.base}/health`, 200, 60_000);
    suite.world = await createWorld(suite.db, suite.base);
    suite.http = client(suite.base, suite.world);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await suite.db.end();
    await suite.smtp.stop();
  });
  return suite;
}
