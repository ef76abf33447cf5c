import { Redis } from 'ioredis';
import type { Client } from 'pg';
import { currentTestRun } from '@disclose/testing';
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
} from './security.fixtures';

/**
 * Session expiry and revocation across TWO built api processes. Each process caches a checked session
 * for 5 s; a revocation made through one process must end the session in the other one at once (Redis
 * pub/sub), so every test first warms the other process's cache with a successful call.
 */
describe('sessions expire and are revoked in every api process', () => {
  let apis: Api[];
  let a: Api;
  let b: Api;
  let db: Client;
  let world: Awaited<ReturnType<typeof createAgencyWithStaff>>;
  let adminToken: string;
  const me = (api: Api, token: string) => call(api, 'GET', '/api/v1/me', { token });

  /**
   * A process subscribes to revocations on its first authenticated call and caches sessions only once
   * subscribed: make both processes authenticate, then wait until Redis counts both subscriptions, so
   * the tests below exercise the cache rather than a process that has not started caching yet.
   */
  async function listeningForRevocations(): Promise<void> {
    for (const api of apis) await me(api, adminToken);
    const redis = new Redis(currentTestRun().redisUrl);
    const channel = `${currentTestRun().redisPrefix}:identity:sessions`;
    try {
      for (let i = 0; i < 100; i++) {
        const [, listeners] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        if (Number(listeners) >= 2) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the api processes did not subscribe to ${channel}`);
    } finally {
      redis.disconnect();
    }
  }

  beforeAll(async () => {
    apis = await startApis(2, { SESSION_TTL_DAYS: '2', SESSION_IDLE_MINUTES: '60' });
    [a, b] = apis;
    db = await connectDb();
    world = await createAgencyWithStaff(db, ['admin']);
    adminToken = await login(a, world.staff.admin.email);
  }, 180_000);

  afterAll(async () => {
    await stopApis(apis);
    await db?.end();
  });

  it('a session lasts SESSION_TTL_DAYS; past its expiry or its idle timeout it answers 401', async () => {
    const user = await applicant(a, randomIp());
    const answer = await call(a, 'POST', '/api/v1/auth/login', {
      body: { email: user.email, password: PASSWORD },
    });
    const lifetimeMs = new Date(answer.body.expiresAt).getTime() - Date.now();
    expect(lifetimeMs).toBeGreaterThan(2 * 86_400_000 - 120_000);
    expect(lifetimeMs).toBeLessThanOrEqual(2 * 86_400_000);

    // Idle: last used 61 minutes ago (SESSION_IDLE_MINUTES=60). A token neither process has cached.
    const idle = await login(a, user.email);
    await db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '61 minutes'
        WHERE user_id = $1 AND revoked_at IS NULL AND created_at > now() - interval '1 minute'
          AND id = (SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [user.id],
    );
    expect((await me(b, idle)).status).toBe(401);
    // Used 59 minutes ago: still alive.
    const active = await login(a, user.email);
    await db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '59 minutes'
        WHERE id = (SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [user.id],
    );
    expect((await me(b, active)).status).toBe(200);

    const expired = await login(a, user.email);
    await db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second'
        WHERE id = (SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1)`,
      [user.id],
    );
    expect((await me(b, expired)).status).toBe(401);
  }, 120_000);

  it('logout through one process ends the session in the other at once', async () => {
    const user = await applicant(a, randomIp());
    await listeningForRevocations();
    expect((await me(b, user.token)).status).toBe(200); // cached by b
    expect((await call(a, 'POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(204);
    expect((await me(b, user.token)).status).toBe(401);
    expect((await me(a, user.token)).status).toBe(401);
  }, 120_000);

  it('changing the password ends the other sessions everywhere and keeps the one that changed it', async () => {
    const user = await applicant(a, randomIp());
    await listeningForRevocations();
    const other = await login(b, user.email);
    expect((await me(b, other)).status).toBe(200);
    expect((await me(b, user.token)).status).toBe(200);
    const wrong = await call(a, 'POST', '/api/v1/auth/password', {
      token: user.token,
      body: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'currentPassword' });
    expect((await me(b, other)).status).toBe(200);

    const changed = await call(a, 'POST', '/api/v1/auth/password', {
      token: user.token,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await me(b, other)).status).toBe(401);
    expect((await me(b, user.token)).status).toBe(200);
    expect(
      (await call(b, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD } }))
        .status,
    ).toBe(401);
    expect(await login(b, user.email, 'a brand new passphrase')).toHaveLength(43);
  }, 120_000);

  it('an admin ends every session of a user, and disables and enables an account; others get 403', async () => {
    const user = await applicant(a, randomIp());
    await listeningForRevocations();
    const second = await login(a, user.email);
    for (const token of [user.token, second]) expect((await me(b, token)).status).toBe(200);

    expect(
      (await call(b, 'POST', `/api/v1/users/${user.id}/sessions/revoke`, { token: user.token })).status,
    ).toBe(403);
    const revoked = await call(a, 'POST', `/api/v1/users/${user.id}/sessions/revoke`, { token: adminToken });
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 2 } });
    for (const token of [user.token, second]) expect((await me(b, token)).status).toBe(401);

    const fresh = await login(b, user.email);
    expect((await me(b, fresh)).status).toBe(200);
    const disabled = await call(a, 'POST', `/api/v1/users/${user.id}/disable`, { token: adminToken });
    expect(disabled).toMatchObject({ status: 200, body: { id: user.id, disabled: true } });
    expect((await me(b, fresh)).status).toBe(401);
    expect(
      (await call(b, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD } }))
        .status,
    ).toBe(401);

    const self = await call(a, 'POST', `/api/v1/users/${world.staff.admin.id}/disable`, {
      token: adminToken,
    });
    expect(self.status).toBe(400);
    const unknown = await call(a, 'POST', `/api/v1/users/00000000-0000-4000-8000-000000000000/disable`, {
      token: adminToken,
    });
    expect(unknown.status).toBe(404);

    const enabled = await call(b, 'POST', `/api/v1/users/${user.id}/enable`, { token: adminToken });
    expect(enabled).toMatchObject({ status: 200, body: { disabled: false } });
    expect(await login(a, user.email)).toHaveLength(43);
  }, 120_000);
});
