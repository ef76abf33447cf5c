import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicantNoticeKind, MilestoneSync, RequestMilestoneSnapshot } from './contract';

/** First cut of the contract: the planning and outbox writes land in the next commits. */
@Injectable()
export class MilestonesService implements MilestoneSync {
  async syncRequest(_manager: EntityManager, _snapshot: RequestMilestoneSnapshot, _now: Date): Promise<void> {
    // Intentionally empty in the first commit: the token and signatures are what callers need now.
  }

  async noticeApplicant(
    _manager: EntityManager,
    _snapshot: RequestMilestoneSnapshot,
    _kind: ApplicantNoticeKind,
    _eventId: string,
    _params?: Record<string, unknown>,
  ): Promise<void> {
    // Intentionally empty in the first commit.
  }
}
