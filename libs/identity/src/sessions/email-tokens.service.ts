import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TokenInvalidError } from '@disclose/domain';
import type { EmailTokenPurpose } from './email-token.entity';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** How long an emailed link works: a day to verify an address, an hour to reset a password. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3600 * 1000,
  password_reset: 3600 * 1000,
};

/** Single-use tokens sent by email; stored hashed like sessions. */
@Injectable()
export class EmailTokensService {
  /** A new token for the user (older unused ones of the same purpose stop working). */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: EmailTokenPurpose,
  ): Promise<{ id: string; token: string }> {
    await manager.query(
      `UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    const { token, hash } = newToken();
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO email_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, purpose, hash, new Date(Date.now() + EMAIL_TOKEN_TTL_MS[purpose])],
    );
    return { id: rows[0].id, token };
  }

  /** Uses the token up (atomically: two concurrent uses, one wins) and returns its user; else 400. */
  async consume(manager: EntityManager, purpose: EmailTokenPurpose, token: string): Promise<string> {
    if (!looksLikeToken(token)) throw new TokenInvalidError();
    const result: [{ user_id: string }[], number] = await manager.query(
      `UPDATE email_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [hashToken(token), purpose],
    );
    const userId = result[0][0]?.user_id;
    if (!userId) throw new TokenInvalidError();
    return userId;
  }
}
