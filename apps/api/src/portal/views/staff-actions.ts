import { allowedActions, RequestAction as A, RequestStatus } from '@disclose/domain';
import type { UserView } from '@disclose/identity';
import { t, type MessageKey } from '../i18n/i18n';
import { outcomeOptions } from '../i18n/vocab';
import { CSRF_FIELD, type PortalContext } from '../http/portal-context';
import type { RequestDetail } from '../http/request-detail';
import {
  button,
  checkbox,
  csrfField,
  fieldId,
  select,
  textArea,
  textInput,
  type FormError,
} from './components';
import { html, type HtmlValue, type SafeHtml } from './html';

/** Portal action keys → the lifecycle action each one performs (the URL is /requests/:id/actions/<key>). */
export const ACTION_KEYS = {
  assign: A.Assign,
  clarify: A.RequestClarification,
  clarification: A.ReceiveClarification,
  consult: A.StartConsultation,
  'consult-reply': A.ReceiveConsultationReply,
  extend: A.RequestExtension,
  approve: A.ApproveExtension,
  reject: A.RejectExtension,
  fee: A.IssueFeeNotice,
  waive: A.WaiveFee,
  payment: A.RecordFeePayment,
  decide: A.Decide,
  close: A.Close,
} as const;
export type ActionKey = keyof typeof ACTION_KEYS;

const TITLES: Record<ActionKey, MessageKey> = {
  assign: 'act.assign',
  clarify: 'act.clarify',
  clarification: 'act.recordClarification',
  consult: 'act.consult',
  'consult-reply': 'act.consultReply',
  extend: 'act.extend',
  approve: 'act.approve',
  reject: 'act.reject',
  fee: 'act.fee',
  waive: 'act.waive',
  payment: 'act.payment',
  decide: 'act.decide',
  close: 'act.close',
};

interface Ctx {
  ctx: PortalContext;
  r: RequestDetail;
  errors: FormError[];
  today: string;
}

function form(
  c: Ctx,
  key: ActionKey,
  title: string,
  fields: HtmlValue,
  kind: 'primary' | 'warning' = 'primary',
): SafeHtml {
  return html`<section class="action" id="${fieldId(key)}" aria-labelledby="${fieldId(key)}-title">
    <h3 id="${fieldId(key)}-title">${title}</h3>
    <form method="post" action="/requests/${c.r.id}/actions/${key}" novalidate>
      ${csrfField(c.ctx)} <input type="hidden" name="expectedVersion" value="${c.r.version}" />${fields}
      ${button(t(c.ctx.locale, 'act.submit'), kind)}
    </form>
  </section>`;
}

function fieldsOf(c: Ctx, key: ActionKey, clerks: UserView[]): HtmlValue {
  const l = c.ctx.locale;
  const e = c.errors;
  const n = (prop: string): string => `${key}.${prop}`;
  const date = (prop: string, label: MessageKey, value = c.today) =>
    textInput({ name: n(prop), label: t(l, label), type: 'date', value, errors: e });
  switch (key) {
    case 'assign':
      return select({
        name: n('clerkId'),
        label: t(l, 'act.assignee'),
        errors: e,
        value: c.r.assigneeId ?? undefined,
        options: clerks.map((u) => ({ value: u.id, text: `${u.name} (${u.email ?? ''})` })),
      });
    case 'clarify':
      return [
        textArea({ name: n('message'), label: t(l, 'act.clarifyMessage'), errors: e, rows: 4 }),
        textInput({ name: n('replyBy'), label: t(l, 'act.replyBy'), type: 'date', errors: e }),
      ];
    case 'clarification':
      return [
        textArea({ name: n('text'), label: t(l, 'request.clarifyAnswer'), errors: e, rows: 3 }),
        date('receivedOn', 'act.receivedOn'),
      ];
    case 'consult':
      return [
        textInput({ name: n('party'), label: t(l, 'act.party'), errors: e }),
        date('sentOn', 'act.sentOn'),
      ];
    case 'consult-reply': {
      const open = c.r.consultations.find((x) => !x.repliedOn);
      return html`<input
          type="hidden"
          name="consultationId"
          value="${open?.id ?? ''}"
        />${date('receivedOn', 'act.receivedOn')}${textArea({ name: n('opinion'), label: t(l, 'act.opinion'), errors: e, rows: 3 })}`;
    }
    case 'extend':
      return [
        textInput({
          name: n('workingDays'),
          label: t(l, 'act.workingDays'),
          inputmode: 'numeric',
          errors: e,
        }),
        textArea({ name: n('reason'), label: t(l, 'act.reason'), errors: e, rows: 2 }),
      ];
    case 'approve':
    case 'reject':
      return textInput({ name: n('note'), label: t(l, 'act.note'), errors: e });
    case 'fee':
      return [
        textInput({ name: n('amount'), label: t(l, 'act.amount'), inputmode: 'decimal', errors: e }),
        select({
          name: n('basis'),
          label: t(l, 'act.basis'),
          errors: e,
          value: 'per_request',
          options: [
            { value: 'per_request', text: t(l, 'act.basis.per_request') },
            { value: 'per_page', text: t(l, 'act.basis.per_page') },
          ],
        }),
        textInput({ name: n('pages'), label: t(l, 'act.pages'), inputmode: 'numeric', errors: e }),
        textInput({ name: n('reason'), label: t(l, 'act.feeReason'), errors: e }),
      ];
    case 'waive':
      return textInput({ name: n('reason'), label: t(l, 'act.reason'), errors: e });
    case 'payment':
      return date('receivedOn', 'act.receivedOn');
    case 'decide':
      return [
        select({ name: n('outcome'), label: t(l, 'act.outcome'), options: outcomeOptions(l), errors: e }),
        textArea({ name: n('reasons'), label: t(l, 'act.reasons'), errors: e, rows: 3 }),
        textArea({ name: n('message'), label: t(l, 'act.decisionMessage'), errors: e, rows: 5 }),
      ];
    case 'close':
      return textInput({ name: n('note'), label: t(l, 'act.note'), errors: e });
  }
}

