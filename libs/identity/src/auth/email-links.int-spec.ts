import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { InvalidCredentialsError, TokenInvalidError } from '@disclose/domain';
import { MailModule } from '@disclose/mail';
import { testProcessEnv } from '@disclose/testing';
import { IdentityModule } from '../identity.module';
import { SessionsService } from '../sessions/sessions.service';
import { AuthService } from './auth.service';

/** Email verification and password reset, reading the links from the real outbox table. */
// argon2id is deliberately slow (tens to hundreds of ms per hash, more on a busy machine).
jest.setTimeout(60_000);

describe(`${AuthService.name}: emailed links`, () => {
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
