import { isMailTemplate, type OutboxEmailView } from '@disclose/mail';
import { formatDateTime, t, type MessageKey, type PortalLocale } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { csrfField } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export const MAIL_PAGE_SIZE = 50;

/** The template's name in words: what a row that cannot render (no subject) is about. */
export function templateLabel(template: string, l: PortalLocale): string {
  return isMailTemplate(template) ? t(l, `mail.tpl.${template}` as MessageKey) : template;
}

/** The subject the recipient sees (in the email's own language), else the template's name marked as such. */
function subjectCell(m: OutboxEmailView, l: PortalLocale): SafeHtml {
  if (m.subject !== null) {
    return html`<span lang="${m.locale}">${m.subject}</span>`;
  }
  return html`${templateLabel(m.template, l)} <span class="hint">(${t(l, 'mail.noSubject')})</span>`;
}

/** Admins: emails that failed after the configured attempts (OutboxAdminService.list), each with a retry. */
export function mailFailuresPage(
  ctx: PortalContext,
  page: { items: OutboxEmailView[]; total: number },
  offset: number,
  timeZone: string,
): SafeHtml {
  const l = ctx.locale;
  const rows = page.items.map(
    (m) => html`<tr>
      <td>${m.to}</td>
      <td>${subjectCell(m, l)}</td>
      <td>${m.attempts}</td>
      <td class="pre">${m.lastError ?? ''}</td>
      <td>${formatDateTime(m.createdAt, l, timeZone)}</td>
      <td>
        <form method="post" action="/admin/mail/${m.id}/retry" class="inline">
          ${csrfField(ctx)}
          <button type="submit" class="button button-secondary" aria-label="${t(l, 'mail.retryLabel', { to: m.to })}">
            ${t(l, 'mail.retry')}
          </button>
        </form>
      </td>
    </tr>`,
  );
  const next = offset + MAIL_PAGE_SIZE;
  return layout(
    ctx,
    t(l, 'admin.mail'),
    html`<h1>${t(l, 'admin.mail')}</h1>
      <p>${t(l, 'mail.intro')}</p>
      ${
        page.items.length === 0
          ? html`<p id="mail-empty">${t(l, 'mail.empty')}</p>`
          : html`<p>${t(l, 'mail.total', { n: page.total })}</p>
              <div class="table-wrap">
                <table id="mail-failures">
                  <thead>
                    <tr>
                      <th scope="col">${t(l, 'mail.to')}</th>
                      <th scope="col">${t(l, 'mail.subject')}</th>
                      <th scope="col">${t(l, 'mail.attempts')}</th>
                      <th scope="col">${t(l, 'mail.error')}</th>
                      <th scope="col">${t(l, 'mail.created')}</th>
                      <th scope="col"><span class="visually-hidden">${t(l, 'mail.retry')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows}
                  </tbody>
                </table>
              </div>`
      }
      ${next < page.total ? html`<p><a href="/admin/mail?offset=${next}">${t(l, 'mail.more')}</a></p>` : ''}`,
  );
}
