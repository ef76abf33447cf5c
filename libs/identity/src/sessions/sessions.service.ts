import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../contract';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** Absolute lifetime of a session: it ends after this however active it is (re-login needed). */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** last_seen_at is refreshed at most this often, so authenticated reads do not each write a row. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
/**
 * A resolved session is reused for this long by the same process, sparing a query per API call. A revocation
 * by this process takes effect at once; one made by another api process within this many ms at most.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  id: string;
  role: AuthUser['role'];
  agency_id: string | null;
  email: string | null;
  name: string;
  locale: AuthUser['locale'];
  applicant_type: AuthUser['applicantType'];
}

/** Opaque bearer sessions stored as SHA-256 hashes in PostgreSQL (so any api process can check them). */
@Injectable()
export class SessionsService {
  private readonly cache = new Map<string, { user: AuthUser; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async create(userId: string, meta: { userAgent?: string; ip?: string } = {}): Promise<NewSession> {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, hash, expiresAt, meta.userAgent?.slice(0, 500) ?? null, meta.ip ?? null],
    );
    return { token, sessionId: rows[0].id, expiresAt };
  }

  /** The user of a live session (not expired, not revoked, user not disabled), or null. */
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!looksLikeToken(token)) return null;
    const key = hashToken(token);
    const cached = this.cache.get(key.toString('base64'));
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await this.lookup(key);
    if (user) {
      if (this.cache.size >= SESSION_CACHE_MAX) this.cache.clear();
      this.cache.set(key.toString('base64'), { user, until: Date.now() + SESSION_CACHE_MS });
    } else {
      this.cache.delete(key.toString('base64'));
    }
    return user;
  }

  private async lookup(tokenHash: Buffer): Promise<AuthUser | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, u.id, u.role, u.agency_id, u.email, u.name, u.locale,
              u.applicant_type
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
    }
    return {
      id: row.id,
      role: row.role,
      agencyId: row.agency_id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      applicantType: row.applicant_type,
      sessionId: row.session_id,
    };
  }

  /** Ends one session (logout). */
  async revoke(sessionId: string): Promise<void> {
    this.forget((user) => user.sessionId === sessionId);
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Ends every session of a user (password reset, "sign out everywhere", disabling an account). */
  async revokeAll(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    this.forget((user) => user.id === userId);
    const result: [unknown[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return result[1];
  }

  private forget(match: (user: AuthUser) => boolean): void {
    for (const [key, entry] of this.cache) if (match(entry.user)) this.cache.delete(key);
  }
}
