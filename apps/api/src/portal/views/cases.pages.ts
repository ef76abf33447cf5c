import type { CaseDeadlineKey, CaseDetailView, CaseView } from '@disclose/cases';
import { formatDate, formatDateTime, t, type MessageKey, type PortalLocale } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { CASE_DISPOSITIONS } from '@disclose/domain';
import { CSRF_FIELD } from '../http/portal-context';
import {
  button,
  checkbox,
  csrfField,
  errorSummary,
  fieldId,
  select,
  textArea,
  textInput,
  type FormError,
} from './components';
import { html, type HtmlValue, type SafeHtml } from './html';
import { layout } from './layout';

const kind = (k: string, l: PortalLocale): string => t(l, `case.kind.${k}` as MessageKey);
const outcome = (o: string, l: PortalLocale): string => t(l, `case.outcome.${o}` as MessageKey);
const deadlineLabel = (k: CaseDeadlineKey, l: PortalLocale): string => t(l, `case.deadline.${k}`);

/** The earliest deadline still ahead of an open case (what legal staff must do next). */
export function nextDeadline(c: CaseView): string | null {
  if (!c.open) return null;
  return c.deadlines.map((d) => d.dueOn).sort()[0] ?? null;
}

export function casesPage(ctx: PortalContext, cases: CaseView[], openOnly: boolean): SafeHtml {
  const l = ctx.locale;
  const sorted = [...cases].sort((a, b) =>
    (nextDeadline(a) ?? '9999').localeCompare(nextDeadline(b) ?? '9999'),
  );
  const rows = sorted.map(
    (
      c,
    ) => html`<tr><td><a href="/cases/${c.id}">${c.caseNumber ?? kind(c.kind, l)}</a></td><td>${kind(c.kind, l)}</td>
      <td>${formatDate(c.filedOn, l)}</td><td>${formatDate(nextDeadline(c), l)}</td><td>${outcome(c.outcome, l)}</td></tr>`,
  );
  return layout(
    ctx,
    t(l, 'cases.title'),
    html`<h1>${t(l, 'cases.title')}</h1>
    <form method="get" action="/cases" class="filters">${checkbox('open', t(l, 'cases.open'), openOnly)}
      ${button(t(l, 'queue.filter'), 'secondary')}</form>
    ${
      cases.length === 0
        ? html`<p>${t(l, 'cases.empty')}</p>`
        : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t(l, 'case.number')}</th>
      <th scope="col">${t(l, 'col.kind')}</th><th scope="col">${t(l, 'col.filed')}</th>
      <th scope="col">${t(l, 'col.next')}</th><th scope="col">${t(l, 'col.outcome')}</th></tr></thead>
      <tbody>${rows}</tbody></table></div>`
    }`,
  );
}

/** Kinds of case documents CaseDocumentsService accepts. */
export const CASE_DOCUMENT_KINDS = ['application', 'defence', 'decision', 'judgment', 'other'] as const;

/** Dispositions that fit the case: Chinese 复议/诉讼, or a US appeal / UK internal review. */
export function dispositionsFor(kind: string): (typeof CASE_DISPOSITIONS)[number][] {
  const jurisdiction = kind === 'internal_review' || kind === 'us_appeal' ? 'us_uk' : 'cn';
  return CASE_DISPOSITIONS.filter((d) => d.jurisdiction === jurisdiction);
}

export interface CasePageOptions {
  /** Legal staff and admins see the forms while the case is open. */
  canWrite: boolean;
  /** Today in the agency's zone (default dates). */
  today: string;
  errors?: FormError[];
  /** The submitted values, shown again with the errors. */
  values?: Record<string, string | undefined>;
}

function section(id: string, title: string, body: HtmlValue): SafeHtml {
  return html`<section class="action" id="${id}" aria-labelledby="${id}-title">
    <h3 id="${id}-title">${title}</h3>
    ${body}
  </section>`;
}

/** Add a hearing, upload a document, record the outcome (UpdateCaseService, CaseDocumentsService, RecordOutcomeService). */
function caseForms(ctx: PortalContext, c: CaseDetailView, o: CasePageOptions): SafeHtml {
  const l = ctx.locale;
  const e = o.errors ?? [];
  const v = o.values ?? {};
  const hearing = section(
    'hearing-form',
    t(l, 'case.addHearing'),
    html`<form method="post" action="/cases/${c.id}/hearings" novalidate>
      ${csrfField(ctx)}
      ${textInput({ name: 'heldOn', label: t(l, 'case.hearingDate'), type: 'date', value: v.heldOn, errors: e })}
      ${textInput({ name: 'heldTime', label: t(l, 'case.hearingTime'), hint: t(l, 'case.timeHint'), type: 'time', value: v.heldTime, errors: e })}
      ${textInput({ name: 'place', label: t(l, 'case.place'), value: v.place, errors: e })}
      ${textArea({ name: 'hearingNotes', label: t(l, 'case.hearingNotes'), value: v.hearingNotes, errors: e, rows: 3 })}
      ${button(t(l, 'act.submit'))}
    </form>`,
  );
  const upload = section(
    'case-upload',
    t(l, 'case.upload'),
    html`<form method="post" action="/cases/${c.id}/documents?${CSRF_FIELD}=${ctx.csrf}" enctype="multipart/form-data">
      ${select({
        name: 'kind',
        label: t(l, 'case.docKind'),
        value: v.kind,
        errors: e,
        options: CASE_DOCUMENT_KINDS.map((k) => ({ value: k, text: t(l, `case.docKind.${k}`) })),
      })}
      <div class="field${e.some((x) => x.field === 'file') ? ' field-error' : ''}">
        <label class="label" for="${fieldId('file')}">${t(l, 'act.file')}</label>
        ${e
          .filter((x) => x.field === 'file')
          .map((x) => html`<p class="error-message" id="f-file-error">${x.message}</p>`)}
        <input class="input" type="file" id="${fieldId('file')}" name="file" required${
          e.some((x) => x.field === 'file') ? html` aria-invalid="true" aria-describedby="f-file-error"` : ''
        } />
      </div>
      ${button(t(l, 'act.submit'))}
    </form>`,
  );
  const outcomeForm = section(
    'outcome-form',
    t(l, 'case.recordOutcome'),
    html`<form method="post" action="/cases/${c.id}/outcome" novalidate>
      ${csrfField(ctx)}
      ${select({
        name: 'disposition',
        label: t(l, 'case.disposition'),
        value: v.disposition,
        errors: e,
        placeholder: '',
        options: dispositionsFor(c.kind).map((d) => ({ value: d.code, text: l === 'zh-CN' ? d.zh : d.en })),
      })}
      ${textInput({ name: 'decidedOn', label: t(l, 'case.decidedOn'), type: 'date', value: v.decidedOn ?? o.today, errors: e })}
      ${textArea({ name: 'notes', label: t(l, 'case.outcomeNotes'), value: v.notes, errors: e, rows: 3 })}
      ${textInput({ name: 'newReplyDueOn', label: t(l, 'case.newReplyDueOn'), hint: t(l, 'case.newReplyHint'), type: 'date', value: v.newReplyDueOn, errors: e })}
      ${button(t(l, 'act.submit'))}
    </form>`,
  );
  return html`<section class="actions" aria-labelledby="actions-title">
    <h2 id="actions-title">${t(l, 'act.title')}</h2>
    ${c.open ? hearing : ''} ${upload} ${c.open ? outcomeForm : ''}
  </section>`;
}

export function casePage(
  ctx: PortalContext,
  c: CaseDetailView,
  timeZone: string,
  o: CasePageOptions = { canWrite: false, today: '' },
): SafeHtml {
  const l = ctx.locale;
  const title = `${kind(c.kind, l)} ${c.caseNumber ?? ''}`.trim();
  const disposition = CASE_DISPOSITIONS.find((d) => d.code === c.disposition);
  const rows: Array<[string, string]> = [
    [t(l, 'col.kind'), kind(c.kind, l)],
    [t(l, 'case.body'), c.body ?? ''],
    [t(l, 'case.number'), c.caseNumber ?? ''],
    [t(l, 'col.filed'), `${formatDate(c.filedOn, l)}${c.late ? ` — ${t(l, 'case.late')}` : ''}`],
    [t(l, 'col.outcome'), outcome(c.outcome, l)],
    [t(l, 'case.disposition'), disposition ? (l === 'zh-CN' ? disposition.zh : disposition.en) : ''],
    [t(l, 'case.decidedOn'), formatDate(c.decidedOn, l)],
    [t(l, 'case.grounds'), c.grounds ?? ''],
    [t(l, 'case.notes'), c.outcomeNotes ?? ''],
  ];
  return layout(
    ctx,
    title,
    html`${errorSummary(ctx, o.errors)}<h1>${title}</h1>
    <table class="summary-list" id="case-summary"><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
      <tr><th scope="row">${t(l, 'case.request')}</th><td><a href="/requests/${c.requestId}">${t(l, 'case.request')}</a></td></tr>
    </tbody></table>
    <h2>${t(l, 'case.deadlines')}</h2>
    <ul>${c.deadlines.map((d) => html`<li>${deadlineLabel(d.key, l)}: <strong>${formatDate(d.dueOn, l)}</strong></li>`)}</ul>
    <h2>${t(l, 'case.hearings')}</h2>
    ${
      c.hearings.length === 0
        ? html`<p>${t(l, 'case.noHearings')}</p>`
        : html`<ul id="case-hearings">${c.hearings.map((h) => html`<li>${formatDateTime(h.heldAt, l, timeZone)} — ${h.place}${h.notes ? html`: ${h.notes}` : ''}</li>`)}</ul>`
    }
    <h2>${t(l, 'request.documents')}</h2>
    ${
      c.documents.length === 0
        ? html`<p>${t(l, 'request.noDocuments')}</p>`
        : html`<ul id="case-documents">${c.documents.map(
            (d) =>
              html`<li><a href="/api/v1/cases/${c.id}/documents/${d.id}" download>${t(l, 'case.documentsKind', { kind: docKind(d.kind, l), name: d.filename })}</a></li>`,
          )}</ul>`
    }
    ${o.canWrite ? caseForms(ctx, c, o) : ''}`,
  );
}

function docKind(k: string, l: PortalLocale): string {
  return (CASE_DOCUMENT_KINDS as readonly string[]).includes(k) ? t(l, `case.docKind.${k}` as MessageKey) : k;
}
