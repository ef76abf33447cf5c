import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestAction } from '@disclose/domain';
import type { AuthUser, Role } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/** Art. 33(2): an extension needs the approval of the head of the GI work unit (here: a supervisor). */
const APPROVERS: readonly Role[] = ['supervisor', 'admin'];

/** A clerk asks for an extension; a supervisor approves it (the due date moves) or rejects it. */
@Injectable()
export class ExtensionService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async request(
    actor: AuthUser,
    requestId: string,
    input: { workingDays: number; reason: string } & Versioned,
  ): Promise<ActionResult> {
    const extensionId = randomUUID();
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.RequestExtension,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager, today }) => {
        await manager.query(
          `INSERT INTO extensions (id, request_id, working_days, reason, requested_by, requested_on)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [extensionId, requestId, input.workingDays, input.reason, actor.id, today],
        );
        return { payload: { extensionId, workingDays: input.workingDays, reason: input.reason } };
      },
    );
    return actionResult(result, { extensionId });
  }

  async decide(
    actor: AuthUser,
    requestId: string,
    approve: boolean,
    input: Versioned & { note?: string },
  ): Promise<ActionResult> {
    let extensionId = '';
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: approve ? RequestAction.ApproveExtension : RequestAction.RejectExtension,
        roles: APPROVERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager, today }) => {
        const [ext]: Array<{ id: string; working_days: number; reason: string }> = await manager
          .query(
            `UPDATE extensions SET status = $2, decided_by = $3, decided_on = $4
           WHERE request_id = $1 AND status = 'pending' RETURNING id, working_days, reason`,
            [requestId, approve ? 'approved' : 'rejected', actor.id, today],
          )
          .then(
            (r: unknown[]) =>
              (Array.isArray(r[0]) ? r[0] : r) as Array<{ id: string; working_days: number; reason: string }>,
          );
        extensionId = ext.id;
        // The engine refuses a total beyond the rule set's maximum (DeadlineRuleError → 422, rolled back).
        return {
          payload: { extensionId: ext.id, workingDays: ext.working_days, note: input.note ?? null },
          notice: approve
            ? { kind: 'extension_granted', params: { workingDays: ext.working_days, reason: ext.reason } }
            : undefined,
        };
      },
    );
    return actionResult(result, { extensionId });
  }
}
