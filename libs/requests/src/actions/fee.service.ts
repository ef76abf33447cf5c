import { Injectable } from '@nestjs/common';
import { computeLegalDeadline } from '@disclose/deadlines';
import { proposeCnFee, RequestAction, ValidationError, type CnFeeProposal } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import type { RequestRow } from '../lifecycle/request-row';
import { actionResult, type ActionResult, type Versioned } from './action-result';

export interface FeeNoticeInput extends Versioned {
  /** Yuan; defaults to the system's proposal under cn-ogi-2019. */
  amount?: number;
  basis: 'per_request' | 'per_page';
  pages?: number;
  /** Required when the amount differs from the proposal. */
  reason?: string;
  /** Waive the fee of a pending notice instead (the clock runs again, like a payment). */
  waive?: boolean;
}

/** 信息处理费 (cn.md A.9): notice (proposed, confirmed, changed with a reason, or waived) and payment. */
@Injectable()
export class FeeService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async notice(actor: AuthUser, requestId: string, input: FeeNoticeInput): Promise<ActionResult> {
    const base = { requestId, actor, roles: STAFF_WRITERS, expectedVersion: input.expectedVersion };
    if (input.waive) {
      const result = await this.runner.run({ ...base, action: RequestAction.WaiveFee }, () => ({
        payload: { reason: input.reason ?? null },
        set: { fee_waived: true },
      }));
      return actionResult(result, { feeWaived: true });
    }
    let proposal: CnFeeProposal | null = null;
    const result = await this.runner.run(
      { ...base, action: RequestAction.IssueFeeNotice },
      ({ request, today }) => {
        proposal = this.propose(request, input);
        const amountFen = input.amount === undefined ? proposal?.amountFen : Math.round(input.amount * 100);
        if (amountFen === undefined) throw new ValidationError([{ field: 'amount', code: 'required' }]);
        if (amountFen <= 0) throw new ValidationError([{ field: 'amount', code: 'must_be_positive' }]);
        if (proposal && amountFen !== proposal.amountFen && !input.reason?.trim()) {
          throw new ValidationError([{ field: 'reason', code: 'required_when_amount_differs' }]);
        }
        // The applicant pays within 20 WD of receiving the notice (cn.md A.9), else the request lapses.
        const feePaymentDueOn = request.rule_set.startsWith('cn-')
          ? computeLegalDeadline({ kind: 'cn-fee-payment', from: today }).dueOn
          : null;
        return {
          payload: {
            amountFen,
            basis: input.basis,
            pages: input.pages ?? null,
            proposedFen: proposal?.amountFen ?? null,
            reason: input.reason ?? null,
          },
          set: {
            fee_amount_fen: amountFen,
            fee_basis: input.basis,
            fee_payment_due_on: feePaymentDueOn,
            fee_waived: false,
          },
          notice: {
            kind: 'fee_notice',
            params: { amountFen, amountYuan: amountFen / 100, basis: input.basis, feePaymentDueOn },
          },
        };
      },
    );
    return actionResult(result, {
      amountFen: result.request.fee_amount_fen,
      feePaymentDueOn: result.request.fee_payment_due_on,
      proposal,
    });
  }

  async payment(
    actor: AuthUser,
    requestId: string,
    input: { receivedOn: string } & Versioned,
  ): Promise<ActionResult> {
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.RecordFeePayment,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      ({ events, today }) => {
        const notice = [...events].reverse().find((e) => e.type === 'fee_notice_issued');
        if (input.receivedOn > today || (notice && input.receivedOn < notice.on)) {
          throw new ValidationError([{ field: 'receivedOn', code: 'outside_fee_period' }]);
        }
        return { on: input.receivedOn, payload: { receivedOn: input.receivedOn } };
      },
    );
    return actionResult(result);
  }

  /** cn-ogi-2019 only: the tier by the applicant's count this month, or the page bands. */
  private propose(request: RequestRow, input: FeeNoticeInput): CnFeeProposal | null {
    if (request.rule_set !== 'cn-ogi-2019') return null;
    if (input.basis === 'per_page') {
      if (input.pages === undefined)
        throw new ValidationError([{ field: 'pages', code: 'required_for_per_page' }]);
      return proposeCnFee({ basis: 'per_page', pages: input.pages });
    }
    return proposeCnFee({ basis: 'per_request', requestNumberThisMonth: request.applicant_month_count });
  }
}
