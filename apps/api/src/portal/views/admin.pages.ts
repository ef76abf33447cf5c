import type { DueDateChange } from '@disclose/requests';
import type { AgencyInfo, AgencyNode, UserView } from '@disclose/identity';
import { TABLE1_LAYOUT } from '@disclose/reports';
import { formatDate, t, type MessageKey } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { button, csrfField, errorSummary, select, textArea, textInput, type FormError } from './components';
import { html, type HtmlValue, type SafeHtml } from './html';
import { layout } from './layout';
import { agencyName } from './request.pages';
import { staffTable } from './admin-users.pages';

export function adminPage(
  ctx: PortalContext,
  tree: AgencyNode[],
  staff: UserView[],
  agencies: AgencyInfo[],
): SafeHtml {
  const l = ctx.locale;
  const branch = (nodes: AgencyNode[]): HtmlValue =>
    nodes.length === 0
      ? ''
      : html`<ul>${nodes.map((n) => html`<li><strong>${n.code}</strong> ${agencyName(n, l)} <span class="hint">${n.ruleSet}, ${n.timezone}</span>${branch(n.children)}</li>`)}</ul>`;
  const byId = new Map(agencies.map((a) => [a.id, a.code]));
  return layout(
    ctx,
    t(l, 'admin.title'),
    html`<h1>${t(l, 'admin.title')}</h1>
    <ul><li><a href="/admin/report">${t(l, 'admin.report')}</a></li><li><a href="/admin/calendar">${t(l, 'admin.calendar')}</a></li>
      <li><a href="/dashboard">${t(l, 'nav.dashboard')}</a></li><li><a href="/admin/mail">${t(l, 'admin.mail')}</a></li><li><a href="/admin/queues">${t(l, 'admin.queues')}</a></li></ul>
    <h2>${t(l, 'admin.agencies')}</h2>${branch(tree)}
    <h2>${t(l, 'admin.users')}</h2>
    ${staffTable(ctx, staff, byId)}`,
  );
}

/** What the report page's text form shows: the stored (or just submitted) values, and where they go wrong. */
export interface ReportTextsForm {
  /** Section name → text; table 1 cell `t1.<row>.<col>` → figure as typed. */
  values: Record<string, string | undefined>;
  errors: FormError[];
}

export const REPORT_SECTIONS = ['overview', 'proactive', 'requests', 'reviews', 'problems', 'other'] as const;

function table1Fields(l: PortalContext['locale'], f: ReportTextsForm): HtmlValue {
  return TABLE1_LAYOUT.map(
    (block) => html`<fieldset class="fieldset">
      <legend>${block.block}</legend>
      ${block.rows.map(([row]) =>
        block.columns.map(([col]) =>
          textInput({
            name: `t1.${row}.${col}`,
            label: `${t(l, `report.t1.${row}` as MessageKey)}: ${t(l, `report.t1c.${col}` as MessageKey)}`,
            inputmode: 'decimal',
            value: f.values[`t1.${row}.${col}`],
            errors: f.errors,
          }),
        ),
      )}
    </fieldset>`,
  );
}

export function reportPage(
  ctx: PortalContext,
  agencies: AgencyInfo[],
  agency?: string,
  year?: number,
  texts?: ReportTextsForm,
): SafeHtml {
  const l = ctx.locale;
  const options = agencies.map((a) => ({ value: a.code, text: `${agencyName(a, l)} (${a.code})` }));
  const q = agency && year ? `?agency=${encodeURIComponent(agency)}&year=${year}` : '';
  const chosen = agencies.find((a) => a.code === agency);
  return layout(
    ctx,
    t(l, 'admin.report'),
    html`${errorSummary(ctx, texts?.errors)}<h1>${t(l, 'admin.report')}</h1>
    <form method="get" action="/admin/report" class="filters">
      ${select({ name: 'agency', label: t(l, 'report.agency'), options, value: agency })}
      ${textInput({ name: 'year', label: t(l, 'report.year'), inputmode: 'numeric', value: year ? String(year) : '' })}
      ${button(t(l, 'report.show'), 'secondary')}</form>
    ${
      q
        ? html`<ul id="report-links"><li><a href="/api/v1/reports/annual.html${q}">${t(l, 'report.html')}</a></li>
        <li><a href="/api/v1/reports/annual.docx${q}" download>${t(l, 'report.docx')}</a></li>
        <li><a href="/api/v1/reports/annual.xlsx${q}" download>${t(l, 'report.xlsx')}</a></li></ul>`
        : ''
    }
    ${
      q && texts && chosen
        ? html`<h2 id="report-texts-title">${t(l, 'report.texts')}</h2>
        <p>${t(l, 'report.textsIntro', { agency: agencyName(chosen, l), year: year ?? '' })}</p>
        <form method="post" action="/admin/report/texts" novalidate aria-labelledby="report-texts-title">
          ${csrfField(ctx)}<input type="hidden" name="agency" value="${agency}" /><input type="hidden" name="year" value="${year}" />
          ${REPORT_SECTIONS.map((name) =>
            textArea({
              name,
              label: t(l, `report.section.${name}` as MessageKey),
              value: texts.values[name],
              errors: texts.errors,
              rows: 4,
            }),
          )}
          <h3>${t(l, 'report.table1')}</h3>
          ${table1Fields(l, texts)}
          ${button(t(l, 'report.save'))}
        </form>`
        : ''
    }`,
  );
}

export interface CalendarForm {
  agency?: string;
  year?: string;
  holidays?: string;
  workdays?: string;
}

export function calendarPage(
  ctx: PortalContext,
  agencies: AgencyInfo[],
  v: CalendarForm,
  errors: FormError[],
  result?: { changed: DueDateChange[]; saved: boolean },
): SafeHtml {
  const l = ctx.locale;
  const options = agencies.map((a) => ({ value: a.code, text: `${agencyName(a, l)} (${a.code})` }));
  const hint = t(l, 'cal.hint');
  return layout(
    ctx,
    t(l, 'admin.calendar'),
    html`${errorSummary(ctx, errors)}<h1>${t(l, 'admin.calendar')}</h1>
    <form method="post" action="/admin/calendar" novalidate>${csrfField(ctx)}
      ${select({ name: 'agency', label: t(l, 'report.agency'), options, value: v.agency, errors })}
      ${textInput({ name: 'year', label: t(l, 'cal.year'), inputmode: 'numeric', value: v.year, errors })}
      ${textArea({ name: 'holidays', label: t(l, 'cal.holidays'), hint, value: v.holidays, errors, rows: 3 })}
      ${textArea({ name: 'workdays', label: t(l, 'cal.workdays'), hint, value: v.workdays, errors, rows: 2 })}
      <button type="submit" name="mode" value="preview" class="button button-secondary">${t(l, 'cal.preview')}</button>
      <button type="submit" name="mode" value="load" class="button button-primary">${t(l, 'cal.load')}</button>
    </form>
    ${
      result
        ? html`<h2 id="calendar-result">${t(l, result.saved ? 'cal.saved' : 'cal.changed', { n: result.changed.length })}</h2>
        <ul>${result.changed.map((c) => html`<li>${c.trackingNumber}: ${formatDate(c.from, l)} → ${formatDate(c.to, l)}</li>`)}</ul>`
        : ''
    }`,
  );
}
