import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import {
  ConflictError,
  InvalidCredentialsError,
  RateLimitedError,
  TokenInvalidError,
} from '@disclose/domain';
import { MailModule } from '@disclose/mail';
import { testProcessEnv } from '@disclose/testing';
import { IdentityModule } from '../identity.module';
import { SessionsService } from '../sessions/sessions.service';
import { AuthService } from './auth.service';
import { LOGIN_LIMIT_PER_EMAIL } from './login-rate-limiter';

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

  /** The token in the link of the last email of that template to that address (read from the outbox). */
  async function emailedToken(email: string, template: string): Promise<string> {
    const rows: { link: string }[] = await db.query(
      `SELECT params->>'link' AS link FROM outbox WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1`,
      [email, template],
    );
    return new URL(rows[0].link).searchParams.get('token') as string;
  }

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig(testProcessEnv({ PUBLIC_URL: 'https://portal.example.org' }))),
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

  it('verifies the email with the emailed token, once', async () => {
    const email = newEmail();
    const user = await register(email);
    const token = await emailedToken(email, 'verify_email');
    await auth.verifyEmail(token);
    const [row] = await db.query(`SELECT email_verified_at FROM users WHERE id = $1`, [user.id]);
    expect(row.email_verified_at).toBeInstanceOf(Date);
    await expect(auth.verifyEmail(token)).rejects.toBeInstanceOf(TokenInvalidError);
    await expect(auth.verifyEmail('x'.repeat(43))).rejects.toBeInstanceOf(TokenInvalidError);
  });

  it('resets the password by emailed link: old password and every session stop working, the link works once', async () => {
    const email = newEmail();
    await register(email);
    const session = await auth.login(email, password);
    await auth.requestPasswordReset(email.toUpperCase());
    await auth.requestPasswordReset(newEmail()); // unknown address: no error, no email
    const token = await emailedToken(email, 'password_reset');
    await auth.confirmPasswordReset(token, 'a brand new passphrase');
    expect(await sessions.authenticate(session.accessToken)).toBeNull();
    await expect(auth.login(email, password)).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect((await auth.login(email, 'a brand new passphrase')).accessToken).toHaveLength(43);
    await expect(auth.confirmPasswordReset(token, 'yet another passphrase')).rejects.toBeInstanceOf(
      TokenInvalidError,
    );
  });

  it('expires a reset link after its hour', async () => {
    const email = newEmail();
    await register(email);
    await auth.requestPasswordReset(email);
    const token = await emailedToken(email, 'password_reset');
    await db.query(
      `UPDATE email_tokens SET expires_at = now() - interval '1 second'
        WHERE purpose = 'password_reset' AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    await expect(auth.confirmPasswordReset(token, 'a brand new passphrase')).rejects.toBeInstanceOf(
      TokenInvalidError,
    );
  });
});
