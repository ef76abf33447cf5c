import { readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { isWorkingDay } from '@disclose/deadlines';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import JSZip from 'jszip';
import {
  PASSWORD,
  apiAs,
  axeViolations,
  createPortalWorld,
  launchChromium,
  screenshot,
  shanghaiDate,
  type AxeViolation,
  type PortalWorld,
} from './portal.fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A PDF one byte over the 20 MB upload limit. */
const OVERSIZED = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
const zhDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * The portal in Debian's Chromium against the built api + worker, the run's PostgreSQL and Redis and an
 * SMTP capture: an applicant (Chinese) and a clerk (English) take one request from filing to a decision.
 */
describe('portal (Chromium, built api + worker)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  const applicantEmail = `applicant-${randomBytes(4).toString('hex')}@portal.test`;
  const axeResults: Record<string, AxeViolation[]> = {};
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let world: PortalWorld;
  let browser: Browser;
  let applicant: BrowserContext;
  let clerk: BrowserContext;
  let requestUrl = '';
  let trackingNumber = '';
  let reviewRequestUrl = '';

  /** Checks the page with axe-core; the suite fails on any serious or critical violation. */
  async function checkA11y(page: Page, name: string): Promise<void> {
    axeResults[name] = await axeViolations(page);
    await screenshot(page, name);
    const bad = axeResults[name].filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect({ page: name, violations: bad }).toEqual({ page: name, violations: [] });
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = testProcessEnv({
      SMTP_URL: smtpUrl,
      PORT: String(port),
      PUBLIC_URL: base,
      STORAGE_DIR: `/tmp/disclose-portal-${port}`,
    });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await db.connect();
    [browser] = await Promise.all([launchChromium(), waitForHttp(`${base}/health`, 200, 60_000)]);
    world = await createPortalWorld(db);
    applicant = await browser.newContext({
      baseURL: base,
      locale: 'zh-CN',
      extraHTTPHeaders: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    clerk = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' },
    });
  }, 120_000);

  afterAll(async () => {
    console.log(`axe-core violations by page (all impacts):\n${JSON.stringify(axeResults, null, 1)}`);
    await browser?.close();
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
    await smtp.stop();
  });

  it('shows a visitor the home page in Chinese (Accept-Language), with helmet headers and a strict CSP', async () => {
    const page = await applicant.newPage();
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.locator('h1').textContent()).resolves.toBe('向行政机关申请获取政府信息');
    await checkA11y(page, 'home');
    await page.goto('/sign-in');
    await checkA11y(page, 'sign-in');
    await page.close();
  }, 60_000);

  it('registers an applicant, who lands on the filing form, and emails a verification link that works', async () => {
    const page = await applicant.newPage();
    await page.goto('/register');
    await checkA11y(page, 'register');
    await page.fill('#f-name', '张三');
    await page.fill('#f-email', applicantEmail);
    await page.fill('#f-password', 'short');
    await page.selectOption('#f-applicantType', 'natural_person');
    await page.click('main button[type=submit]');
    // The error summary names the field in Chinese and links to it.
    await expect(page.locator('.error-summary a').first().textContent()).resolves.toContain('至少需要');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#f-password');
    expect(await page.locator('#f-password').getAttribute('aria-describedby')).toContain('f-password-error');
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/requests/new?notice=registered');
    await expect(page.locator('.notice').textContent()).resolves.toContain('账号已创建');
    await checkA11y(page, 'file-form');

    const deadline = Date.now() + 30_000;
    let link: string | undefined;
    while (!link && Date.now() < deadline) {
      const mail = smtp.messages.find((m) => m.to && JSON.stringify(m.to).includes(applicantEmail));
      link = mail?.text?.match(/https?:\/\/\S+\/verify-email\?token=[\w-]+/)?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link).toBeDefined();
    await page.goto(link!);
    await expect(page.locator('.lead').textContent()).resolves.toBe('您的邮箱已确认。');
    await page.close();
  }, 90_000);

  it('files a request and shows the receipt with the tracking number and the due date', async () => {
    const page = await applicant.newPage();
    await page.goto('/requests/new');
    await page.click('main button[type=submit]');
    expect(await page.locator('.error-summary li').count()).toBe(3);
    await page.selectOption('#f-agencyCode', world.agency.code);
    await page.fill('#f-subject', '2024年土地出让收入明细');
    await page.fill('#f-description', '请公开2024年国有土地使用权出让收入及支出明细。');
    await page.click('main button[type=submit]');
    await page.waitForURL('**/receipt');
    trackingNumber = (await page.locator('#tracking-number').textContent())!.trim();
    const { rows } = await db.query(
      `SELECT id, due_on::text AS due FROM requests WHERE tracking_number = $1`,
      [trackingNumber],
    );
    expect(rows).toHaveLength(1);
    await expect(page.locator('#due-on').textContent()).resolves.toBe(zhDate(rows[0].due));
    await checkA11y(page, 'receipt');
    requestUrl = `/requests/${rows[0].id}`;
    await page.goto('/requests');
    await expect(page.locator('table').textContent()).resolves.toContain(trackingNumber);
    await checkA11y(page, 'my-requests');
    await page.close();
  }, 60_000);

  it('lets a clerk find it in the queue (days left) and ask for a clarification', async () => {
    const page = await clerk.newPage();
    await page.goto('/queue');
    await page.waitForURL('**/sign-in?next=%2Fqueue');
    await page.fill('#f-email', world.staff.supervisor.email);
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/queue');
    await page.fill('#f-q', trackingNumber);
    await page.click('main button[type=submit]');
    const row = page.locator('tbody tr', { hasText: trackingNumber });
    await expect(row.locator('.tag').getAttribute('class')).resolves.toMatch(/days-(ok|5|2)/);
    await checkA11y(page, 'queue');
    await row.locator('a').click();
    await page.waitForURL(`**${requestUrl}`);
    await checkA11y(page, 'request-staff');
    await page.fill('#f-clarify-message', 'Please name the districts you are interested in.');
    await page.fill('#f-clarify-replyBy', shanghaiDate(20));
    await page.click('#f-clarify button[type=submit]');
    await page.waitForURL('**?notice=done');
    await expect(page.locator('.tag').first().textContent()).resolves.toBe('Waiting for your details');
    await page.close();
  }, 60_000);

  it('lets the applicant answer the clarification online', async () => {
    const page = await applicant.newPage();
    await page.goto(requestUrl);
    await expect(page.locator('blockquote').textContent()).resolves.toContain('name the districts');
    await checkA11y(page, 'request-applicant');
    await page.fill('#f-text', '崆峒区和泾川县。');
    await page.click('section[aria-labelledby=clarify-title] button[type=submit]');
    await page.waitForURL('**?notice=done');
    await expect(page.locator('.tag').first().textContent()).resolves.toBe('办理中');
    await page.close();
  }, 60_000);

  it('lets the clerk decide with a document, which the applicant downloads', async () => {
    const page = await clerk.newPage();
    await page.goto(requestUrl);
    await page.selectOption('#f-decide-outcome', 'disclosed');
    await page.fill('#f-decide-message', 'The figures are attached.');
    await page.click('#f-decide button[type=submit]');
    await page.waitForURL('**?notice=done');
    // One byte over the limit: said as such at the field, with the limit (was "File is not valid").
    await page.setInputFiles('#f-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: OVERSIZED });
    await page.click('#f-upload button[type=submit]');
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe(
      'The file is too large (max 20 MB)',
    );
    await expect(page.locator('#f-file-error').textContent()).resolves.toBe(
      'The file is too large (max 20 MB)',
    );
    await expect(page.locator('#f-file').getAttribute('aria-describedby')).resolves.toBe('f-file-error');
    await page.setInputFiles('#f-file', {
      name: 'land-income-2024.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.click('#f-upload button[type=submit]');
    await page.waitForURL('**?notice=done');
    await page.close();

    const mine = await applicant.newPage();
    await mine.goto(requestUrl);
    await expect(mine.locator('.tag').first().textContent()).resolves.toBe('已答复');
    const [download] = await Promise.all([mine.waitForEvent('download'), mine.click('a[download]')]);
    expect(download.suggestedFilename()).toBe('land-income-2024.pdf');
    expect(readFileSync((await download.path())!)).toEqual(PDF);
    await mine.close();
  }, 60_000);

  it('lets the applicant ask for an internal review of a UK reply from the request page', async () => {
    const mine = await apiAs(base, applicantEmail);
    const filed = await mine('POST', '/api/v1/requests', {
      agencyCode: world.uk.code,
      subject: 'Minutes of the planning committee',
      description: 'All minutes of 2025.',
    });
    const ukClerk = await apiAs(base, world.staff.ukClerk.email);
    await ukClerk('POST', `/api/v1/requests/${filed.id}/decision`, {
      outcome: 'withheld.state_secret',
      reasons: ['s.35'],
      message: 'Withheld.',
    });
    reviewRequestUrl = `/requests/${filed.id}`;

    const page = await applicant.newPage();
    await page.goto(reviewRequestUrl);
    await expect(page.locator('#review-title').textContent()).resolves.toBe('申请内部复核');
    // Until when the reply can be challenged, on the request page (issue 6).
    const windows = await mine('GET', `/api/v1/requests/${filed.id}/challenge-windows`);
    await expect(page.locator('#challenge-windows li').getAttribute('data-due-on')).resolves.toBe(
      windows.windows[0].dueOn,
    );
    await expect(page.locator('#challenge-windows').textContent()).resolves.toMatch(
      /内部复核[\s\S]*尚在期限内/,
    );
    await checkA11y(page, 'request-review');
    await page.click('section[aria-labelledby=review-title] button[type=submit]');
    await expect(page.locator('.error-summary a').first().textContent()).resolves.toContain('请求复核的理由');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#f-grounds');
    expect(await page.locator('#f-grounds').getAttribute('aria-describedby')).toContain('f-grounds-error');
    await page.fill('#f-grounds', '所引用的豁免条款并不适用。');
    await page.click('section[aria-labelledby=review-title] button[type=submit]');
    await page.waitForURL('**?notice=review');
    await expect(page.locator('#request-cases').textContent()).resolves.toContain('内部复核');
    // Filed once: the form is gone while the review is open.
    expect(await page.locator('#review-title').count()).toBe(0);
    const { rows } = await db.query(`SELECT kind, grounds FROM cases WHERE request_id = $1`, [filed.id]);
    expect(rows).toEqual([{ kind: 'internal_review', grounds: '所引用的豁免条款并不适用。' }]);
    await page.close();
  }, 60_000);

  it('lets legal staff add a hearing, upload a document and record the outcome of the review', async () => {
    const legal = await browser.newContext({ baseURL: base, extraHTTPHeaders: { 'accept-language': 'en' } });
    const page = await legal.newPage();
    await page.goto('/sign-in?next=%2Fcases');
    await page.fill('#f-email', world.staff.ukLegal.email);
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/cases');
    await page.click('tbody a');
    await page.waitForURL('**/cases/*');
    const caseUrl = new URL(page.url()).pathname;
    await expect(page.locator('main').textContent()).resolves.toContain('Decision due:');
    await checkA11y(page, 'case-legal');

    await page.click('#hearing-form button[type=submit]');
    expect(
      await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['#f-heldOn', '#f-heldTime', '#f-place']);
    const nextYear = Number(shanghaiDate().slice(0, 4)) + 1;
    await page.fill('#f-heldOn', `${nextYear}-03-02`);
    await page.fill('#f-heldTime', '10:30');
    await page.fill('#f-place', 'Committee room 4');
    await page.click('#hearing-form button[type=submit]');
    await page.waitForURL('**?notice=done');
    // 10:30 in London on 2 March (GMT) is stored as 10:30 UTC and shown as the agency's local time.
    await expect(page.locator('#case-hearings').textContent()).resolves.toContain(
      `2 March ${nextYear} 10:30 — Committee room 4`,
    );
    // 01:30 on the night London's clocks go back (the last Sunday of October) happens twice: the first,
    // 00:30 UTC (BST); the whole hour's instant plus the minutes gave the second, an hour late.
    const backDay = new Date(Date.UTC(nextYear, 9, 31));
    backDay.setUTCDate(31 - backDay.getUTCDay());
    const clocksBack = backDay.toISOString().slice(0, 10);
    await page.fill('#f-heldOn', clocksBack);
    await page.fill('#f-heldTime', '01:30');
    await page.fill('#f-place', 'Night court');
    await page.click('#hearing-form button[type=submit]');
    await page.waitForURL('**?notice=done');
    await expect(page.locator('#case-hearings').textContent()).resolves.toContain(
      `${backDay.getUTCDate()} October ${nextYear} 01:30 — Night court`,
    );

    // A case document over the limit, in Chinese (the language switch's cookie), then back to English.
    await legal.addCookies([{ name: 'lang', value: 'zh-CN', url: base }]);
    await page.selectOption('#f-kind', 'decision');
    await page.setInputFiles('#f-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: OVERSIZED });
    await page.click('#case-upload button[type=submit]');
    await expect(page.locator('#f-file-error').textContent()).resolves.toBe('文件太大（最大 20 MB）');
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe('文件太大（最大 20 MB）');
    await legal.addCookies([{ name: 'lang', value: 'en', url: base }]);
    await page.goto(caseUrl);

    await page.selectOption('#f-kind', 'decision');
    await page.setInputFiles('#f-file', {
      name: 'review-decision.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.click('#case-upload button[type=submit]');
    await page.waitForURL('**?notice=done');
    await expect(page.locator('#case-documents').textContent()).resolves.toContain(
      'Decision: review-decision.pdf',
    );

    await page.selectOption('#f-disposition', 'affirmed');
    await page.click('#outcome-form button[type=submit]');
    await page.waitForURL('**?notice=decided');
    await expect(page.locator('#case-summary').textContent()).resolves.toMatch(/Upheld[\s\S]*Affirmed/);
    expect(await page.locator('#outcome-form, #hearing-form').count()).toBe(0);
    const { rows } = await db.query(
      `SELECT c.outcome, c.disposition, h.held_at AS "heldAt"
         FROM cases c JOIN case_hearings h ON h.case_id = c.id WHERE c.id = $1 ORDER BY h.held_at`,
      [caseUrl.split('/').pop()],
    );
    expect(rows).toEqual([
      { outcome: 'upheld', disposition: 'affirmed', heldAt: new Date(`${nextYear}-03-02T10:30:00Z`) },
      { outcome: 'upheld', disposition: 'affirmed', heldAt: new Date(`${clocksBack}T00:30:00Z`) },
    ]);
    await legal.close();
  }, 90_000);

  it('files a request with the keyboard only: Tab reaches every field in order, Enter submits', async () => {
    const page = await applicant.newPage();
    await page.goto('/requests/new');
    const order: string[] = [];
    for (let i = 0; i < 25 && !order.includes('submit'); i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = (
            globalThis as unknown as {
              document: {
                activeElement: { tagName: string; id: string; closest(s: string): unknown } | null;
              };
            }
          ).document.activeElement;
          return el?.tagName === 'BUTTON' && el.closest('main') ? 'submit' : el?.id || el?.tagName || '';
        }),
      );
    }
    const fields = order.filter((id) =>
      [
        'f-agencyCode-filter',
        'f-agencyCode',
        'f-subject',
        'f-description',
        'f-deliveryMethod',
        'submit',
      ].includes(id),
    );
    expect(fields).toEqual([
      'f-agencyCode-filter',
      'f-agencyCode',
      'f-subject',
      'f-description',
      'f-deliveryMethod',
      'submit',
    ]);
    await page.focus('#f-agencyCode-filter');
    await page.keyboard.type(world.agency.code);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-agencyCode').inputValue()).toBe(world.agency.code);
    await page.keyboard.press('Tab');
    await page.keyboard.type('键盘提交的申请');
    await page.keyboard.press('Tab');
    await page.keyboard.type('只用键盘填写。');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/receipt');
    await expect(page.locator('#tracking-number').textContent()).resolves.toMatch(world.agency.code);
    await page.close();
  }, 60_000);

  it('switches language on every page, and the calculator shows the due date with its trace', async () => {
    const page = await applicant.newPage();
    await page.goto('/calculator?ruleSet=cn-ogi-2019&receivedOn=2025-09-30');
    await expect(page.locator('#calc-result').textContent()).resolves.toContain('2025年11月4日');
    await checkA11y(page, 'calculator');
    await page.click('a.lang');
    await page.waitForURL('**/calculator?ruleSet=cn-ogi-2019&receivedOn=2025-09-30');
    await expect(page.locator('#calc-result').textContent()).resolves.toContain('4 November 2025');
    expect(await page.locator('ol.trace li').count()).toBeGreaterThan(2);
    await page.close();
  }, 60_000);

  it('gives an admin the agencies, annual report downloads, a calendar preview, cases and the dashboard', async () => {
    const admin = await browser.newContext({ baseURL: base, extraHTTPHeaders: { 'accept-language': 'en' } });
    const page = await admin.newPage();
    await page.goto('/sign-in?next=%2Fadmin');
    await page.fill('#f-email', world.staff.admin.email);
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/admin');
    await expect(page.locator('main').textContent()).resolves.toContain(world.agency.code);
    await checkA11y(page, 'admin');

    const year = Number(shanghaiDate().slice(0, 4));
    await page.goto(`/admin/report?agency=${world.agency.code}&year=${year}`);
    await checkA11y(page, 'annual-report');
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#report-links a[href*=docx]'),
    ]);
    expect(
      readFileSync((await docx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // A weekday holiday inside the open (keyboard-filed) request's period moves its due date.
    let day = 3;
    while (!isWorkingDay('cn-ogi-2019', shanghaiDate(day)) || !shanghaiDate(day).startsWith(String(year)))
      day++;
    await page.goto('/admin/calendar');
    await page.selectOption('#f-agency', world.agency.code);
    await page.fill('#f-year', shanghaiDate(day).slice(0, 4));
    await page.fill('#f-holidays', shanghaiDate(day));
    await page.click('button[value=preview]');
    await expect(page.locator('#calendar-result').textContent()).resolves.toMatch(
      /^[1-9]\d* open requests change due date/,
    );
    await checkA11y(page, 'calendar-preview');

    await page.goto('/cases');
    await checkA11y(page, 'cases');
    await page.goto(`/dashboard?agency=${world.agency.code}`);
    expect(await page.locator('svg[role=img]').count()).toBe(2);
    await checkA11y(page, 'dashboard');
    await admin.close();
  }, 90_000);

  it('shows an admin a failed email and sends it again', async () => {
    const to = `bounced-${randomBytes(4).toString('hex')}@portal.test`;
    const { rows } = await db.query(
      `INSERT INTO outbox (dedupe_key, to_address, locale, template, params, status, attempts, last_error)
       VALUES ($1, $2, 'zh-CN', 'extension_granted', $3, 'failed', 5, '550 5.1.1 mailbox unavailable') RETURNING id`,
      [
        `portal-test:${to}`,
        to,
        JSON.stringify({ trackingNumber: 'MAIL-2025-000042', requestId: randomUUID(), dueOn: '2025-10-30' }),
      ],
    );
    const admin = await browser.newContext({ baseURL: base, extraHTTPHeaders: { 'accept-language': 'en' } });
    const page = await admin.newPage();
    await page.goto('/sign-in?next=%2Fadmin%2Fmail');
    await page.fill('#f-email', world.staff.admin.email);
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/admin/mail');
    const row = page.locator('#mail-failures tbody tr', { hasText: to });
    // The subject the recipient got (rendered from the row, in its language), not the template's name.
    await expect(row.textContent()).resolves.toMatch(
      /申请 MAIL-2025-000042：答复期限延长至2025年10月30日\s*5\s*550 5\.1\.1 mailbox unavailable/,
    );
    expect(await row.locator('td span[lang="zh-CN"]').count()).toBe(1);
    await checkA11y(page, 'mail-failures');
    await row.locator('button').click();
    await page.waitForURL('**/admin/mail?notice=retried');
    await expect(page.locator('.notice').textContent()).resolves.toBe('The email will be sent again.');
    expect(await page.locator('#mail-failures tbody tr', { hasText: to }).count()).toBe(0);
    // The worker sends it (the SMTP capture accepts every recipient) and marks the row sent.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !smtp.messages.some((m) => JSON.stringify(m.to ?? '').includes(to)))
      await new Promise((r) => setTimeout(r, 250));
    expect(smtp.messages.some((m) => JSON.stringify(m.to ?? '').includes(to))).toBe(true);
    const sent = await db.query(`SELECT status FROM outbox WHERE id = $1`, [rows[0].id]);
    expect(['sent', 'sending']).toContain(sent.rows[0].status);
    await admin.close();
  }, 60_000);

  it('lets an admin enter the report texts and table 1, which the DOCX download carries', async () => {
    const admin = await browser.newContext({
      baseURL: base,
      extraHTTPHeaders: { 'accept-language': 'zh-CN' },
    });
    // The admin's own setting is English; the language switch's cookie makes this browser Chinese.
    await admin.addCookies([{ name: 'lang', value: 'zh-CN', url: base }]);
    const page = await admin.newPage();
    const year = Number(shanghaiDate().slice(0, 4));
    await page.goto(
      `/sign-in?next=${encodeURIComponent(`/admin/report?agency=${world.agency.code}&year=${year}`)}`,
    );
    await page.fill('#f-email', world.staff.admin.email);
    await page.fill('#f-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL('**/admin/report?**');
    const overview = `本机关${year}年坚持以公开为常态、不公开为例外。${randomBytes(3).toString('hex')}`;
    await page.fill('#f-overview', overview);
    await page.fill('#f-t1-regulations-issued', '-2');
    await page.fill('#f-t1-licensing-decisions', '120');
    await page.click('form[aria-labelledby=report-texts-title] button[type=submit]');
    // Nothing saved: the error names the cell and links to it; the typed text is kept.
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe(
      '#f-t1-regulations-issued',
    );
    await expect(page.locator('.error-summary a').first().textContent()).resolves.toContain('规章');
    expect(await page.inputValue('#f-overview')).toBe(overview);
    await checkA11y(page, 'annual-report-texts-error');
    await page.fill('#f-t1-regulations-issued', '3');
    await page.click('form[aria-labelledby=report-texts-title] button[type=submit]');
    await page.waitForURL('**notice=saved');
    await expect(page.locator('.notice').textContent()).resolves.toBe('年度报告文字已保存。');
    expect(await page.inputValue('#f-t1-licensing-decisions')).toBe('120');

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#report-links a[href*=docx]'),
    ]);
    const zip = await JSZip.loadAsync(readFileSync((await docx.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(overview);
    // Section III was left empty: the download writes it from the figures.
    expect(xml).toContain('本年共收到政府信息公开申请');
    await admin.close();
  }, 60_000);

  it('refuses a form post without the CSRF token (403) and keeps Swagger UI working', async () => {
    const response = await fetch(`${base}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&email=csrf%40portal.test&password=correct+horse+battery&applicantType=natural_person',
    });
    expect(response.status).toBe(403);
    const { rows } = await db.query(`SELECT 1 FROM users WHERE email = 'csrf@portal.test'`);
    expect(rows).toHaveLength(0);
    const docs = await fetch(`${base}/api/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBeNull();
  }, 30_000);
});
