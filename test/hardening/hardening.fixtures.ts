import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

export const PASSWORD = 'correct horse battery staple';
export const ROOT = join(__dirname, '../..');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The roles of issue 9's access matrix, in the order of its columns. */
export const ROLES = ['anon', 'appA', 'appB', 'clerkX', 'clerkY', 'supX', 'legalX', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Who = Exclude<Role, 'anon'>;

/** Two agencies (X and Y, unrelated), their staff and two applicants; the resources each one owns. */
export interface World {
  suffix: string;
  agencies: Record<'X' | 'Y', { id: string; code: string }>;
  tokens: Record<Who, string>;
  ids: Record<Who, string>;
  emails: Record<Who, string>;
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  headers: Headers;
  json: () => any;
}

export interface Send {
  json?: unknown;
  /** A raw body with its content type (malformed JSON, urlencoded forms, ...). */
  raw?: { body: string | Buffer | FormData; type?: string };
  form?: FormData;
  headers?: Record<string, string>;
  /** Portal forms: the double-submit CSRF pair (cookie + field/query). */
  csrf?: boolean;
}

/** The portal's double-submit token: any 43-character base64url value, sent as cookie and field. */
export const CSRF = 'h'.repeat(43);

/** HTTP as one of the world's people (bearer token for the API; the session cookie too, for the portal). */
export function httpAs(base: string, world: World) {
  return async (who: Role, method: string, path: string, send: Send = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...(send.headers ?? {}) };
    const cookies: string[] = [];
    if (who !== 'anon') {
      headers.authorization = `Bearer ${world.tokens[who]}`;
      cookies.push(`disclose_session=${world.tokens[who]}`);
    }
    if (send.csrf) cookies.push(`disclose_csrf=${CSRF}`);
    if (cookies.length) headers.cookie = cookies.join('; ');
    let body: string | Buffer | FormData | undefined;
    if (send.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(send.json);
    } else if (send.raw) {
      if (send.raw.type) headers['content-type'] = send.raw.type;
      body = send.raw.body;
    } else if (send.form) {
      body = send.form;
    }
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body as never,
      redirect: 'manual',
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text,
      headers: response.headers,
      json: () => JSON.parse(text),
    };
  };
}
export type Http = ReturnType<typeof httpAs>;

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** A client address in TEST-NET-3, so per-IP limits of one suite do not add up across requests. */
export function randomIp(): string {
  const b = randomBytes(2);
  return `203.0.${b[0]}.${(b[1] % 250) + 1}`;
}

/** Agencies and people in SQL, as an admin would create them with the CLI; unique codes per suite. */
export async function createWorld(db: Client, base: string, tag: string): Promise<World> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const agencies = {} as World['agencies'];
  for (const key of ['X', 'Y'] as const) {
    const code = `${tag}${key}${suffix}`;
    const { rows } = await db.query(
      `INSERT INTO agencies (code, name_zh, name_en, rule_set, timezone)
       VALUES ($1, $2, $3, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
      [code, `加固测试局 ${code}`, `Hardening Bureau ${code}`],
    );
    agencies[key] = { id: rows[0].id, code };
  }
  const hash = await hashPassword(PASSWORD);
  const people: Array<[Who, string, 'X' | 'Y' | null]> = [
    ['appA', 'applicant', null],
    ['appB', 'applicant', null],
    ['clerkX', 'clerk', 'X'],
    ['clerkY', 'clerk', 'Y'],
    ['supX', 'supervisor', 'X'],
    ['legalX', 'legal', 'X'],
    ['admin', 'admin', 'X'],
  ];
  const world = { suffix, agencies, tokens: {}, ids: {}, emails: {} } as World;
  for (const [who, role, agency] of people) {
    const email = `${who.toLowerCase()}-${suffix.toLowerCase()}@${tag.toLowerCase()}.hardening.test`;
    const { rows } = await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, applicant_type, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'en', now()) RETURNING id`,
      [
        email,
        hash,
        `${who} ${suffix}`,
        role,
        agency ? agencies[agency].id : null,
        role === 'applicant' ? 'natural_person' : null,
      ],
    );
    world.ids[who] = rows[0].id;
    world.emails[who] = email;
    world.tokens[who] = await login(base, email);
  }
  return world;
}

/** Today in Asia/Shanghai, 'YYYY-MM-DD'. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function expectStatus(what: string, answer: Answer, ...ok: number[]): Answer {
  if (!ok.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return answer;
}

/** Files a request as an applicant; answers its id and version. */
export async function fileRequest(
  http: Http,
  who: Who,
  agencyCode: string,
  subject = '2024年土地出让收入明细',
  description = '请公开2024年土地出让收入明细。',
): Promise<{ id: string; trackingNumber: string }> {
  const filed = expectStatus(
    'file',
    await http(who, 'POST', '/api/v1/requests', { json: { agencyCode, subject, description } }),
    201,
  );
  return filed.json();
}