/** The lifecycle forms the request's status allows now (the domain's own transition table decides). */
export function staffActions(
  ctx: PortalContext,
  r: RequestDetail,
  clerks: UserView[],
  errors: FormError[],
  today: string,
): SafeHtml {
  const l = ctx.locale;
  const c: Ctx = { ctx, r, errors, today };
  const pending = r.extensions.find((x) => x.status === 'pending');
  const allowed = new Set(
    allowedActions(r.status as RequestStatus, {
      pendingExtension: Boolean(pending),
      openConsultations: r.consultations.filter((x) => !x.repliedOn).length,
      clarificationRequestedBefore: r.events.some((e) => e.type === 'clarification_requested'),
    }),
  );
  const approver = ['supervisor', 'admin'].includes(ctx.user?.role ?? '');
  const keys = (Object.keys(ACTION_KEYS) as ActionKey[]).filter(
    (k) => allowed.has(ACTION_KEYS[k]) && (approver || (k !== 'approve' && k !== 'reject')),
  );
  const party = r.consultations.find((x) => !x.repliedOn)?.party ?? '';
  const forms = keys.map((k) =>
    form(c, k, t(l, TITLES[k], { party }), fieldsOf(c, k, clerks), k === 'close' ? 'warning' : 'primary'),
  );
  const fileError = errors.find((x) => x.field === 'file');
  const upload = allowed.has(A.UploadDocument)
    ? html`<section class="action" id="f-upload" aria-labelledby="f-upload-title">
        <h3 id="f-upload-title">${t(l, 'act.upload')}</h3>
        <form
          method="post"
          action="/requests/${r.id}/documents?${CSRF_FIELD}=${ctx.csrf}"
          enctype="multipart/form-data"
        >
          ${checkbox('visibleToApplicant', t(l, 'act.visible'), true)}
          <div class="field${fileError ? ' field-error' : ''}">
            <label class="label" for="f-file">${t(l, 'act.file')}</label>
            ${fileError ? html`<p class="error-message" id="f-file-error">${fileError.message}</p>` : ''}
            <input class="input" type="file" id="f-file" name="file" required${
              fileError ? html` aria-invalid="true" aria-describedby="f-file-error"` : ''
            } />
          </div>
          ${button(t(l, 'act.submit'))}
        </form>
      </section>`
    : '';
  return html`<section class="actions" aria-labelledby="actions-title">
    <h2 id="actions-title">${t(l, 'act.title')}</h2>
    ${pending ? html`<p class="notice">${t(l, 'act.pendingExtension', { n: pending.workingDays, reason: pending.reason })}</p>` : ''}
    ${forms.length || upload ? [forms, upload] : html`<p>${t(l, 'act.none')}</p>`}
  </section>`;
}
