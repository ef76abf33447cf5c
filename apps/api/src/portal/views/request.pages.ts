import type { CaseView, ChallengeWindowsView } from '@disclose/cases';
import type { AgencyInfo } from '@disclose/identity';
import { formatDate, formatDateTime, t, type MessageKey } from '../i18n/i18n';
import { eventLabel, outcomeLabel, statusLabel } from '../i18n/vocab';
import type { PortalContext } from '../http/portal-context';
import type { RequestDetail, RequestListItem } from '../http/request-detail';
import { button, csrfField, errorSummary, textArea, type FormError } from './components';
import { html, type HtmlValue, type SafeHtml } from './html';
import { layout } from './layout';

export const agencyName = (a: AgencyInfo | null, l: string): string =>
  a ? (l === 'en' && a.nameEn ? a.nameEn : a.nameZh) : '';

function summaryRows(rows: Array<[string, HtmlValue]>): SafeHtml {
  return html`<table class="summary-list">
    <tbody>
      ${rows.map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td>${v}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function receiptPage(ctx: PortalContext, r: RequestDetail, agency: AgencyInfo | null): SafeHtml {
  const l = ctx.locale;
  return layout(
    ctx,
    t(l, 'receipt.title'),
    html`<div class="panel">
        <h1>${t(l, 'receipt.title')}</h1>
        ${t(l, 'receipt.tracking')} <strong class="big" id="tracking-number">${r.trackingNumber}</strong>
      </div>
      ${summaryRows([
        [t(l, 'request.agency'), agencyName(agency, l)],
        [t(l, 'receipt.received'), formatDate(r.receivedOn, l)],
        [t(l, 'receipt.due'), html`<strong id="due-on">${formatDate(r.deadline.dueOn, l)}</strong>`],
      ])}
      <p>${t(l, 'receipt.dueHint')}</p>
      ${r.deadline.provisional ? html`<p>${t(l, 'receipt.provisional')}</p>` : ''}
      <p><a href="/requests/${r.id}">${t(l, 'receipt.view')}</a></p>`,
  );
}

export function myRequestsPage(ctx: PortalContext, items: RequestListItem[]): SafeHtml {
  const l = ctx.locale;
  const rows = items.map(
    (r) =>
      html`<tr>
        <td><a href="/requests/${r.id}">${r.trackingNumber}</a></td>
        <td>${r.subject}</td>
        <td><span class="tag">${statusLabel(r.status, l)}</span></td>
        <td>${formatDate(r.deadline.dueOn, l)}</td>
      </tr>`,
  );
  return layout(
    ctx,
    t(l, 'mine.title'),
    html`<h1>${t(l, 'mine.title')}</h1>
      <p><a href="/requests/new">${t(l, 'nav.file')}</a></p>
      ${
        items.length === 0
          ? html`<p>${t(l, 'mine.empty')}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(l, 'col.tracking')}</th>
                    <th scope="col">${t(l, 'col.subject')}</th>
                    <th scope="col">${t(l, 'col.status')}</th>
                    <th scope="col">${t(l, 'col.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>`
      }`,
  );
}

function timeline(ctx: PortalContext, r: RequestDetail, timeZone: string): SafeHtml {
  const l = ctx.locale;
  return html`<h2>${t(l, 'request.timeline')}</h2>
    <ol class="timeline">
      ${r.events.map((e) => {
        const p = e.payload ?? {};
        const detail = typeof p.message === 'string' ? p.message : typeof p.text === 'string' ? p.text : '';
        return html`<li>
          <strong>${eventLabel(e.type, l)}</strong>
          <div class="when">${formatDateTime(e.occurredAt, l, timeZone)}</div>
          ${detail ? html`<p>${detail}</p>` : ''}
        </li>`;
      })}
    </ol>`;
}

function documents(ctx: PortalContext, r: RequestDetail): SafeHtml {
  const l = ctx.locale;
  return html`<h2>${t(l, 'request.documents')}</h2>
    ${
      r.documents.length === 0
        ? html`<p>${t(l, 'request.noDocuments')}</p>`
        : html`<ul>
            ${r.documents.map(
              (d) =>
                html`<li>
                  <a href="/requests/${r.id}/documents/${d.id}" download
                    >${t(l, 'request.download', { name: d.filename })}</a
                  >
                  (${Math.ceil(d.size / 1024)} KB)
                </li>`,
            )}
          </ul>`
    }`;
}

/** An internal review (UK) or appeal (US) the applicant can still ask for online, and until when. */
export interface ReviewOffer {
  kind: 'internal_review' | 'us_appeal';
  until: string;
}

/** The cases about this request (reviews, appeals, lawsuits) with their outcome, linked to the case page. */
function casesList(ctx: PortalContext, cases: CaseView[]): HtmlValue {
  const l = ctx.locale;
  if (cases.length === 0) return '';
  return html`<h2>${t(l, 'request.cases')}</h2>
    <ul id="request-cases">
      ${cases.map(
        (c) =>
          html`<li>
            <a href="/cases/${c.id}">${t(l, `case.kind.${c.kind}` as MessageKey)}</a>
            ${formatDate(c.filedOn, l)} —
            <span class="tag">${t(l, `case.outcome.${c.outcome}` as MessageKey)}</span>
          </li>`,
      )}
    </ul>`;
}

/** Until when the reply can be challenged, one line per way (issue 6: shown to clerks and applicants alike). */
function challengeWindowsList(ctx: PortalContext, challenge?: ChallengeWindowsView): HtmlValue {
  const l = ctx.locale;
  if (!challenge || challenge.windows.length === 0) return '';
  return html`<h2>${t(l, 'challenge.title')}</h2>
    <p>${t(l, 'challenge.intro', { date: formatDate(challenge.replyOn, l) })}</p>
    <ul id="challenge-windows">
      ${challenge.windows.map(
        (w) =>
          html`<li data-kind="${w.caseKind}" data-due-on="${w.dueOn}">
            ${t(l, `case.kind.${w.caseKind}` as MessageKey)}:
            ${t(l, 'challenge.until', { date: formatDate(w.dueOn, l) })}
            <span class="tag">${t(l, w.open ? 'challenge.open' : 'challenge.closed')}</span>
            ${w.provisional ? html`<span class="hint">${t(l, 'challenge.provisional')}</span>` : ''}
          </li>`,
      )}
    </ul>`;
}

function reviewForm(ctx: PortalContext, r: RequestDetail, offer: ReviewOffer, errors: FormError[]): SafeHtml {
  const l = ctx.locale;
  return html`<section class="action" aria-labelledby="review-title">
    <h2 id="review-title">${t(l, `review.title.${offer.kind}`)}</h2>
    <p>${t(l, 'review.until', { date: formatDate(offer.until, l) })}</p>
    <form method="post" action="/requests/${r.id}/review" novalidate>
      ${csrfField(ctx)}
      <input type="hidden" name="kind" value="${offer.kind}" />
      ${textArea({ name: 'grounds', label: t(l, 'review.grounds'), hint: t(l, 'review.groundsHint'), errors, rows: 5 })}
      ${button(t(l, 'review.submit'))}
    </form>
  </section>`;
}

/** The applicant's own forms: answer a 补正 notice, withdraw, ask for a review. */
function applicantForms(
  ctx: PortalContext,
  r: RequestDetail,
  errors: FormError[],
  review?: ReviewOffer,
): HtmlValue {
  const l = ctx.locale;
  const out: HtmlValue[] = [];
  if (review) out.push(reviewForm(ctx, r, review, errors));
  if (r.status === 'awaiting_clarification') {
    const asked = [...r.events].reverse().find((e) => e.type === 'clarification_requested');
    out.push(
      html`<section class="action" aria-labelledby="clarify-title">
        <h2 id="clarify-title">${t(l, 'request.clarifyTitle')}</h2>
        <p>${t(l, 'request.clarifyAsked', { date: formatDate(r.deadline.clarificationReplyBy, l) })}</p>
        <blockquote>${String(asked?.payload?.message ?? '')}</blockquote>
        <form method="post" action="/requests/${r.id}/clarification" novalidate>
          ${csrfField(ctx)}
          <input type="hidden" name="expectedVersion" value="${r.version}" />
          ${textArea({ name: 'text', label: t(l, 'request.clarifyAnswer'), errors })}
          ${button(t(l, 'request.clarifySubmit'))}
        </form>
      </section>`,
    );
  }
  if (
    ['received', 'in_progress', 'awaiting_clarification', 'awaiting_consultation', 'awaiting_fee'].includes(
      r.status,
    )
  ) {
    out.push(
      html`<section class="action" aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">${t(l, 'request.withdrawTitle')}</h2>
        <p>${t(l, 'request.withdrawWarning')}</p>
        <form method="post" action="/requests/${r.id}/withdraw" novalidate>
          ${csrfField(ctx)}
          <input type="hidden" name="expectedVersion" value="${r.version}" />
          ${textArea({ name: 'reason', label: t(l, 'request.withdrawReason'), rows: 2, errors })}
          ${button(t(l, 'request.withdrawSubmit'), 'warning')}
        </form>
      </section>`,
    );
  }
  return out;
}

export interface RequestPageOptions {
  agency: AgencyInfo | null;
  errors?: FormError[];
  /** Staff only: the lifecycle forms (views/staff-actions.ts). */
  staffActions?: HtmlValue;
  /** Cases about the request (CaseQueryService.listForRequest). */
  cases?: CaseView[];
  /** Applicant only: the review or appeal they may still file. */
  review?: ReviewOffer;
  /** Until when the reply can be challenged (CaseQueryService.challengeWindowsOf). */
  challenge?: ChallengeWindowsView;
}

export function requestPage(ctx: PortalContext, r: RequestDetail, o: RequestPageOptions): SafeHtml {
  const l = ctx.locale;
  const errors = o.errors ?? [];
  const due =
    r.deadline.clockStatus === 'stopped' ? t(l, 'request.clockStopped') : formatDate(r.deadline.dueOn, l);
  const rows: Array<[string, HtmlValue]> = [
    [t(l, 'col.status'), html`<span class="tag">${statusLabel(r.status, l)}</span>`],
    [t(l, 'request.agency'), agencyName(o.agency, l)],
    [t(l, 'request.received'), formatDate(r.receivedOn, l)],
    [t(l, 'request.due'), html`<span id="due-on">${due}</span>`],
  ];
  if (r.fee)
    rows.push([t(l, 'request.fee'), `¥${(r.fee.amountFen / 100).toFixed(2)}${r.fee.waived ? ' ✕' : ''}`]);
  if (r.outcome) rows.push([t(l, 'request.outcome'), outcomeLabel(r.outcome, l)]);
  if (r.decisionMessage) rows.push([t(l, 'request.message'), r.decisionMessage]);
  return layout(
    ctx,
    `${r.trackingNumber} ${r.subject}`,
    html`${errorSummary(ctx, errors)}<span class="hint">${r.trackingNumber}</span>
      <h1>${r.subject}</h1>
      ${summaryRows(rows)}
      <details>
        <summary>${t(l, 'request.trace')}</summary>
        <ol>
          ${r.deadline.trace.map((x) => html`<li>${x}</li>`)}
        </ol>
      </details>
      <h2>${t(l, 'request.description')}</h2>
      <p class="pre">${r.description}</p>
      ${documents(ctx, r)} ${challengeWindowsList(ctx, o.challenge)} ${casesList(ctx, o.cases ?? [])}
      ${o.staffActions ?? applicantForms(ctx, r, errors, o.review)}
      ${timeline(ctx, r, o.agency?.timezone ?? 'Asia/Shanghai')}`,
  );
}
