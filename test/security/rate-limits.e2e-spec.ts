import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import {
  Api,
  PASSWORD,
  applicant,
  call,
  connectDb,
  createAgencyWithStaff,
  login,
  randomIp,
  startApis,
  stopApis,
  uniqueSuffix,
} from './security.fixtures';

/**
 * Rate limits across TWO built api processes sharing PostgreSQL and Redis (as behind a load balancer):
 * every test alternates its calls between them, so a limit that only counted per process would let
 * twice the limit through. Limits are set low for the test; client IPs come from X-Forwarded-For.
 */
describe('rate limits hold across api processes (Redis)', () => {
  let apis: Api[];
  let db: Client;
  let world: Awaited<ReturnType<typeof createAgencyWithStaff>>;
  const at = (i: number): Api => apis[i % apis.length];

  beforeAll(async () => {
    apis = await startApis(2, {
      RATE_LIMIT_LOGIN_PER_EMAIL: '4/15m',
      RATE_LIMIT_LOGIN_FAILURES_PER_IP: '5/15m',
      RATE_LIMIT_REGISTER_PER_IP: '3/1h',
      RATE_LIMIT_FILING_PER_ACCOUNT: '3/1h',
      RATE_LIMIT_FILING_PER_IP: '5/1h',
      RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: '2/1h',
      RATE_LIMIT_PASSWORD_RESET_PER_IP: '100/1h',
    });
    db = await connectDb();
    world = await createAgencyWithStaff(db, ['clerk']);
  }, 180_000);

  afterAll(async () => {
    await stopApis(apis);
    await db?.end();
  });

  const filing = (code: string, n: number) => ({
    agencyCode: code,
    subject: `限流测试 ${n}`,
    description: `请公开第 ${n} 号文件。`,
  });

  it('sign-in: the 5th attempt for one email answers 429 problem+json with Retry-After, localized', async () => {
    const ip = randomIp();
    const email = `victim-${uniqueSuffix()}@security.test`;
    for (let i = 0; i < 4; i++) {
      const answer = await call(at(i), 'POST', '/api/v1/auth/login', {
        ip: i % 2 ? ip : randomIp(),
        body: { email, password: 'wrong password' },
      });
      expect(answer.status).toBe(401);
    }
    const limited = await call(at(4), 'POST', '/api/v1/auth/login', {
      ip: randomIp(),
      body: { email, password: 'wrong password' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(limited.body).toMatchObject({ status: 429, code: 'AUTH.RATE_LIMITED', retryAfter });
    expect(limited.body.detail).toContain('尝试次数过多');
    const english = await call(at(5), 'POST', '/api/v1/auth/login', {
      body: { email, password: 'wrong password' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(429);
    expect(english.body.detail).toMatch(/^Too many attempts; try again in \d+ seconds\.$/);
  }, 120_000);

  it('sign-in: the per-IP limit counts failures across accounts (a spray), not successes (a NAT-ed office)', async () => {
    const office = randomIp();
    const user = await applicant(at(0), randomIp());
    // Eight successful sign-ins from one IP (more than the 5 failures allowed), alternating processes.
    for (let i = 0; i < 8; i++) await login(at(i), user.email, PASSWORD, office);

    const sprayer = randomIp();
    for (let i = 0; i < 5; i++) {
      const answer = await call(at(i), 'POST', '/api/v1/auth/login', {
        ip: sprayer,
        body: { email: `spray-${i}-${uniqueSuffix()}@security.test`, password: 'guess guess guess' },
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await call(at(5), 'POST', '/api/v1/auth/login', {
      ip: sprayer,
      body: { email: user.email, password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    // Another client IP is unaffected.
    expect(await login(at(6), user.email, PASSWORD, randomIp())).toHaveLength(43);
  }, 120_000);

  it('registration: the 4th account from one IP is refused (429) on either process; nothing is written', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) await applicant(at(i), ip);
    const email = `fourth-${uniqueSuffix()}@security.test`;
    const refused = await call(at(3), 'POST', '/api/v1/auth/register', {
      ip,
      body: { email, password: PASSWORD, name: 'Four', applicantType: 'research' },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).rowCount).toBe(0);
    const elsewhere = await call(at(4), 'POST', '/api/v1/auth/register', {
      ip: randomIp(),
      body: { email, password: PASSWORD, name: 'Four', applicantType: 'research' },
    });
    expect(elsewhere.status).toBe(201);
  }, 120_000);

  it('registration through the portal form counts the same way (a request refused for CSRF does not count)', async () => {
    const ip = randomIp();
    const csrf = randomBytes(32).toString('base64url');
    const form = (n: number, withToken = true) =>
      fetch(`${at(n).base}/register`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': ip,
          'accept-language': 'zh-CN',
          cookie: `disclose_csrf=${csrf}`,
        },
        body: new URLSearchParams({
          ...(withToken ? { _csrf: csrf } : {}),
          name: `表单 ${n}`,
          email: `form-${n}-${uniqueSuffix()}@security.test`,
          password: PASSWORD,
          applicantType: 'natural_person',
          locale: 'zh-CN',
        }).toString(),
      });
    for (let i = 0; i < 2; i++) expect((await form(i, false)).status).toBe(403);
    for (let i = 0; i < 3; i++) expect((await form(i)).status).toBe(303);
    const refused = await form(3);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(await refused.text()).toContain('尝试次数过多');
  }, 120_000);

  it('filing: per applicant account, then per IP; staff entering paper requests are not limited', async () => {
    const ip = randomIp();
    const first = await applicant(at(0), randomIp());
    for (let i = 0; i < 3; i++) {
      const filed = await call(at(i), 'POST', '/api/v1/requests', {
        ip,
        token: first.token,
        body: filing(world.code, i),
      });
      expect(filed.status).toBe(201);
    }
    const refused = await call(at(3), 'POST', '/api/v1/requests', {
      ip: randomIp(),
      token: first.token,
      body: filing(world.code, 3),
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('AUTH.RATE_LIMITED');
    const count = await db.query(`SELECT count(*)::int AS n FROM requests WHERE applicant_id = $1`, [
      first.id,
    ]);
    expect(count.rows[0].n).toBe(3);

    // Per IP: the first applicant used 3 of the IP's 5 (the refused filing came from another address).
    const second = await applicant(at(0), randomIp());
    expect(
      (
        await call(at(1), 'POST', '/api/v1/requests', {
          ip,
          token: second.token,
          body: filing(world.code, 10),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(at(0), 'POST', '/api/v1/requests', {
          ip,
          token: second.token,
          body: filing(world.code, 11),
        })
      ).status,
    ).toBe(201);
    const byIp = await call(at(1), 'POST', '/api/v1/requests', {
      ip,
      token: second.token,
      body: filing(world.code, 12),
    });
    expect(byIp.status).toBe(429);

    const clerk = await login(at(0), world.staff.clerk.email, PASSWORD, randomIp());
    for (let i = 0; i < 7; i++) {
      const paper = await call(at(i), 'POST', '/api/v1/requests', {
        ip,
        token: clerk,
        body: {
          ...filing(world.code, 100 + i),
          channel: 'mail',
          receivedOn: '2026-11-02',
          applicant: { name: `来信人 ${i}`, applicantType: 'natural_person' },
        },
      });
      expect(paper.status).toBe(201);
    }
  }, 180_000);

  it('password reset: the 3rd request for one address is refused, so a mailbox cannot be flooded', async () => {
    const user = await applicant(at(0), randomIp());
    for (let i = 0; i < 2; i++) {
      const answer = await call(at(i), 'POST', '/api/v1/auth/password-reset', {
        ip: randomIp(),
        body: { email: user.email },
      });
      expect(answer.status).toBe(202);
    }
    const refused = await call(at(2), 'POST', '/api/v1/auth/password-reset', {
      ip: randomIp(),
      body: { email: user.email.toUpperCase() },
    });
    expect(refused.status).toBe(429);
    const mails = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE recipient_user_id = $1 AND template = 'password_reset'`,
      [user.id],
    );
    expect(mails.rows[0].n).toBe(2);
  }, 120_000);

  it('keeps its counters under the installation prefix in Redis, emails hashed', async () => {
    const { Redis } = await import('ioredis');
    const { currentTestRun } = await import('@disclose/testing');
    const run = currentTestRun();
    const redis = new Redis(run.redisUrl);
    try {
      const keys = await redis.keys(`${run.redisPrefix}:identity:rl:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((key) => key.startsWith(`${run.redisPrefix}:identity:rl:`))).toBe(true);
      expect(keys.some((key) => key.includes('@'))).toBe(false);
      for (const key of keys.slice(0, 20)) expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});
