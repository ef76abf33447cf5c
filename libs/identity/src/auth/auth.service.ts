import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import { InvalidCredentialsError, ValidationError } from '@disclose/domain';
import { OUTBOX, type Outbox } from '@disclose/mail';
import type { AuthUser, Locale } from '../contract';
import { EMAIL_TOKEN_TTL_MS, EmailTokensService } from '../sessions/email-tokens.service';
import type { EmailTokenPurpose } from '../sessions/email-token.entity';
import { SessionsService } from '../sessions/sessions.service';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../users/passwords';
import { NewApplicantInput, UsersService } from '../users/users.service';
import type { UserView } from '../users/user-view';
import { LoginRateLimiter } from './login-rate-limiter';

export interface LoginResult {
  accessToken: string;
  expiresAt: Date;
  sessionId: string;
  userId: string;
}

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

interface Credentials {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  password_hash: string | null;
  disabled_at: Date | null;
}

/** Registration, login and logout, email verification and password reset. Passwords are never logged. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly emailTokens: EmailTokensService,
    private readonly limiter: LoginRateLimiter,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new applicant account, plus the verification email (an outbox row in the same transaction). */
  async register(input: NewApplicantInput): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.createApplicant(input, manager);
      await this.sendLink(manager, { ...user, email: user.email as string }, 'verify_email');
      return user;
    });
  }

  async login(email: string, password: string, client: ClientMeta = {}): Promise<LoginResult> {
    await this.limiter.hit(email, client.ip);
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT id, email, name, locale, password_hash, disabled_at FROM users WHERE email = $1`,
      [email.trim()],
    );
    const user = rows[0];
    // verifyPassword burns one argon2 verification even without a user, so timing does not tell.
    const ok = await verifyPassword(user?.password_hash, password);
    if (!user || !ok || user.disabled_at) throw new InvalidCredentialsError();
    await this.limiter.reset(email, client.ip);
    const session = await this.sessions.create(user.id, client);
    return {
      accessToken: session.token,
      expiresAt: session.expiresAt,
      sessionId: session.sessionId,
      userId: user.id,
    };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.sessions.revoke(user.sessionId);
  }

  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.emailTokens.consume(manager, 'verify_email', token);
      await manager.query(
        `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1`,
        [userId],
      );
    });
  }

  /** Sends a reset link if the email has an account; answers the same either way (no enumeration). */
  async requestPasswordReset(email: string): Promise<void> {
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT id, email, name, locale, disabled_at FROM users WHERE email = $1`,
      [email.trim()],
    );
    const user = rows[0];
    if (!user || user.disabled_at) return;
    await this.dataSource.transaction((manager) => this.sendLink(manager, user, 'password_reset'));
  }

  /** Sets the new password, marks the email verified (the link proved it) and ends every session. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    assertPasswordPolicy(password);
    const hash = await hashPassword(password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const userId = await this.emailTokens.consume(manager, 'password_reset', token);
      await manager.query(
        `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()),
                updated_at = now() WHERE id = $1`,
        [userId, hash],
      );
      await this.sessions.revokeAll(userId, manager);
      return userId;
    });
    await this.sessions.invalidate({ userId });
  }

  /**
   * Changes the signed-in user's password after checking the current one, and ends every other session of
   * the account (a stolen session elsewhere does not survive the change); the current one stays.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    assertPasswordPolicy(newPassword, 'newPassword');
    // Counts against the account's sign-in limit: a stolen session cannot guess the password at speed.
    await this.limiter.hit(user.email ?? user.id, undefined);
    const rows: { password_hash: string | null }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1`,
      [user.id],
    );
    if (!(await verifyPassword(rows[0]?.password_hash ?? null, currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', code: 'wrong_password' }]);
    }
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        user.id,
        hash,
      ]);
      await this.sessions.revokeAll(user.id, manager, user.sessionId);
    });
    await this.limiter.reset(user.email ?? user.id);
    await this.sessions.invalidate({ userId: user.id });
  }

  private async sendLink(
    manager: EntityManager,
    user: { id: string; email: string; name: string; locale: Locale },
    purpose: EmailTokenPurpose,
  ): Promise<void> {
    const { id, token } = await this.emailTokens.issue(manager, user.id, purpose);
    const page = purpose === 'verify_email' ? 'verify-email' : 'reset-password';
    await this.outbox.enqueue(manager, [
      {
        dedupeKey: `${purpose}:${id}`,
        to: user.email,
        locale: user.locale,
        template: purpose,
        params: {
          name: user.name,
          link: `${this.config.publicUrl}/${page}?token=${token}`,
          ...(purpose === 'password_reset'
            ? { expiresInMinutes: EMAIL_TOKEN_TTL_MS.password_reset / 60_000 }
            : {}),
        },
        recipientUserId: user.id,
      },
    ]);
  }
}
