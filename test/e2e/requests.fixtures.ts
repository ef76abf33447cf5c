import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@disclose/identity';

export const PASSWORD = 'correct horse battery staple';

/** The e2e world of the requests suite: two agencies, their staff, two applicants (unique codes). */
export interface RequestsWorld {
  agency: { id: string; code: string };
  other: { id: string; code: string };
  tokens: Record<'admin' | 'clerk' | 'supervisor' | 'otherClerk' | 'applicantA' | 'applicantB', string>;
  ids: Record<string, string>;
  emails: Record<string, string>;
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Staff are set up in SQL (as an admin would with the CLI); applicants register over HTTP. */
export async function createRequestsWorld(db: Client, base: string): Promise<RequestsWorld> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const agency = async (code: string) => {
    const { rows } = await db.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, $2, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `平凉市测试局 ${code}`],
    );
    return { id: rows[0].id as string, code };
  };
  const world = {
    agency: await agency(`RQ${suffix}`),
    other: await agency(`RQO${suffix}`),
    tokens: {},
    ids: {},
    emails: {},
  } as RequestsWorld;
  const hash = await hashPassword(PASSWORD);
  const staff: Array<[keyof RequestsWorld['tokens'], string, string]> = [
    ['admin', 'admin', world.agency.id],
    ['clerk', 'clerk', world.agency.id],
    ['supervisor', 'supervisor', world.agency.id],
    ['otherClerk', 'clerk', world.other.id],
  ];
  for (const [key, role, agencyId] of staff) {
    const email = `${key.toLowerCase()}-${suffix.toLowerCase()}@requests.test`;
    const { rows } = await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, 'en', now()) RETURNING id`,
      [email, hash, key, role, agencyId],
    );
    world.ids[key] = rows[0].id;
    world.emails[key] = email;
    world.tokens[key] = await login(base, email);
  }
  for (const key of ['applicantA', 'applicantB'] as const) {
    const email = `${key.toLowerCase()}-${suffix.toLowerCase()}@requests.test`;
    const registered = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: PASSWORD,
        name: key,
        applicantType: 'natural_person',
        locale: 'zh-CN',
      }),
    });
    if (registered.status !== 201)
      throw new Error(`register ${key}: ${registered.status} ${await registered.text()}`);
    world.ids[key] = ((await registered.json()) as { id: string }).id;
    world.emails[key] = email;
    world.tokens[key] = await login(base, email);
  }
  return world;
}

/** JSON over HTTP as one of the world's users. */
export function asUser(base: string, world: RequestsWorld) {
  return async (
    who: keyof RequestsWorld['tokens'],
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${world.tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}
