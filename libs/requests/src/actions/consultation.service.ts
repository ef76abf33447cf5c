import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFoundError, RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/**
 * Consultations of third parties (Art. 32) and other agencies (Art. 34): the working days from the letter
 * to the opinion are not counted (Art. 33(3)); overlapping consultations form one pause.
 */
@Injectable()
export class ConsultationService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async start(
    actor: AuthUser,
    requestId: string,
    input: { party: string; sentOn: string } & Versioned,
  ): Promise<ActionResult> {
    const consultationId = randomUUID();
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.StartConsultation,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager, request, today }) => {
        if (input.sentOn > today || input.sentOn < request.received_on) {
          throw new ValidationError([{ field: 'sentOn', code: 'outside_request_period' }]);
        }
        await manager.query(
          `INSERT INTO consultations (id, request_id, party, sent_on) VALUES ($1, $2, $3, $4)`,
          [consultationId, requestId, input.party, input.sentOn],
        );
        return { on: input.sentOn, payload: { consultationId, party: input.party, sentOn: input.sentOn } };
      },
    );
    return actionResult(result, { consultationId });
  }

  async reply(
    actor: AuthUser,
    requestId: string,
    consultationId: string,
    input: { receivedOn: string; opinion: string } & Versioned,
  ): Promise<ActionResult> {
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.ReceiveConsultationReply,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager, today }) => {
        const [c]: Array<{ sent_on: string; replied_on: string | null }> = await manager.query(
          `SELECT sent_on::text, replied_on::text FROM consultations WHERE id = $1 AND request_id = $2`,
          [consultationId, requestId],
        );
        if (!c || c.replied_on) throw new NotFoundError('REQUEST.NOT_FOUND', consultationId);
        if (input.receivedOn < c.sent_on || input.receivedOn > today) {
          throw new ValidationError([{ field: 'receivedOn', code: 'outside_consultation_period' }]);
        }
        await manager.query(`UPDATE consultations SET replied_on = $2, opinion = $3 WHERE id = $1`, [
          consultationId,
          input.receivedOn,
          input.opinion,
        ]);
        return {
          on: input.receivedOn,
          payload: { consultationId, receivedOn: input.receivedOn, opinion: input.opinion },
        };
      },
    );
    return actionResult(result, { consultationId });
  }
}
