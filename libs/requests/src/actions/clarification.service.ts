import { Injectable } from '@nestjs/common';
import { RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/**
 * 补正 (Art. 30): the clerk asks once for the missing details with a reply-by date, which stops the clock;
 * the applicant's answer (online, or a paper reply recorded by staff) restarts it with the full period.
 */
@Injectable()
export class ClarificationService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async request(
    actor: AuthUser,
    requestId: string,
    input: { message: string; replyBy: string } & Versioned,
  ): Promise<ActionResult> {
    const warnings: string[] = [];
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.RequestClarification,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      ({ request, today }) => {
        if (input.replyBy <= today)
          throw new ValidationError([{ field: 'replyBy', code: 'must_be_after_today' }]);
        // Art. 30: the notice is due within 7 working days of receipt; a late one still stops the clock.
        const noticeDue = request.clarification_notice_due_on;
        if (noticeDue && today > noticeDue) warnings.push('late_clarification_notice');
        return {
          payload: { message: input.message, replyBy: input.replyBy, noticeDueOn: noticeDue },
          set: { clarification_reply_by: input.replyBy },
          notice: {
            kind: 'clarification_requested',
            params: { message: input.message, replyBy: input.replyBy },
          },
        };
      },
    );
    return actionResult(result, { clarificationReplyBy: input.replyBy, warnings });
  }

  async receive(
    actor: AuthUser,
    requestId: string,
    input: { text: string; receivedOn?: string } & Versioned,
  ): Promise<ActionResult> {
    const staff = actor.role !== 'applicant';
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.ReceiveClarification,
        roles: ['applicant', ...STAFF_WRITERS],
        expectedVersion: input.expectedVersion,
      },
      ({ today, events }) => {
        // Online answers count on the day they arrive; staff may record the date a paper reply arrived.
        const on = staff && input.receivedOn ? input.receivedOn : today;
        const asked = [...events].reverse().find((e) => e.type === 'clarification_requested');
        if (on > today || (asked && on < asked.on)) {
          throw new ValidationError([{ field: 'receivedOn', code: 'outside_clarification_period' }]);
        }
        return {
          on,
          payload: { text: input.text, receivedOn: on, channel: staff ? 'recorded_by_staff' : 'online' },
        };
      },
    );
    return actionResult(result);
  }
}
