import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestAction } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner } from '@disclose/requests';
import type { ReopenOrder, RequestReopener } from './request-reopener';

/**
 * Reopens through the requests library's one transition path (lock, state machine decided/closed →
 * in_progress, hash-chained 'reopened' event, deadline recomputed from the log, milestones, applicant
 * notice), in the case's transaction. The clock restarts on the decision's date (toDeadlineInput); a reply
 * date fixed by the decision (`orderedDueOn`) is the due date, with a trace line saying so.
 */
@Injectable()
export class RequestsReopener implements RequestReopener {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async reopen(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    order: ReopenOrder,
  ): Promise<{ dueOn: string | null }> {
    const result = await this.runner.runIn(
      manager,
      { requestId, actor, action: RequestAction.Reopen, roles: ['legal', 'admin'] },
      () => ({
        payload: {
          caseId: order.caseId,
          disposition: order.disposition,
          newReceivedOn: order.decidedOn,
          orderedDueOn: order.orderedDueOn,
        },
        set: { closed_on: null },
        notice: { kind: 'reopened', params: { caseId: order.caseId } },
      }),
    );
    return { dueOn: result.request.due_on };
  }
}
