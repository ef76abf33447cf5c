import { html, type HtmlValue, type SafeHtml } from './html';
import { t, type PortalLocale } from '../i18n/i18n';
import type { PortalContext } from '../http/portal-context';
import { csrfField } from './components';

const STAFF = ['clerk', 'supervisor', 'admin'];

function navLinks(ctx: PortalContext): Array<[string, string]> {
  const l = ctx.locale;
  const links: Array<[string, string]> = [['/', t(l, 'nav.home')]];
  const role = ctx.user?.role;
  if (!role || role === 'applicant') {
    links.push(['/requests/new', t(l, 'nav.file')]);
    if (role) links.push(['/requests', t(l, 'nav.mine')]);
  }
  if (role && STAFF.includes(role)) links.push(['/queue', t(l, 'nav.queue')]);
  if (role && role !== 'applicant')
    links.push(['/cases', t(l, 'nav.cases')], ['/dashboard', t(l, 'nav.dashboard')]);
  if (role === 'admin') links.push(['/admin', t(l, 'nav.admin')]);
  if (role && role !== 'applicant' && role !== 'admin') links.push(['/admin/report', t(l, 'admin.report')]);
  links.push(['/calculator', t(l, 'nav.calculator')]);
  return links;
}

function other(locale: PortalLocale): PortalLocale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN';
}

/** The page frame: skip link, header with the menu and the language switch, main, footer. */
export function layout(ctx: PortalContext, title: string, body: HtmlValue): SafeHtml {
  const l = ctx.locale;
  const switchTo = other(l);
  const current = ctx.path.split('?')[0];
  const nav = navLinks(ctx).map(([href, text]) => {
    const here = href === current;
    return html`<li><a href="${href}" ${here ? html` aria-current="page"` : ''}>${text}</a></li>`;
  });
  const account = ctx.user
    ? html`<span class="who">${t(l, 'signedInAs', { name: ctx.user.name })}</span>
        <a href="/account" ${current === '/account' ? html` aria-current="page"` : ''}>${t(l, 'nav.account')}</a>
        <form method="post" action="/sign-out" class="inline">
          ${csrfField(ctx)} <button type="submit" class="link-button">${t(l, 'nav.signOut')}</button>
        </form>`
    : html`<a href="/sign-in">${t(l, 'nav.signIn')}</a> <a href="/register">${t(l, 'nav.register')}</a>`;
  return html`<!doctype html>
    <html lang="${l}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – ${t(l, 'service.name')}</title>
        <link rel="stylesheet" href="/assets/portal.css" />
        <script src="/assets/portal.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">${t(l, 'skip')}</a>
        <header class="header">
          <div class="width">
            <a class="brand" href="/"
              >${t(l, 'service.name')}<span class="tagline">${t(l, 'service.tagline')}</span></a
            >
            <div class="account">
              ${account}
              <a
                class="lang"
                href="/lang/${switchTo}?next=${encodeURIComponent(ctx.path)}"
                hreflang="${switchTo}"
                lang="${switchTo}"
                aria-label="${t(l, 'lang.switchLabel')}"
                >${t(l, 'lang.switch')}</a
              >
            </div>
          </div>
          <nav class="width" aria-label="${t(l, 'nav.label')}">
            <ul class="nav">
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" class="width" tabindex="-1">
          ${ctx.notice ? html`<div class="notice" role="status">${ctx.notice}</div>` : ''} ${body}
        </main>
        <footer class="footer"><div class="width">${t(l, 'footer')}</div></footer>
      </body>
    </html>`;
}
