import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@disclose/identity';
import { AppProcess, currentTestRun, freePort, testProcessEnv, waitForHttp } from '@disclose/testing';

export const PASSWORD = 'correct horse battery staple';

/** One built api process with its base URL; its stdout and stderr are kept in `process.output`. */
export interface Api {
  base: string;
  process: AppProcess;
}

/**
 * Built api processes sharing the run's PostgreSQL database and Redis prefix, as several api processes
 * behind a load balancer do. `env` overrides the test environment (limits, log level, session settings).
 */
export async function startApis(count: number, env: Record<string, string> = {}): Promise<Api[]> {
  const apis: Api[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const process = new AppProcess(
      'api',
      testProcessEnv({ PORT: String(port), PUBLIC_URL: base, ...env }),
    ).start();
    apis.push({ base, process });
  }
  await Promise.all(apis.map((api) => waitForHttp(`${api.base}/api/v1/agencies`, 200, 90_000)));
  return apis;
}

export async function stopApis(apis: Api[] | undefined): Promise<void> {
  await Promise.all((apis ?? []).map((api) => api.process.stop()));
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** JSON over HTTP; `ip` is sent as X-Forwarded-For (believed from loopback: TRUST_PROXY=loopback). */
export async function call(
  api: Api,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; ip?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, headers: response.headers, body };
}

/** A random client address in 10.0.0.0/8, so suites and tests never share a per-IP counter. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function connectDb(): Promise<Client> {
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  await db.connect();
  return db;
}

/** An agency of its own (unique code) with staff created in SQL, as the CLI would. */
export async function createAgencyWithStaff(
  db: Client,
  roles: Array<'admin' | 'clerk' | 'supervisor'>,
): Promise<{ agencyId: string; code: string; staff: Record<string, { id: string; email: string }> }> {
  const suffix = uniqueSuffix().toUpperCase();
  const code = `SEC${suffix}`;
  const { rows } = await db.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
    [code, `安全测试局 ${code}`],
  );
  const hash = await hashPassword(PASSWORD);
  const staff: Record<string, { id: string; email: string }> = {};
  for (const role of roles) {
    const email = `${role}-${suffix.toLowerCase()}@security.test`;
    const user = await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, 'en', now()) RETURNING id`,
      [email, hash, `${role} ${suffix}`, role, rows[0].id],
    );
    staff[role] = { id: user.rows[0].id, email };
  }
  return { agencyId: rows[0].id, code, staff };
}

/** Registers an applicant over HTTP (from `ip`) and signs in; returns id, email and token. */
export async function applicant(
  api: Api,
  ip: string,
  extra: Partial<{ name: string; email: string; password: string }> = {},
): Promise<{ id: string; email: string; token: string }> {
  const email = extra.email ?? `applicant-${uniqueSuffix()}@security.test`;
  const password = extra.password ?? PASSWORD;
  const registered = await call(api, 'POST', '/api/v1/auth/register', {
    ip,
    body: { email, password, name: extra.name ?? '申请人', applicantType: 'natural_person', locale: 'en' },
  });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { id: registered.body.id, email, token: await login(api, email, password, ip) };
}

export async function login(api: Api, email: string, password = PASSWORD, ip?: string): Promise<string> {
  const answer = await call(api, 'POST', '/api/v1/auth/login', { ip, body: { email, password } });
  if (answer.status !== 200)
    throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken as string;
}
