import { Injectable } from '@nestjs/common';
import { RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestAccess } from '../lifecycle/request-access';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/** Assigns a request to a clerk, who must be staff of an agency the assigner can see. */
@Injectable()
export class AssignRequestService {
  constructor(
    private readonly runner: RequestTransitionRunner,
    private readonly access: RequestAccess,
  ) {}

  async execute(
    actor: AuthUser,
    requestId: string,
    input: { clerkId: string } & Versioned,
  ): Promise<ActionResult> {
    const visible = await this.access.visibleAgencyIds(actor);
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.Assign,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager }) => {
        const [clerk]: Array<{ agency_id: string | null; role: string }> = await manager.query(
          `SELECT agency_id, role FROM users WHERE id = $1 AND disabled_at IS NULL`,
          [input.clerkId],
        );
        const staff = clerk && ['clerk', 'supervisor', 'admin'].includes(clerk.role);
        if (!staff || !clerk.agency_id || !visible.includes(clerk.agency_id)) {
          throw new ValidationError([{ field: 'clerkId', code: 'not_a_visible_clerk' }]);
        }
        return { payload: { assigneeId: input.clerkId }, set: { assignee_id: input.clerkId } };
      },
    );
    return actionResult(result, { assigneeId: result.request.assignee_id });
  }
}
