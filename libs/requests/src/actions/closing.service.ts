import { Injectable } from '@nestjs/common';
import {
  InvalidTransitionError,
  lapseOutcome,
  RequestAction,
  RequestStatus,
  WITHDRAWN_OUTCOME,
} from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/** Ends a request: close after the decision, the applicant's withdrawal, or a lapse (Art. 30, fee notice). */
@Injectable()
export class ClosingService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async close(
    actor: AuthUser,
    requestId: string,
    input: Versioned & { note?: string },
  ): Promise<ActionResult> {
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.Close,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      () => ({ payload: { note: input.note ?? null } }),
    );
    return actionResult(result);
  }

  /** By the applicant online, or recorded by staff from a letter; counted as row 三(六)3 (B.4). */
  async withdraw(
    actor: AuthUser,
    requestId: string,
    input: Versioned & { reason?: string },
  ): Promise<ActionResult> {
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.Withdraw,
        roles: ['applicant', ...STAFF_WRITERS],
        expectedVersion: input.expectedVersion,
      },
      ({ today }) => ({
        payload: { reason: input.reason ?? null },
        set: { outcome: WITHDRAWN_OUTCOME, closed_on: today },
        notice: { kind: 'withdrawn' },
      }),
    );
    return actionResult(result);
  }

  /** Clarification (Art. 30) or fee (cn.md A.9) not supplied in time: deemed abandoned. */
  async lapse(
    actor: AuthUser,
    requestId: string,
    input: Versioned & { reason: 'clarification' | 'fee' },
  ): Promise<ActionResult> {
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.Lapse,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      ({ request, today }) => {
        const expected =
          input.reason === 'clarification' ? RequestStatus.AwaitingClarification : RequestStatus.AwaitingFee;
        if (request.status !== expected) {
          throw new InvalidTransitionError(
            request.status,
            RequestAction.Lapse,
            `not awaiting the ${input.reason}`,
          );
        }
        const outcome = lapseOutcome(request.status);
        return {
          payload: { reason: input.reason, outcome },
          set: { outcome, decided_on: today, closed_on: today },
          notice: { kind: 'decision_made', params: { outcome } },
        };
      },
    );
    return actionResult(result, { outcome: result.request.outcome });
  }
}
