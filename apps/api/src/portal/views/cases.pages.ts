import type { CaseDetailView, CaseView } from '@disclose/cases';
import { formatDate, formatDateTime, t, type MessageKey, type PortalLocale } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { button, checkbox } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

const kind = (k: string, l: PortalLocale): string => t(l, `case.kind.${k}` as MessageKey);
const outcome = (o: string, l: PortalLocale): string => t(l, `case.outcome.${o}` as MessageKey);

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

export function casePage(ctx: PortalContext, c: CaseDetailView, timeZone: string): SafeHtml {
  const l = ctx.locale;
  const title = `${kind(c.kind, l)} ${c.caseNumber ?? ''}`.trim();
  const rows: Array<[string, string]> = [
    [t(l, 'col.kind'), kind(c.kind, l)],
    [t(l, 'case.body'), c.body ?? ''],
    [t(l, 'case.number'), c.caseNumber ?? ''],
    [t(l, 'col.filed'), formatDate(c.filedOn, l)],
    [t(l, 'col.outcome'), outcome(c.outcome, l)],
    [t(l, 'case.grounds'), c.grounds ?? ''],
    [t(l, 'case.notes'), c.outcomeNotes ?? ''],
  ];
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
    <table class="summary-list"><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
      <tr><th scope="row">${t(l, 'case.request')}</th><td><a href="/requests/${c.requestId}">${t(l, 'case.request')}</a></td></tr>
    </tbody></table>
    <h2>${t(l, 'case.deadlines')}</h2>
    <ul>${c.deadlines.map((d) => html`<li>${d.key}: <strong>${formatDate(d.dueOn, l)}</strong></li>`)}</ul>
    <h2>${t(l, 'case.hearings')}</h2>
    ${
      c.hearings.length === 0
        ? html`<p>${t(l, 'case.noHearings')}</p>`
        : html`<ul>${c.hearings.map((h) => html`<li>${formatDateTime(h.heldAt, l, timeZone)} — ${h.place}${h.notes ? html`: ${h.notes}` : ''}</li>`)}</ul>`
    }
    <h2>${t(l, 'request.documents')}</h2>
    ${
      c.documents.length === 0
        ? html`<p>${t(l, 'request.noDocuments')}</p>`
        : html`<ul>${c.documents.map(
            (d) =>
              html`<li><a href="/api/v1/cases/${c.id}/documents/${d.id}" download>${t(l, 'request.download', { name: d.filename })}</a></li>`,
          )}</ul>`
    }`,
  );
}
