import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '@disclose/domain';
import type { AuthUser } from '../contract';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from './users.service';
import type { UserView } from './user-view';

/** What an administrator does to an account: disable or enable it, end its sessions. */
@Injectable()
export class AccountAdminService {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Disables an account (it can no longer sign in, and every session ends at once, in every api process)
   * or enables it again. Admins cannot disable themselves (there might be no one left to undo it).
   */
  async setDisabled(actor: AuthUser, userId: string, disabled: boolean): Promise<UserView> {
    if (disabled && actor.id === userId) {
      throw new ValidationError([{ field: 'id', code: 'cannot_disable_self' }]);
    }
    const updated = await this.dataSource.transaction(async (manager) => {
      const result: [unknown[], number] = await manager.query(
        `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
          WHERE id = $1`,
        [userId, disabled],
      );
      if (result[1] === 0) return false;
      if (disabled) await this.sessions.revokeAll(userId, manager);
      return true;
    });
    if (!updated) throw new NotFoundError('USER.NOT_FOUND', userId);
    if (disabled) await this.sessions.invalidate({ userId });
    // Ids only: who did it to which account (no personal data in logs).
    this.logger.log({ actorId: actor.id, userId }, disabled ? 'account disabled' : 'account enabled');
    return this.users.getById(userId);
  }

  /** Ends every session of a user ("sign out everywhere"); answers how many were live. */
  async revokeSessions(userId: string, actor?: AuthUser): Promise<number> {
    await this.users.getById(userId); // 404 for an unknown id
    const revoked = await this.sessions.revokeAll(userId);
    this.logger.log({ actorId: actor?.id ?? null, userId, revoked }, 'sessions revoked by an administrator');
    return revoked;
  }
}
