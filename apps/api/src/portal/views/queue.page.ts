import { RequestStatus } from '@disclose/domain';
import { formatDate, t } from '../i18n/i18n';
import { statusLabel } from '../i18n/vocab';
import type { PortalContext } from '../http/portal-context';
import type { RequestListItem } from '../http/request-detail';
import { button, checkbox, select, textInput } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export interface QueueFilter {
  q?: string;
  status?: string;
  overdue?: boolean;
}

export interface QueueRow extends RequestListItem {
  /** Working days until the due date; negative once overdue; null while the clock is stopped. */
  daysLeft: number | null;
  assigneeName: string | null;
}

/** Overdue / due within 2 working days / within 5 / later: colour plus words (never colour alone). */
export function daysClass(days: number | null): string {
  if (days === null) return '';
  if (days < 0) return 'days-overdue';
  if (days <= 2) return 'days-2';
  if (days <= 5) return 'days-5';
  return 'days-ok';
}

function daysText(ctx: PortalContext, days: number | null): string {
  const l = ctx.locale;
  if (days === null) return t(l, 'days.stopped');
  if (days < 0) return t(l, 'days.overdue', { n: -days });
  if (days === 0) return t(l, 'days.today');
  return t(l, 'days.left', { n: days });
}

export function queuePage(ctx: PortalContext, rows: QueueRow[], f: QueueFilter, total: number): SafeHtml {
  const l = ctx.locale;
  const statuses = Object.values(RequestStatus).map((s) => ({ value: s, text: statusLabel(s, l) }));
  const body = rows.map(
    (r) =>
      html`<tr>
        <td><a href="/requests/${r.id}">${r.trackingNumber}</a></td>
        <td>${r.subject}</td>
        <td>${statusLabel(r.status, l)}</td>
        <td>${formatDate(r.deadline.dueOn, l)}</td>
        <td><span class="tag ${daysClass(r.daysLeft)}">${daysText(ctx, r.daysLeft)}</span></td>
        <td>${r.assigneeName ?? t(l, 'queue.unassigned')}</td>
      </tr>`,
  );
  return layout(
    ctx,
    t(l, 'queue.title'),
    html`<h1>${t(l, 'queue.title')} <span class="hint">(${total})</span></h1>
      <form method="get" action="/queue" class="filters" role="search">
        ${textInput({ name: 'q', label: t(l, 'queue.search'), type: 'search', value: f.q })}
        ${select({ name: 'status', label: t(l, 'queue.status'), options: statuses, placeholder: t(l, 'queue.anyStatus'), value: f.status })}
        ${checkbox('overdue', t(l, 'queue.overdue'), Boolean(f.overdue))}
        ${button(t(l, 'queue.filter'), 'secondary')}
      </form>
      ${
        rows.length === 0
          ? html`<p>${t(l, 'queue.empty')}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t(l, 'col.tracking')}</th>
                    <th scope="col">${t(l, 'col.subject')}</th>
                    <th scope="col">${t(l, 'col.status')}</th>
                    <th scope="col">${t(l, 'col.due')}</th>
                    <th scope="col">${t(l, 'col.daysLeft')}</th>
                    <th scope="col">${t(l, 'col.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${body}
                </tbody>
              </table>
            </div>`
      }`,
  );
}
