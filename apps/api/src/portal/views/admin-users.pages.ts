import type { UserView } from '@disclose/identity';
import { t } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { csrfField, errorSummary, type FormError } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

/** The confirmed account actions: each has a confirmation page at GET and does its work at POST. */
export type ConfirmedAction = 'disable' | 'sign-out';

/**
 * The staff table of the admin page: each account's status, and its actions — "Disable account" and
 * "Sign out everywhere" lead to a confirmation page, "Enable account" posts at once (it takes nothing away).
 * Every control names its person for screen readers (the visible text repeats on each row).
 */
export function staffTable(
  ctx: PortalContext,
  staff: UserView[],
  agencyCodes: Map<string, string>,
): SafeHtml {
  const l = ctx.locale;
  const who = (u: UserView) => html`<span class="visually-hidden"> ${u.name}</span>`;
  const actions = (u: UserView) =>
    u.disabled
      ? html`<form method="post" action="/admin/users/${u.id}/enable" class="inline">
          ${csrfField(ctx)}<button type="submit" class="link-button">${t(l, 'users.enable')}${who(u)}</button>
        </form>`
      : html`<a href="/admin/users/${u.id}/disable">${t(l, 'users.disable')}${who(u)}</a><br />
          <a href="/admin/users/${u.id}/sign-out">${t(l, 'users.revoke')}${who(u)}</a>`;
  const rows = staff.map(
    (u) => html`<tr id="user-${u.id}" data-email="${u.email ?? ''}">
      <td>${u.name}${u.id === ctx.user?.id ? html` ${t(l, 'users.you')}` : ''}</td><td>${u.email ?? ''}</td>
      <td>${u.role}</td><td>${agencyCodes.get(u.agencyId ?? '') ?? ''}</td>
      <td class="user-status">${u.disabled ? html`<strong>${t(l, 'users.disabled')}</strong>` : t(l, 'users.active')}</td>
      <td>${actions(u)}</td></tr>`,
  );
  return html`<div class="table-wrap"><table id="staff"><thead><tr><th scope="col">${t(l, 'col.name')}</th>
    <th scope="col">${t(l, 'col.email')}</th><th scope="col">${t(l, 'col.role')}</th><th scope="col">${t(l, 'col.code')}</th>
    <th scope="col">${t(l, 'users.status')}</th><th scope="col">${t(l, 'users.actions')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

/** "Disable the account of X?" / "Sign X out everywhere?": what happens, a warning button, a way back. */
export function confirmActionPage(
  ctx: PortalContext,
  user: UserView,
  action: ConfirmedAction,
  errors: FormError[] = [],
): SafeHtml {
  const l = ctx.locale;
  const [title, warn, yes] =
    action === 'disable'
      ? [
          t(l, 'users.disableTitle', { name: user.name }),
          t(l, 'users.disableWarn', { name: user.name }),
          t(l, 'users.disableConfirm'),
        ]
      : [
          t(l, 'users.revokeTitle', { name: user.name }),
          t(l, 'users.revokeWarn', { name: user.name }),
          t(l, 'users.revokeConfirm'),
        ];
  return layout(
    ctx,
    title,
    html`${errorSummary(ctx, errors)}
      <h1>${title}</h1>
      <p>${user.email ?? ''}</p>
      <p class="lead">${warn}</p>
      <form method="post" action="/admin/users/${user.id}/${action}" novalidate>
        ${csrfField(ctx)}
        <button type="submit" id="f-confirm" class="button button-warning">${yes}</button>
      </form>
      <p><a href="/admin#staff">${t(l, 'users.cancel')}</a></p>`,
  );
}
