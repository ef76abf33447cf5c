import { DELIVERY_METHODS } from '@disclose/domain';
import type { AgencyInfo } from '@disclose/identity';
import { t, type MessageKey } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { button, csrfField, errorSummary, select, textArea, textInput, type FormError } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { agencyName } from './request.pages';

export interface FileRequestValues {
  agencyCode?: string;
  subject?: string;
  description?: string;
  deliveryMethod?: string;
  idempotencyKey: string;
}

/** The filing form; the agency <select> gets a type-to-filter box from portal.js when scripts run. */
export function fileRequestPage(
  ctx: PortalContext,
  agencies: AgencyInfo[],
  v: FileRequestValues,
  errors: FormError[] = [],
): SafeHtml {
  const l = ctx.locale;
  const options = agencies.map((a) => ({ value: a.code, text: `${agencyName(a, l)} (${a.code})` }));
  const delivery = DELIVERY_METHODS.map((m) => ({ value: m, text: t(l, `delivery.${m}` as MessageKey) }));
  return layout(
    ctx,
    t(l, 'file.title'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'file.title')}</h1>
      <form method="post" action="/requests" novalidate>
        ${csrfField(ctx)}
        <input type="hidden" name="idempotencyKey" value="${v.idempotencyKey}" />
        ${select({
          name: 'agencyCode',
          label: t(l, 'file.agency'),
          hint: t(l, 'file.agencyHint'),
          options,
          placeholder: t(l, 'file.agencyChoose'),
          value: v.agencyCode,
          errors,
          extra: html` data-filterable data-filter-label="${t(l, 'file.agencyFilter')}"`,
        })}
        ${textInput({ name: 'subject', label: t(l, 'file.subject'), hint: t(l, 'file.subjectHint'), value: v.subject, errors })}
        ${textArea({ name: 'description', label: t(l, 'file.description'), hint: t(l, 'file.descriptionHint'), value: v.description, errors, rows: 8 })}
        ${select({ name: 'deliveryMethod', label: t(l, 'file.delivery'), options: delivery, value: v.deliveryMethod ?? 'electronic', errors })}
        ${button(t(l, 'file.submit'))}
      </form>`,
  );
}
