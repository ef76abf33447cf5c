import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import {
  PASSWORD,
  axeViolations,
  createPortalWorld,
  launchChromium,
  screenshot,
  type AxeViolation,
  type PortalWorld,
} from './portal.fixtures';

const NEW_PASSWORD = 'a new and longer passphrase';

/**
 * Account pages in Debian's Chromium against the built api (no worker: nothing here is queued): an admin
 * disables, enables and signs out a clerk whose browser is open; a user changes their password and signs out
 * their other devices, and the other browser's session ends.
 */
describe('portal accounts (Chromium, built api)', () => {
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  // /health checks SMTP; nothing here sends mail (no worker runs).
  const smtp = new SmtpCapture();
  const axeResults: Record<string, AxeViolation[]> = {};
  let api: AppProcess;
  let base: string;
  let world: PortalWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function checkA11y(page: Page, name: string): Promise<void> {
    axeResults[name] = await axeViolations(page);
    await screenshot(page, name);
    const bad = axeResults[name].filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect({ page: name, violations: bad }).toEqual({ page: name, violations: [] });
  }

  async function newContext(locale: 'zh-CN' | 'en-GB'): Promise<BrowserContext> {
    const context = await browser.newContext({
      baseURL: base,
      locale,
      extraHTTPHeaders: { 'accept-language': locale === 'zh-CN' ? 'zh-CN,zh;q=0.9' : 'en-GB,en;q=0.9' },
    });
    contexts.push(context);
    return context;
  }

  /** Signs in through the form; answers the page where the form led (the error summary when refused). */
  async function signIn(page: Page, email: string, password: string, next = '/queue'): Promise<void> {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await page.click('main button[type=submit]');
    await page.waitForLoadState();
  }

  const row = (page: Page, email: string) => page.locator(`#staff tr[data-email="${email}"]`);

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = new AppProcess(
      'api',
      testProcessEnv({
        SMTP_URL: smtpUrl,
        PORT: String(port),
        PUBLIC_URL: base,
        STORAGE_DIR: `/tmp/disclose-accounts-${port}`,
      }),
    ).start();
    await db.connect();
    [browser] = await Promise.all([launchChromium(), waitForHttp(`${base}/health`, 200, 60_000)]);
    world = await createPortalWorld(db);
  }, 120_000);

  afterAll(async () => {
    console.log(`axe-core violations by page (all impacts):\n${JSON.stringify(axeResults, null, 1)}`);
    for (const context of contexts) await context.close();
    await browser?.close();
    await api?.stop();
    await db.end();
    await smtp.stop();
  });

  it('an admin disables a clerk (whose open session ends), cannot disable themselves, and enables the clerk again', async () => {
    const { clerk, admin } = world.staff;
    const clerkPage = await (await newContext('zh-CN')).newPage();
    await signIn(clerkPage, clerk.email, PASSWORD);
    expect(new URL(clerkPage.url()).pathname).toBe('/queue');

    const page = await (await newContext('en-GB')).newPage();
    await signIn(page, admin.email, PASSWORD, '/admin');
    // The language switch: the admin works in Chinese from here on.
    await page.goto('/lang/zh-CN?next=%2Fadmin');
    await page.waitForURL('**/admin');
    await expect(row(page, clerk.email).locator('.user-status').textContent()).resolves.toBe('正常');
    await expect(row(page, admin.email).textContent()).resolves.toContain('（您本人）');
    await checkA11y(page, 'admin-users');

    await row(page, clerk.email)
      .getByRole('link', { name: `停用账户 ${clerk.name}`, exact: true })
      .click();
    await page.waitForURL(`**/admin/users/${clerk.id}/disable`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`停用 ${clerk.name} 的账户？`);
    await checkA11y(page, 'admin-disable-confirm');
    await page.click('#f-confirm');
    await page.waitForURL(`**/admin?notice=disabled&user=${clerk.id}*`);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      `${clerk.name} 的账户已停用，其在所有设备上的登录均已结束。`,
    );
    await expect(row(page, clerk.email).locator('.user-status').textContent()).resolves.toBe('已停用');
    await checkA11y(page, 'admin-users-disabled');
    const disabled = await db.query(`SELECT disabled_at FROM users WHERE id = $1`, [clerk.id]);
    expect(disabled.rows[0].disabled_at).not.toBeNull();

    // The clerk's open browser: the next page load is no longer signed in.
    await clerkPage.goto('/queue');
    await clerkPage.waitForURL('**/sign-in?next=%2Fqueue');
    await signIn(clerkPage, clerk.email, PASSWORD);
    expect(new URL(clerkPage.url()).pathname).toBe('/sign-in');
    await expect(clerkPage.locator('.error-summary a').textContent()).resolves.toBe('邮箱或密码错误。');

    // An admin's own account: the service refuses, the page says why, nothing changes.
    await page.goto(`/admin/users/${admin.id}/disable`);
    await page.click('#f-confirm');
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe(
      '账户：管理员不能停用自己的账户',
    );
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#f-confirm');
    await checkA11y(page, 'admin-disable-self-refused');
    const self = await db.query(`SELECT disabled_at FROM users WHERE id = $1`, [admin.id]);
    expect(self.rows[0].disabled_at).toBeNull();

    // Enabling posts at once; the clerk signs in again.
    await page.goto('/admin');
    await row(page, clerk.email)
      .getByRole('button', { name: `启用账户 ${clerk.name}`, exact: true })
      .click();
    await page.waitForURL(`**/admin?notice=enabled&user=${clerk.id}*`);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      `${clerk.name} 的账户已重新启用，可以登录。`,
    );
    await expect(row(page, clerk.email).locator('.user-status').textContent()).resolves.toBe('正常');
    await signIn(clerkPage, clerk.email, PASSWORD);
    expect(new URL(clerkPage.url()).pathname).toBe('/queue');

    // "Sign out everywhere": a confirmation, then every session of the clerk ends (the account stays enabled).
    await row(page, clerk.email)
      .getByRole('link', { name: `在所有设备上退出登录 ${clerk.name}`, exact: true })
      .click();
    await page.waitForURL(`**/admin/users/${clerk.id}/sign-out`);
    await checkA11y(page, 'admin-sign-out-confirm');
    await page.click('#f-confirm');
    await page.waitForURL(`**/admin?notice=revoked&user=${clerk.id}&n=1*`);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      `${clerk.name} 已在所有设备上退出登录（结束 1 个会话）。`,
    );
    await clerkPage.goto('/queue');
    await clerkPage.waitForURL('**/sign-in?next=%2Fqueue');
    await signIn(clerkPage, clerk.email, PASSWORD);
    expect(new URL(clerkPage.url()).pathname).toBe('/queue');
  }, 120_000);

  it('a user changes their password (errors tied to fields), which signs out their other browser; then signs out other devices', async () => {
    const { supervisor } = world.staff;
    const here = await (await newContext('en-GB')).newPage();
    const elsewhere = await (await newContext('zh-CN')).newPage();
    await signIn(here, supervisor.email, PASSWORD);
    await signIn(elsewhere, supervisor.email, PASSWORD);
    expect(new URL(elsewhere.url()).pathname).toBe('/queue');

    await here.click('header a[href="/account"]');
    await here.waitForURL('**/account');
    await expect(here.locator('h1').textContent()).resolves.toBe('Your account');
    await checkA11y(here, 'account');

    const form = here.locator('form[action="/account/password"]');
    await here.fill('#f-currentPassword', 'not my password at all');
    await here.fill('#f-newPassword', NEW_PASSWORD);
    await here.fill('#f-confirmPassword', `${NEW_PASSWORD}!`);
    await form.locator('button[type=submit]').click();
    // The confirmation does not match: stopped before the service (the current password is not checked yet).
    await expect(here.locator('.error-summary a').allTextContents()).resolves.toEqual([
      'Enter the same new password twice',
    ]);
    expect(await here.locator('.error-summary a').getAttribute('href')).toBe('#f-confirmPassword');
    await expect(here.locator('#f-confirmPassword').getAttribute('aria-describedby')).resolves.toContain(
      'f-confirmPassword-error',
    );
    await checkA11y(here, 'account-errors');

    await here.fill('#f-currentPassword', 'not my password at all');
    await here.fill('#f-newPassword', NEW_PASSWORD);
    await here.fill('#f-confirmPassword', NEW_PASSWORD);
    await form.locator('button[type=submit]').click();
    await expect(here.locator('.error-summary a').allTextContents()).resolves.toEqual([
      'The current password is not right',
    ]);
    expect(await here.locator('.error-summary a').getAttribute('href')).toBe('#f-currentPassword');
    // Passwords are never written back into the page.
    await expect(here.locator('#f-newPassword').inputValue()).resolves.toBe('');

    await here.fill('#f-currentPassword', PASSWORD);
    await here.fill('#f-newPassword', NEW_PASSWORD);
    await here.fill('#f-confirmPassword', NEW_PASSWORD);
    await form.locator('button[type=submit]').click();
    await here.waitForURL('**/account?notice=password');
    await expect(here.locator('.notice').textContent()).resolves.toBe(
      'Your password has been changed. You have been signed out on every other device and browser.',
    );

    // The other browser's session has ended; this one has not.
    await elsewhere.goto('/queue');
    await elsewhere.waitForURL('**/sign-in?next=%2Fqueue');
    await here.goto('/queue');
    expect(new URL(here.url()).pathname).toBe('/queue');
    await signIn(elsewhere, supervisor.email, PASSWORD);
    await expect(elsewhere.locator('.error-summary a').textContent()).resolves.toBe('邮箱或密码错误。');
    await signIn(elsewhere, supervisor.email, NEW_PASSWORD);
    expect(new URL(elsewhere.url()).pathname).toBe('/queue');

    // "Sign out of other devices": the other browser again, and only it.
    await here.goto('/account');
    await here.locator('form[action="/account/sessions/revoke"] button').click();
    await here.waitForURL('**/account?notice=others&n=1');
    await expect(here.locator('.notice').textContent()).resolves.toBe(
      'You have been signed out on your other devices (1 sessions ended).',
    );
    await elsewhere.goto('/queue');
    await elsewhere.waitForURL('**/sign-in?next=%2Fqueue');
    await here.goto('/account');
    expect(new URL(here.url()).pathname).toBe('/account');
  }, 120_000);

  it('sends a visitor to sign in, refuses account actions to a non-admin, and shows the account page in Chinese', async () => {
    const context = await newContext('en-GB');
    const page = await context.newPage();
    await page.goto('/account');
    await page.waitForURL('**/sign-in?next=%2Faccount');
    await signIn(page, world.staff.ukClerk.email, PASSWORD, '/account');
    const response = await page.goto(`/admin/users/${world.staff.admin.id}/disable`);
    expect(response?.status()).toBe(403);
    // A forged post with a valid CSRF pair is refused by role, and writes nothing.
    const csrf = (await context.cookies()).find((c) => c.name === 'disclose_csrf')?.value ?? '';
    expect(csrf).not.toBe('');
    const posted = await page.request.post(`/admin/users/${world.staff.clerk.id}/disable`, {
      form: { _csrf: csrf },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    const clerk = await db.query(`SELECT disabled_at FROM users WHERE id = $1`, [world.staff.clerk.id]);
    expect(clerk.rows[0].disabled_at).toBeNull();

    // The account page in Chinese: an empty password form names each field.
    await page.goto('/lang/zh-CN?next=%2Faccount');
    await page.waitForURL('**/account');
    await expect(page.locator('h1').textContent()).resolves.toBe('我的账户');
    await page.locator('form[action="/account/password"] button').click();
    await expect(page.locator('.error-summary a').allTextContents()).resolves.toEqual([
      '请填写当前密码',
      '请填写新密码',
      '请填写确认新密码',
    ]);
    await checkA11y(page, 'account-errors-zh');
  }, 60_000);
});
