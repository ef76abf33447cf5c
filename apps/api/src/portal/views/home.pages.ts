import { RULE_SETS, RULE_SET_IDS, type DeadlineResult } from '@disclose/deadlines';
import { formatDate, t } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { button, errorSummary, select, textInput, type FormError } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export function homePage(ctx: PortalContext): SafeHtml {
  const l = ctx.locale;
  const staff = ctx.user && ctx.user.role !== 'applicant';
  return layout(
    ctx,
    t(l, 'home.title'),
    html`<h1>${t(l, 'home.title')}</h1>
      <p class="lead">${t(l, 'home.intro')}</p>
      ${
        staff
          ? html`<p><a class="button-start" href="/queue">${t(l, 'nav.queue')}</a></p>`
          : html`<p>
              <a class="button-start" href="/requests/new" role="button" draggable="false"
                >${t(l, 'home.start')}</a
              >
            </p>`
      }
      <p><a href="/calculator">${t(l, 'home.calculator')}</a></p>
      ${ctx.user ? '' : html`<p>${t(l, 'home.staff')} <a href="/sign-in">${t(l, 'nav.signIn')}</a></p>`}`,
  );
}

export function ruleSetOptions(): { value: string; text: string }[] {
  return RULE_SET_IDS.map((id) => ({ value: id, text: `${id} — ${RULE_SETS[id].law}` }));
}

export interface CalculatorView {
  ruleSet?: string;
  receivedOn?: string;
  result?: DeadlineResult;
  errors?: FormError[];
}

export function calculatorPage(ctx: PortalContext, v: CalculatorView): SafeHtml {
  const l = ctx.locale;
  const r = v.result;
  return layout(
    ctx,
    t(l, 'calc.title'),
    html`${errorSummary(ctx, v.errors)}
      <h1>${t(l, 'calc.title')}</h1>
      <p>${t(l, 'calc.intro')}</p>
      <form method="get" action="/calculator" novalidate>
        ${select({ name: 'ruleSet', label: t(l, 'calc.ruleSet'), options: ruleSetOptions(), value: v.ruleSet ?? 'cn-ogi-2019', errors: v.errors })}
        ${textInput({ name: 'receivedOn', label: t(l, 'calc.receivedOn'), hint: t(l, 'calc.dateHint'), type: 'date', value: v.receivedOn, errors: v.errors })}
        ${button(t(l, 'calc.submit'))}
      </form>
      ${
        r?.dueOn
          ? html`<section aria-labelledby="calc-result">
              <div class="panel">
                <h2 id="calc-result" class="big">${t(l, 'calc.result', { date: formatDate(r.dueOn, l) })}</h2>
                ${t(l, 'calc.allowed', { n: r.workingDaysAllowed })}
              </div>
              ${r.provisional ? html`<p>${t(l, 'receipt.provisional')}</p>` : ''}
              <h2>${t(l, 'calc.trace')}</h2>
              <ol class="trace">
                ${r.trace.map((line) => html`<li>${line}</li>`)}
              </ol>
            </section>`
          : ''
      }`,
  );
}
