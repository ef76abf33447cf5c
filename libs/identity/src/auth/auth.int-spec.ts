import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { ConflictError, InvalidCredentialsError, RateLimitedError } from '@disclose/domain';
import { MailModule } from '@disclose/mail';
import { testProcessEnv } from '@disclose/testing';
import { IdentityModule } from '../identity.module';
import { SessionsService } from '../sessions/sessions.service';
import { AuthService } from './auth.service';
import { LOGIN_LIMIT_PER_EMAIL, LOGIN_LIMIT_PER_IP } from './login-rate-limiter';

/** Accounts and sessions against the run's PostgreSQL and Redis, with the real outbox. */
// argon2id is deliberately slow (tens to hundreds of ms per hash, more on a busy machine).
jest.setTimeout(60_000);

describe(AuthService.name, () => {
  let moduleRef: TestingModule;
  let auth: AuthService;
  let sessions: SessionsService;
  let db: DataSource;
  const password = 'a long passphrase';
  const newEmail = () => `int-${randomBytes(5).toString('hex')}@Example.org`;
  const register = (email: string) =>
    auth.register({ email, password, name: '王五', applicantType: 'natural_person', locale: 'en' });

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(
          loadConfig(
            testProcessEnv({
              PUBLIC_URL: 'https://portal.example.org',
              // The limit these tests check (the run's env lifts it for suites sharing 127.0.0.1).
              RATE_LIMIT_LOGIN_FAILURES_PER_IP: `${LOGIN_LIMIT_PER_IP.max}/15m`,
            }),
          ),
        ),
        DatabaseModule.forRoot('test'),
        MailModule,
        IdentityModule,
      ],
    }).compile();
    await moduleRef.init();
    auth = moduleRef.get(AuthService);
    sessions = moduleRef.get(SessionsService);
    db = moduleRef.get(getDataSourceToken());
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('registers an applicant with an argon2id hash and queues the verification email', async () => {
    const email = newEmail();
    const user = await register(email);
    expect(user).toMatchObject({
      email,
      role: 'applicant',
      applicantType: 'natural_person',
      emailVerified: false,
    });
    const [row] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);
    const [mail] = await db.query(
      `SELECT params, locale FROM outbox WHERE to_address = $1 AND template = 'verify_email'`,
      [email],
    );
    expect(mail.locale).toBe('en');
    expect(mail.params.link).toMatch(
      /^https:\/\/portal\.example\.org\/verify-email\?token=[A-Za-z0-9_-]{43}$/,
    );
    await expect(register(email.toUpperCase())).rejects.toBeInstanceOf(ConflictError);
  });

  it('logs in (email in any case) to a session stored only as a hash; a wrong password is refused', async () => {
    const email = newEmail();
    const user = await register(email);
    const login = await auth.login(email.toLowerCase(), password, { ip: '10.1.0.1' });
    expect((await sessions.authenticate(login.accessToken))?.id).toBe(user.id);
    // Only SHA-256(token) is stored.
    const stored = await db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND token_hash = sha256(convert_to($2, 'UTF8'))`,
      [user.id, login.accessToken],
    );
    expect(stored[0].n).toBe(1);
    await expect(auth.login(email, 'wrong password!', { ip: '10.1.0.1' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    await expect(auth.login(newEmail(), password, { ip: '10.1.0.1' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
  });

  it('rate-limits logins per email after 10 attempts, with a Retry-After, even with the right password', async () => {
    const email = newEmail();
    await register(email);
    for (let i = 0; i < LOGIN_LIMIT_PER_EMAIL.max; i++) {
      await expect(auth.login(email, 'wrong password!', { ip: `10.2.0.${i}` })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    const limited = await auth.login(email, password, { ip: '10.2.1.1' }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((limited as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('counts only failures against an IP: an office behind one NAT may sign in all day, a spray may not', async () => {
    const email = newEmail();
    await register(email);
    const ip = `10.3.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    for (let i = 0; i < LOGIN_LIMIT_PER_IP.max + 5; i++) await auth.login(email, password, { ip });
    for (let i = 0; i < LOGIN_LIMIT_PER_IP.max; i++) {
      await expect(auth.login(newEmail(), 'wrong password!', { ip })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await expect(auth.login(email, password, { ip })).rejects.toBeInstanceOf(RateLimitedError);
  }, 180_000);

  it('revokes the current session on logout and all sessions on demand', async () => {
    const email = newEmail();
    await register(email);
    const a = await auth.login(email, password);
    const b = await auth.login(email, password);
    const userA = await sessions.authenticate(a.accessToken);
    await auth.logout(userA!);
    expect(await sessions.authenticate(a.accessToken)).toBeNull();
    expect(await sessions.authenticate(b.accessToken)).not.toBeNull();
    expect(await sessions.revokeAll(b.userId)).toBe(1);
    expect(await sessions.authenticate(b.accessToken)).toBeNull();
  });

  it('refuses an expired session', async () => {
    const email = newEmail();
    await register(email);
    const login = await auth.login(email, password);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      login.sessionId,
    ]);
    expect(await sessions.authenticate(login.accessToken)).toBeNull();
  });
});
