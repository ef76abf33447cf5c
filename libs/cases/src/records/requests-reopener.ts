import { Injectable } from '@nestjs/common';
import { RequestAction } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner } from '@disclose/requests';
import type { ReopenOrder, RequestReopener } from './request-reopener';

/**
 * Reopens through the requests library's one transition path (lock, state machine decided/closed →
 * in_progress, hash-chained 'reopened' event, deadline recomputed from the log, milestones, applicant
 * notice). The clock restarts on the decision's date with the rule set's full period (toDeadlineInput).
 */
@Injectable()
export class RequestsReopener implements RequestReopener {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async reopen(actor: AuthUser, requestId: string, order: ReopenOrder): Promise<{ dueOn: string | null }> {
    const result = await this.runner.run(
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
