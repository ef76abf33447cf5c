import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { AppProcess, testProcessEnv } from '@disclose/testing';
import {
  Api,
  PASSWORD,
  call,
  connectDb,
  createAgencyWithStaff,
  login,
  randomIp,
  startApis,
  stopApis,
  uniqueSuffix,
} from './security.fixtures';

/** Every way a value could appear in a log line: as is, JSON-escaped, \u-escaped, percent-encoded. */
function forms(value: string): string[] {
  const unicodeEscaped = [...value]
    .map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
  return [...new Set([value, JSON.stringify(value).slice(1, -1), unicodeEscaped, encodeURIComponent(value)])];
}

/**
 * A built api and worker at LOG_LEVEL=trace (the most they ever log) handle registration, sign-in,
 * filing online and on paper, searches, failed sign-ins, a duplicate registration, invalid input,
 * emailed links and an SMTP server that rejects the recipient by address for a while. Their whole
 * stdout/stderr must not contain the password, any token, or any of the personal data sent.
 */
describe('logs carry no passwords, tokens or personal data (built api + worker)', () => {
  let apis: Api[];
  let worker: AppProcess;
  let db: Client;
  let smtp: SMTPServer;
  let refusing = true;
  let delivered = 0;
  let output = '';

  const s = uniqueSuffix();
  const secrets = {
    password: `Pii passphrase ${s}`,
    wrongPassword: `Wrong passphrase ${s}`,
  };
  const pii = {
    name: `欧阳测试${s.slice(0, 2)}娜`,
    email: `ouyang.na.${s}@pii-test.example.org`,
    phone: `139${String(randomInt(10_000_000, 99_999_999))}`,
    idNumber: `62010219900307${String(randomInt(1000, 9999))}`,
    address: `甘肃省平凉市崆峒区隐私路${randomInt(100, 999)}号`,
    paperName: `司马来信${s.slice(2, 4)}`,
    paperEmail: `sima.laixin.${s}@pii-test.example.org`,
    paperPhone: `0933-${String(randomInt(1_000_000, 9_999_999))}`,
    paperAddress: `平凉市西大街${randomInt(100, 999)}号院`,
  };
  const tokens: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      // Like a real server: the refusal names the address.
      onRcptTo: (address, _session, callback) => {
        if (!refusing) return callback();
        callback(
          Object.assign(new Error(`<${address.address}>: Recipient address rejected: try later`), {
            responseCode: 450,
          }),
        );
      },
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          delivered += 1;
          callback();
        });
      },
    });
    smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    const env = { LOG_LEVEL: 'trace', SMTP_URL: smtpUrl, MAIL_RETRY_BASE_MS: '300' };
    apis = await startApis(1, env);
    worker = new AppProcess('worker', testProcessEnv(env)).start();
    db = await connectDb();
  }, 180_000);

  afterAll(async () => {
    await stopApis(apis);
    await worker?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await db?.end();
  });

  it('exercises the api and the worker with known personal data', async () => {
    const [api] = apis;
    const ip = randomIp();
    const world = await createAgencyWithStaff(db, ['clerk']);
    const registered = await call(api, 'POST', '/api/v1/auth/register', {
      ip,
      body: { email: pii.email, password: secrets.password, name: pii.name, applicantType: 'natural_person' },
    });
    expect(registered.status).toBe(201);
    const duplicate = await call(api, 'POST', '/api/v1/auth/register', {
      ip,
      body: { email: pii.email, password: secrets.password, name: pii.name, applicantType: 'natural_person' },
    });
    expect(duplicate.status).toBe(409);
    const invalid = await call(api, 'POST', '/api/v1/auth/register', {
      ip,
      body: { email: pii.email, password: secrets.password, name: pii.name, applicantType: pii.address },
    });
    expect(invalid.status).toBe(400);
    // A NUL byte cannot be stored in PostgreSQL text: whatever the answer, the log must not show the row.
    await call(api, 'POST', '/api/v1/auth/register', {
      ip,
      body: {
        email: `nul.${pii.email}`,
        password: secrets.password,
        name: `${pii.name}\u0000`,
        applicantType: 'natural_person',
      },
    });
    const wrong = await call(api, 'POST', '/api/v1/auth/login', {
      ip,
      body: { email: pii.email, password: secrets.wrongPassword },
    });
    expect(wrong.status).toBe(401);
    const token = await login(api, pii.email, secrets.password, ip);
    tokens.push(token);
    expect((await call(api, 'GET', '/api/v1/me', { token })).status).toBe(200);

    const filed = await call(api, 'POST', '/api/v1/requests', {
      ip,
      token,
      body: {
        agencyCode: world.code,
        subject: `关于${pii.name}的信息`,
        description: `本人${pii.name}，身份证号${pii.idNumber}，电话${pii.phone}，住址${pii.address}，申请公开相关文件。`,
      },
    });
    expect(filed.status).toBe(201);

    const clerk = await login(api, world.staff.clerk.email, PASSWORD, ip);
    tokens.push(clerk);
    const paper = await call(api, 'POST', '/api/v1/requests', {
      token: clerk,
      body: {
        agencyCode: world.code,
        subject: '纸质申请',
        description: `来信人${pii.paperName}要求公开文件。`,
        channel: 'mail',
        receivedOn: '2026-11-02',
        applicant: {
          name: pii.paperName,
          applicantType: 'natural_person',
          email: pii.paperEmail,
          phone: pii.paperPhone,
          address: pii.paperAddress,
        },
      },
    });
    expect(paper.status).toBe(201);
    const search = await call(api, 'GET', `/api/v1/requests?q=${encodeURIComponent(pii.paperName)}`, {
      token: clerk,
    });
    expect(search.status).toBe(200);

    // Emailed links carry tokens in their URL: a made-up one is logged by its path only.
    const linkToken = randomBytes(32).toString('base64url');
    tokens.push(linkToken);
    await fetch(`${api.base}/verify-email?token=${linkToken}`);
    await fetch(`${api.base}/reset-password?token=${linkToken}&email=${encodeURIComponent(pii.email)}`);
    expect(
      (await call(api, 'POST', '/api/v1/auth/password-reset', { ip, body: { email: pii.email } })).status,
    ).toBe(202);
    expect((await call(api, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);

    // The worker's mail delivery fails (the server names the recipient) and then succeeds.
    const userId = registered.body.id as string;
    for (let i = 0; i < 300; i++) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE recipient_user_id = $1 AND attempts > 0`,
        [userId],
      );
      if (rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    refusing = false;
    for (let i = 0; i < 300 && delivered < 1; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toBeGreaterThan(0);
  }, 180_000);

  it('wrote logs, and none of them holds a password, a token or the personal data', async () => {
    await stopApis(apis);
    await worker.stop();
    output = apis[0].process.output + worker.output;
    // The logs exist and are detailed: requests and the worker's delivery failures are there.
    expect(output).toContain('"url":"/api/v1/auth/register"');
    expect(output).toContain('Recipient address rejected');
    expect(output).toContain('[email]');

    const leaks: string[] = [];
    for (const [label, value] of Object.entries({ ...secrets, ...pii })) {
      for (const form of forms(value)) if (output.includes(form)) leaks.push(`${label}: ${form}`);
    }
    for (const token of tokens) if (output.includes(token)) leaks.push(`token ${token.slice(0, 6)}…`);
    const lines = output
      .split('\n')
      .filter((line) => leaks.some((leak) => line.includes(leak.split(': ')[1])));
    expect({ leaks, lines: lines.slice(0, 5) }).toEqual({ leaks: [], lines: [] });
  }, 60_000);
});
