import { PASSWORD_MIN_LENGTH } from '@disclose/identity';
import { t } from '../i18n/i18n';
import { applicantTypeOptions } from '../i18n/vocab';
import type { PortalContext } from '../http/portal-context';
import { button, csrfField, errorSummary, select, textInput, type FormError } from './components';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export type FormValues = Record<string, string | undefined>;

export function signInPage(ctx: PortalContext, v: FormValues, errors: FormError[] = []): SafeHtml {
  const l = ctx.locale;
  return layout(
    ctx,
    t(l, 'signIn.title'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'signIn.title')}</h1>
      <form method="post" action="/sign-in" novalidate>
        ${csrfField(ctx)}
        <input type="hidden" name="next" value="${v.next ?? '/'}" />
        ${textInput({ name: 'email', label: t(l, 'signIn.email'), type: 'email', autocomplete: 'email', value: v.email, errors })}
        ${textInput({ name: 'password', label: t(l, 'signIn.password'), type: 'password', autocomplete: 'current-password', errors })}
        ${button(t(l, 'signIn.submit'))}
      </form>
      <p><a href="/register">${t(l, 'signIn.noAccount')}</a></p>
      <p><a href="/reset-password">${t(l, 'signIn.forgot')}</a></p>`,
  );
}

export function registerPage(ctx: PortalContext, v: FormValues, errors: FormError[] = []): SafeHtml {
  const l = ctx.locale;
  return layout(
    ctx,
    t(l, 'register.title'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'register.title')}</h1>
      <form method="post" action="/register" novalidate>
        ${csrfField(ctx)}
        ${textInput({ name: 'name', label: t(l, 'register.name'), hint: t(l, 'register.nameHint'), autocomplete: 'name', value: v.name, errors })}
        ${textInput({ name: 'email', label: t(l, 'register.email'), hint: t(l, 'register.emailHint'), type: 'email', autocomplete: 'email', value: v.email, errors })}
        ${textInput({ name: 'password', label: t(l, 'register.password'), hint: t(l, 'register.passwordHint', { min: PASSWORD_MIN_LENGTH }), type: 'password', autocomplete: 'new-password', errors })}
        ${select({ name: 'applicantType', label: t(l, 'register.applicantType'), options: applicantTypeOptions(l), value: v.applicantType ?? 'natural_person', errors })}
        ${select({
          name: 'locale',
          label: t(l, 'register.language'),
          options: [
            { value: 'zh-CN', text: '简体中文' },
            { value: 'en', text: 'English' },
          ],
          value: v.locale ?? l,
          errors,
        })}
        ${button(t(l, 'register.submit'))}
      </form>`,
  );
}

export function messagePage(
  ctx: PortalContext,
  title: string,
  message: string,
  link?: [string, string],
): SafeHtml {
  return layout(
    ctx,
    title,
    html`<h1>${title}</h1>
      <p class="lead">${message}</p>
      ${link ? html`<p><a href="${link[0]}">${link[1]}</a></p>` : ''}`,
  );
}

export function resetRequestPage(ctx: PortalContext, v: FormValues, errors: FormError[] = []): SafeHtml {
  const l = ctx.locale;
  return layout(
    ctx,
    t(l, 'reset.title'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'reset.title')}</h1>
      <p>${t(l, 'reset.intro')}</p>
      <form method="post" action="/reset-password" novalidate>
        ${csrfField(ctx)}
        ${textInput({ name: 'email', label: t(l, 'signIn.email'), type: 'email', autocomplete: 'email', value: v.email, errors })}
        ${button(t(l, 'reset.submit'))}
      </form>`,
  );
}

export function resetConfirmPage(ctx: PortalContext, token: string, errors: FormError[] = []): SafeHtml {
  const l = ctx.locale;
  return layout(
    ctx,
    t(l, 'reset.newTitle'),
    html`${errorSummary(ctx, errors)}
      <h1>${t(l, 'reset.newTitle')}</h1>
      <form method="post" action="/reset-password/confirm" novalidate>
        ${csrfField(ctx)}
        <input type="hidden" name="token" value="${token}" />
        ${textInput({ name: 'password', label: t(l, 'register.password'), hint: t(l, 'register.passwordHint', { min: PASSWORD_MIN_LENGTH }), type: 'password', autocomplete: 'new-password', errors })}
        ${button(t(l, 'reset.newSubmit'))}
      </form>`,
  );
}
