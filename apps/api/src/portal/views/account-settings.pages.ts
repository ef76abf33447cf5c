import { PASSWORD_MIN_LENGTH } from '@disclose/identity';
import { t } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { button, csrfField, errorSummary, textInput, type FormError } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

/**
 * "Your account", for every signed-in user: change the password (which ends the other sessions) and sign out
 * of the other devices. Passwords are never written back into the form.
 */
export function accountSettingsPage(ctx: PortalContext, errors: FormError[] = []): SafeHtml {
  const l = ctx.locale;
  const user = ctx.user;
  return layout(
    ctx,
    t(l, 'account.title'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'account.title')}</h1>
      ${user ? html`<p>${t(l, 'account.who', { name: user.name, email: user.email ?? '' })}</p>` : ''}
      <h2 id="password-title">${t(l, 'account.password')}</h2>
      <p>${t(l, 'account.passwordIntro')}</p>
      <form method="post" action="/account/password" novalidate aria-labelledby="password-title">
        ${csrfField(ctx)}
        ${textInput({ name: 'currentPassword', label: t(l, 'account.current'), type: 'password', autocomplete: 'current-password', errors })}
        ${textInput({ name: 'newPassword', label: t(l, 'account.new'), hint: t(l, 'register.passwordHint', { min: PASSWORD_MIN_LENGTH }), type: 'password', autocomplete: 'new-password', errors })}
        ${textInput({ name: 'confirmPassword', label: t(l, 'account.confirm'), type: 'password', autocomplete: 'new-password', errors })}
        ${button(t(l, 'account.passwordSubmit'))}
      </form>
      <h2 id="others-title">${t(l, 'account.others')}</h2>
      <p>${t(l, 'account.othersIntro')}</p>
      <form method="post" action="/account/sessions/revoke" aria-labelledby="others-title">
        ${csrfField(ctx)} ${button(t(l, 'account.others'), 'secondary')}
      </form>`,
  );
}
