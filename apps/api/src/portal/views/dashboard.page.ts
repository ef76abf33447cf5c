import type { DashboardStats } from '@disclose/reports';
import { formatDate, t } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { barChart, lineChart } from './charts';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

const pct = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/** Figures and charts from StatsService (the same numbers as GET /api/v1/stats). */
export function dashboardPage(ctx: PortalContext, s: DashboardStats): SafeHtml {
  const l = ctx.locale;
  const months = s.byMonth.map((m) => m.month);
  const figures: Array<[string, string | number]> = [
    [t(l, 'dash.received'), s.totals.received],
    [t(l, 'dash.answered'), s.totals.answered],
    [t(l, 'dash.onTime'), pct(s.totals.onTimeRate)],
    [t(l, 'dash.open'), s.totals.open],
    [t(l, 'dash.overdue'), s.totals.overdue],
  ];
  return layout(
    ctx,
    t(l, 'dash.title'),
    html`<h1>${t(l, 'dash.title')} <span class="hint">${s.agency}</span></h1>
    <p>${t(l, 'dash.period', { from: formatDate(s.from, l), to: formatDate(s.to, l) })}</p>
    <ul class="figures">${figures.map(([k, v]) => html`<li>${k}<strong>${v}</strong></li>`)}</ul>
    <h2>${t(l, 'dash.byMonth')}</h2>
    ${barChart(t(l, 'dash.byMonth'), months, [
      { name: t(l, 'dash.received'), colour: '#1d70b8', values: s.byMonth.map((m) => m.received) },
      { name: t(l, 'dash.answered'), colour: '#00703c', values: s.byMonth.map((m) => m.answered) },
    ])}
    <h2>${t(l, 'dash.rateByMonth')}</h2>
    ${lineChart(t(l, 'dash.rateByMonth'), months, { name: t(l, 'dash.onTime'), colour: '#d4351c', values: s.byMonth.map((m) => m.onTimeRate) })}
    <div class="table-wrap"><table><thead><tr><th scope="col">${t(l, 'col.received')}</th><th scope="col">${t(l, 'dash.received')}</th>
      <th scope="col">${t(l, 'dash.answered')}</th><th scope="col">${t(l, 'dash.onTime')}</th></tr></thead>
      <tbody>${s.byMonth.map((m) => html`<tr><td>${m.month}</td><td>${m.received}</td><td>${m.answered}</td><td>${pct(m.onTimeRate)}</td></tr>`)}</tbody></table></div>
    <h2>${t(l, 'dash.mostOverdue')}</h2>
    <div class="table-wrap"><table><thead><tr><th scope="col">${t(l, 'col.tracking')}</th><th scope="col">${t(l, 'col.due')}</th>
      <th scope="col">${t(l, 'dash.daysOverdue')}</th></tr></thead>
      <tbody>${s.mostOverdue.map((o) => html`<tr><td>${o.trackingNumber}</td><td>${formatDate(o.dueOn, l)}</td><td>${o.daysOverdue}</td></tr>`)}</tbody></table></div>`,
  );
}
