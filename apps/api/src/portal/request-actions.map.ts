import type { AuthUser } from '@disclose/identity';
import type {
  AssignRequestService,
  ClarificationService,
  ClosingService,
  ConsultationService,
  DecisionService,
  ExtensionService,
  FeeService,
} from '@disclose/requests';
import * as dto from '../requests/dto/action.dto';
import { t, type MessageKey, type PortalLocale } from './i18n/i18n';
import type { ActionKey } from './views/staff-actions';

export interface ActionServices {
  assigning: AssignRequestService;
  clarifications: ClarificationService;
  consultations: ConsultationService;
  extensions: ExtensionService;
  fees: FeeService;
  decisions: DecisionService;
  closing: ClosingService;
}

/** The DTO instance, already validated (typed per action by its DTO class). */
type Call = (
  s: ActionServices,
  u: AuthUser,
  id: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry's DTO fixes the real type
  v: any,
  extra: Record<string, string | undefined>,
) => Promise<unknown>;

/** Each portal action: the API's DTO (same validation), its field labels, and the one service call. */
export interface ActionSpec {
  dto: new () => object;
  labels: Partial<Record<string, MessageKey>>;
  call: Call;
}

export const ACTIONS: Readonly<Record<ActionKey, ActionSpec>> = {
  assign: {
    dto: dto.AssignDto,
    labels: { clerkId: 'act.assignee' },
    call: (s, u, id, v) => s.assigning.execute(u, id, v),
  },
  clarify: {
    dto: dto.ClarificationRequestDto,
    labels: { message: 'act.clarifyMessage', replyBy: 'act.replyBy' },
    call: (s, u, id, v) => s.clarifications.request(u, id, v),
  },
  clarification: {
    dto: dto.ClarificationDto,
    labels: { text: 'request.clarifyAnswer', receivedOn: 'act.receivedOn' },
    call: (s, u, id, v) => s.clarifications.receive(u, id, v),
  },
  consult: {
    dto: dto.ConsultationDto,
    labels: { party: 'act.party', sentOn: 'act.sentOn' },
    call: (s, u, id, v) => s.consultations.start(u, id, v),
  },
  'consult-reply': {
    dto: dto.ConsultationReplyDto,
    labels: { receivedOn: 'act.receivedOn', opinion: 'act.opinion' },
    call: (s, u, id, v, extra) =>
      s.consultations.reply(u, id, extra.consultationId ?? '', { ...v, opinion: v.opinion ?? '' }),
  },
  extend: {
    dto: dto.ExtensionDto,
    labels: { workingDays: 'act.workingDays', reason: 'act.reason' },
    call: (s, u, id, v) => s.extensions.request(u, id, v),
  },
  approve: {
    dto: dto.ExtensionDecisionDto,
    labels: { note: 'act.note' },
    call: (s, u, id, v) => s.extensions.decide(u, id, true, v),
  },
  reject: {
    dto: dto.ExtensionDecisionDto,
    labels: { note: 'act.note' },
    call: (s, u, id, v) => s.extensions.decide(u, id, false, v),
  },
  fee: {
    dto: dto.FeeNoticeDto,
    labels: { amount: 'act.amount', basis: 'act.basis', pages: 'act.pages', reason: 'act.feeReason' },
    call: (s, u, id, v) => s.fees.notice(u, id, v),
  },
  waive: {
    dto: dto.CloseDto,
    labels: { note: 'act.reason' },
    call: (s, u, id, v) =>
      s.fees.notice(u, id, {
        basis: 'per_request',
        waive: true,
        reason: v.note,
        expectedVersion: v.expectedVersion,
      }),
  },
  payment: {
    dto: dto.FeePaymentDto,
    labels: { receivedOn: 'act.receivedOn' },
    call: (s, u, id, v) => s.fees.payment(u, id, v),
  },
  decide: {
    dto: dto.DecisionDto,
    labels: { outcome: 'act.outcome', reasons: 'act.reasons', message: 'act.decisionMessage' },
    call: (s, u, id, v) => s.decisions.execute(u, id, v),
  },
  close: {
    dto: dto.CloseDto,
    labels: { note: 'act.note' },
    call: (s, u, id, v) => s.closing.close(u, id, v),
  },
};

export function isActionKey(key: string): key is ActionKey {
  return Object.prototype.hasOwnProperty.call(ACTIONS, key);
}

const NUMERIC = new Set(['expectedVersion', 'workingDays', 'amount', 'pages']);

/** The form's `<key>.<prop>` fields as the DTO's plain object: numbers parsed, grounds split by line. */
export function actionInput(
  key: ActionKey,
  fields: Record<string, string | undefined>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { expectedVersion: fields.expectedVersion };
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith(`${key}.`)) out[name.slice(key.length + 1)] = value;
  }
  if (key === 'waive') out.note = fields['waive.reason'];
  for (const name of NUMERIC) {
    const v = out[name];
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) out[name] = Number(v);
  }
  if (key === 'decide')
    out.reasons = String(out.reasons ?? '')
      .split(/\r?\n/)
      .map((r) => r.trim())
      .filter(Boolean);
  return out;
}

export function actionLabels(key: ActionKey, locale: PortalLocale): Record<string, string> {
  const labels = ACTIONS[key].labels;
  return Object.fromEntries(Object.entries(labels).map(([prop, k]) => [prop, t(locale, k as MessageKey)]));
}
