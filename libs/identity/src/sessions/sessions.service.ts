import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@disclose/config';
import type { AuthUser } from '../contract';
import { IdentityRedis } from '../rate-limit/identity-redis';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** Default absolute lifetime of a session (SESSION_TTL_DAYS): it ends after this however active it is. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** last_seen_at is refreshed at most this often, so authenticated reads do not each write a row. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
/**
 * A resolved session is reused for this long by the same process, sparing a query per API call. Every
 * revocation is published on Redis (`REDIS_PREFIX:identity:sessions`) and each api process drops the
 * matching entries at once; the cache is only used while that subscription is live, so a revocation
 * never outlives the publish by more than the delivery of one Redis message. Without Redis at all
 * (QUEUE_BACKEND=postgres) another process may serve a revoked session for at most this long.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const CHANNEL = 'sessions';

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/** What a revocation message names: one session, or every session of a user. */
export type SessionRevocation = { sessionId: string } | { userId: string };

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

/**
 * Opaque bearer sessions stored as SHA-256 hashes in PostgreSQL (so any api process can check them).
 * A session ends at its absolute expiry (SESSION_TTL_DAYS), after SESSION_IDLE_MINUTES without use, when
 * revoked (logout, password change or reset, an admin), or when its user is disabled.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('identity');
  private readonly cache = new Map<string, { user: AuthUser; until: number }>();
  /** undefined: not subscribed yet; the cache is used only when true, or when there is no Redis at all. */
  private invalidationLive?: boolean;
  private readonly ttlMs: number;
  private readonly idleMs: number;
  private readonly lastSeenResolutionMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: IdentityRedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.sessionTtlDays * 24 * 3600 * 1000;
    this.idleMs = config.sessionIdleMinutes * 60 * 1000;
    this.lastSeenResolutionMs = this.idleMs
      ? Math.min(LAST_SEEN_RESOLUTION_MS, Math.floor(this.idleMs / 10))
      : LAST_SEEN_RESOLUTION_MS;
  }

  async create(userId: string, meta: { userAgent?: string; ip?: string } = {}): Promise<NewSession> {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent, ip)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, hash, expiresAt, meta.userAgent?.slice(0, 500) ?? null, meta.ip ?? null],
    );
    return { token, sessionId: rows[0].id, expiresAt };
  }

  /** The user of a live session (not expired, not idle too long, not revoked, user not disabled), or null. */
  async authenticate(token: string): Promise<AuthUser | null> {
    if (!looksLikeToken(token)) return null;
    const useCache = this.cacheUsable();
    const key = hashToken(token);
    const cacheKey = key.toString('base64');
    const cached = useCache ? this.cache.get(cacheKey) : undefined;
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await this.lookup(key);
    if (user && useCache) {
      if (this.cache.size >= SESSION_CACHE_MAX) this.cache.clear();
      this.cache.set(cacheKey, { user, until: Date.now() + SESSION_CACHE_MS });
    } else {
      this.cache.delete(cacheKey);
    }
    return user;
  }

  private cacheUsable(): boolean {
    if (!this.redis.client) return true;
    if (this.invalidationLive === undefined) {
      this.invalidationLive = false;
      this.redis.subscribe(
        CHANNEL,
        (message) => this.onRevocation(message),
        (live) => {
          // Messages may have been missed while the subscription was down: start from an empty cache.
          if (live !== this.invalidationLive) this.cache.clear();
          this.invalidationLive = live;
        },
      );
    }
    return this.invalidationLive;
  }

  private async lookup(tokenHash: Buffer): Promise<AuthUser | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, u.id, u.role, u.agency_id, u.email, u.name, u.locale,
              u.applicant_type
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
          AND ($2::bigint = 0 OR s.last_seen_at > now() - $2::bigint * interval '1 millisecond')`,
      [tokenHash, this.idleMs],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > this.lastSeenResolutionMs) {
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
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
    await this.invalidate({ sessionId });
  }

  /**
   * Ends every session of a user (password reset, "sign out everywhere", disabling an account), except
   * `keepSessionId` if given (a password change keeps the session that made it). Inside a caller's
   * transaction (`manager`), the caller must call {@link invalidate} after the commit: other processes
   * told earlier could re-read the still-live rows and cache them again.
   */
  async revokeAll(userId: string, manager?: EntityManager, keepSessionId?: string): Promise<number> {
    const result: [unknown[], number] = await (manager ?? this.dataSource.manager).query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keepSessionId ?? null],
    );
    if (!manager) await this.invalidate({ userId });
    return result[1];
  }

  /**
   * Drops the matching cached sessions here and tells every other api process to do the same. A lost
   * message (Redis down) is covered: a process caches only while its subscription is live.
   */
  async invalidate(revocation: SessionRevocation): Promise<void> {
    this.forget(revocation);
    const client = this.redis.client;
    if (!client) return;
    try {
      await client.publish(`${this.redis.prefix}:${CHANNEL}`, JSON.stringify(revocation));
    } catch (error) {
      this.logger.warn(`session revocation not published: ${(error as Error).message}`);
    }
  }

  private onRevocation(message: string): void {
    try {
      const revocation = JSON.parse(message) as Partial<Record<'sessionId' | 'userId', unknown>>;
      if (typeof revocation.sessionId === 'string') this.forget({ sessionId: revocation.sessionId });
      else if (typeof revocation.userId === 'string') this.forget({ userId: revocation.userId });
    } catch {
      this.cache.clear();
    }
  }

  private forget(revocation: SessionRevocation): void {
    const match =
      'sessionId' in revocation
        ? (user: AuthUser) => user.sessionId === revocation.sessionId
        : (user: AuthUser) => user.id === revocation.userId;
    for (const [key, entry] of this.cache) if (match(entry.user)) this.cache.delete(key);
  }
}