export async function decide(http: Http, who: Who, id: string): Promise<void> {
  expectStatus(
    'decide',
    await http(who, 'POST', `/api/v1/requests/${id}/decision`, {
      json: { outcome: 'withheld.state_secret', reasons: ['条例 Art. 14'], message: '不予公开。' },
    }),
    200,
  );
}

export async function uploadDocument(
  http: Http,
  who: Who,
  requestId: string,
  name = 'reply.pdf',
  bytes: Buffer = PDF,
): Promise<Answer> {
  const form = new FormData();
  form.append('visibleToApplicant', 'true');
  form.append('file', new Blob([bytes]), name);
  return http(who, 'POST', `/api/v1/requests/${requestId}/documents`, { form });
}

export async function recordCase(http: Http, who: Who, requestId: string): Promise<string> {
  const created = expectStatus(
    'case',
    await http(who, 'POST', '/api/v1/cases', {
      json: { requestId, kind: 'reconsideration', filedOn: today() },
    }),
    201,
  );
  return created.json().id;
}

export async function uploadCaseDocument(http: Http, who: Who, caseId: string): Promise<Answer> {
  const form = new FormData();
  form.append('kind', 'application');
  form.append('file', new Blob([PDF]), 'application.pdf');
  return http(who, 'POST', `/api/v1/cases/${caseId}/documents`, { form });
}

/** The built api (and optionally worker) on a free port; STORAGE_DIR inside a directory of its own. */
export class Stack {
  base = '';
  storageParent = '';
  storageDir = '';
  databaseUrl = '';
  db!: Client;
  readonly smtp = new SmtpCapture();
  private processes: AppProcess[] = [];

  /**
   * Runs on the test file's own database (every test file gets a copy of the run's migrated database), so
   * a checksum of every table sees exactly what this suite's requests wrote.
   */
  constructor(private readonly options: { worker?: boolean } = {}) {}

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    const run = currentTestRun();
    this.databaseUrl = run.databaseUrl;
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.storageParent = join('/tmp', `disclose-hardening-${port}-${randomBytes(3).toString('hex')}`);
    this.storageDir = join(this.storageParent, 'documents');
    mkdirSync(this.storageDir, { recursive: true });
    const env = testProcessEnv({
      DATABASE_URL: this.databaseUrl,
      PORT: String(port),
      PUBLIC_URL: this.base,
      STORAGE_DIR: this.storageDir,
      SMTP_URL: await this.smtp.start(),
      ...extraEnv,
    });
    this.processes.push(new AppProcess('api', env).start());
    if (this.options.worker) this.processes.push(new AppProcess('worker', env).start());
    this.db = new Client({ connectionString: this.databaseUrl });
    await this.db.connect();
    await waitForHttp(`${this.base}/api/docs-json`, 200, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.output.slice(-3000)}`);
    });
  }

  /** The api's log (to show next to a failure). */
  get output(): string {
    return this.processes.map((p) => p.output).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.db?.end();
    await this.smtp.stop();
    rmSync(this.storageParent, { recursive: true, force: true });
  }
}

/** Every file under a directory (relative paths), to see what an upload wrote where. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** POST routes of the portal, read from its controllers' source (`<controller prefix>/<route>`). */
export function portalPostRoutes(): string[] {
  const dir = join(ROOT, 'apps/api/src/portal');
  const routes: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.controller.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const prefix = /@Controller\(\s*'([^']*)'\s*\)/.exec(source)?.[1] ?? '';
    for (const match of source.matchAll(/@Post\(\s*(?:'([^']*)')?\s*\)/g)) {
      routes.push(`/${[prefix, match[1] ?? ''].filter(Boolean).join('/')}`);
    }
  }
  return routes.sort();
}

/**
 * A fingerprint per table of the database: row count and the sum of the rows' xmin (any insert, update or
 * delete changes one or the other; cheap, no sort). Sessions by content without last_seen_at, which
 * authenticated reads refresh.
 */
const checksumQueries = new WeakMap<Client, string>();
export async function tableChecksums(db: Client): Promise<Record<string, string>> {
  let query = checksumQueries.get(db);
  if (!query) {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    query = tableQueries(tables).join(' UNION ALL ');
    checksumQueries.set(db, query);
  }
  const { rows } = await db.query<{ name: string; n: number; sum: string }>(query);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.sum}`]));
}

function tableQueries(tables: Array<{ name: string }>): string[] {
  return tables.map(({ name }) =>
    name === 'sessions'
      ? `SELECT '${name}' AS name, count(*)::int AS n,
                md5(coalesce(string_agg((to_jsonb(t) - 'last_seen_at')::text, '|' ORDER BY t.id), '')) AS sum
           FROM "${name}" t`
      : `SELECT '${name}' AS name, count(*)::int AS n, coalesce(sum(xmin::text::bigint), 0)::text AS sum
           FROM "${name}"`,
  );
}

/** The tables whose checksum changed between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
