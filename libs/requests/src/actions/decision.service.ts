import { Injectable } from '@nestjs/common';
import { isOutcomeCode, RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

export interface DecisionInput extends Versioned {
  /** One of the 21 annual-report rows (cn-annual-report.md B.4). */
  outcome: string;
  /** Grounds; a `withheld.*` outcome must name the exemption (Art. 36(3); FOIA exemption for US/UK). */
  reasons: string[];
  message: string;
}

/** The reply (Art. 36): outcome, reasons and message; the date of conclusion counts for the annual report. */
@Injectable()
export class DecisionService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async execute(actor: AuthUser, requestId: string, input: DecisionInput): Promise<ActionResult> {
    if (!isOutcomeCode(input.outcome))
      throw new ValidationError([{ field: 'outcome', code: 'unknown_outcome' }]);
    const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
    if (input.outcome.startsWith('withheld.') && reasons.length === 0) {
      throw new ValidationError([{ field: 'reasons', code: 'exemption_required' }]);
    }
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.Decide,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      ({ today }) => ({
        payload: { outcome: input.outcome, reasons, message: input.message },
        set: {
          outcome: input.outcome,
          outcome_reasons: JSON.stringify(reasons),
          decision_message: input.message,
          decided_on: today,
          closed_on: today,
        },
        notice: { kind: 'decision_made', params: { outcome: input.outcome } },
      }),
    );
    return actionResult(result, { outcome: result.request.outcome, decidedOn: result.request.decided_on });
  }
}
