import { MAIL_TEMPLATES, MailLocale, MailTemplate, MailTemplateParams, renderEmail } from '@disclose/mail';

const PUBLIC_URL = 'https://foi.example.gov.cn';
const REQUEST_ID = '6f1c2b9e-0d5a-4b7e-9a51-3c2d1e0f9a77';
const TRACKING = 'PLGT-2025-000123';
const XSS = '<script>alert(1)</script>';

const ref = {
  trackingNumber: TRACKING,
  requestId: REQUEST_ID,
  agencyName: `平凉市国土资源局 ${XSS}`,
  name: XSS,
};
const digestItem = { trackingNumber: TRACKING, dueOn: '2025-10-30', daysLeft: 2, requestId: REQUEST_ID };

/** One complete example per template; the compiler checks each against its parameter type. */
const EXAMPLES: { [T in MailTemplate]: MailTemplateParams[T] } = {
  verify_email: { name: XSS, link: `${PUBLIC_URL}/verify?token=abc` },
  password_reset: { name: XSS, link: `${PUBLIC_URL}/reset?token=abc`, expiresInMinutes: 30 },
  request_acknowledged: { ...ref, dueOn: '2025-10-30' },
  clarification_requested: { ...ref, dueOn: '2025-10-30', message: XSS },
  extension_granted: { ...ref, dueOn: '2025-10-30', reason: XSS },
  fee_notice: { ...ref, dueOn: '2025-10-30', amount: '¥100', message: XSS },
  decision_made: { ...ref, outcome: XSS, message: XSS },
  request_withdrawn: { ...ref, reason: XSS },
  request_reopened: { ...ref, dueOn: '2025-10-30', reason: XSS },
  reminder_due: { ...ref, dueOn: '2025-10-30', daysLeft: 2 },
  overdue_escalation: { ...ref, dueOn: '2025-10-30', daysOverdue: 3, assigneeName: XSS },
  clerk_digest: { name: XSS, items: [digestItem, { ...digestItem, trackingNumber: XSS, daysLeft: -1 }] },
  case_reminder: {
    caseNumber: XSS,
    trackingNumber: TRACKING,
    requestId: REQUEST_ID,
    dueOn: '2025-10-30',
    daysLeft: 1,
  },
};
const LOCALES: MailLocale[] = ['zh-CN', 'en'];
const cases = MAIL_TEMPLATES.flatMap((t) => LOCALES.map((l) => [t, l] as const));
const render = (t: MailTemplate, l: MailLocale, params: object = EXAMPLES[t]) =>
  renderEmail(t, l, params as Record<string, unknown>, PUBLIC_URL);

describe(renderEmail.name, () => {
  it.each(LOCALES)('names the hearing’s time and place in a hearing reminder (%s), escaped', (locale) => {
    const params = { ...EXAMPLES.case_reminder, hearingAt: '2025-10-30 09:30', hearingPlace: XSS };
    const email = render('case_reminder', locale, params);
    expect(email.text).toContain('2025-10-30 09:30');
    expect(email.html).not.toContain(XSS);
    expect(email.text).toContain(XSS);
  });

  it('has an example for every template of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MAIL_TEMPLATES].sort());
  });

  it.each(cases)('%s renders in %s with subject, HTML and text', (template, locale) => {
    const email = render(template, locale);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toContain(`<html lang="${locale}">`);
    expect(email.text.length).toBeGreaterThan(20);
    // The language is the recipient's: Chinese text only in zh-CN, none in the English version's prose.
    expect(/[您申请请]/.test(email.text.replace(/平凉市国土资源局/g, ''))).toBe(locale === 'zh-CN');
  });

  it.each(cases)('%s in %s escapes <script> in every parameter', (template, locale) => {
    const { html, text } = render(template, locale);
    expect(html).not.toContain('<script>');
    if (JSON.stringify(EXAMPLES[template]).includes('<script>')) {
      expect(html).toContain('&lt;script&gt;');
      expect(text).toContain('<script>');
    }
  });

  const requestTemplates = MAIL_TEMPLATES.filter(
    (t) => 'trackingNumber' in EXAMPLES[t] || t === 'clerk_digest',
  );
  it.each(requestTemplates.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
    '%s in %s carries the tracking number and the link to the request',
    (template, locale) => {
      const { html, text } = render(template, locale);
      const link = `${PUBLIC_URL}/requests/${REQUEST_ID}`;
      for (const body of [html, text]) {
        expect(body).toContain(TRACKING);
        expect(body).toContain(link);
      }
    },
  );

  it.each([
    ['zh-CN', '2025年10月30日'],
    ['en', '30 October 2025'],
  ] as const)('writes the due date the %s way', (locale, written) => {
    const { subject, html, text } = render('reminder_due', locale);
    expect(subject).toContain(written);
    expect(html).toContain(written);
    expect(text).toContain(written);
  });

  it('uses the link parameter of account emails and refuses javascript: links', () => {
    expect(render('verify_email', 'en').html).toContain(`href="${PUBLIC_URL}/verify?token=abc"`);
    const hostile = render('verify_email', 'en', { link: 'javascript:alert(1)' });
    expect(hostile.html).not.toContain('javascript:');
    expect(hostile.text).not.toContain('javascript:');
  });

  it('keeps the subject on one line whatever a parameter holds', () => {
    const { subject } = render('request_withdrawn', 'en', {
      ...ref,
      trackingNumber: 'X-1\r\nBcc: evil@example.com',
    });
    expect(subject).toBe('Request X-1 Bcc: evil@example.com withdrawn');
  });

  it('refuses a row missing a required parameter, naming it', () => {
    expect(() => render('reminder_due', 'en', { ...ref, daysLeft: 1 })).toThrow(/dueOn/);
    expect(() => render('clerk_digest', 'zh-CN', { items: 'x' })).toThrow(/items/);
    expect(() => render('nope' as MailTemplate, 'en', {})).toThrow(/unknown mail template/);
  });

  it('sorts the digest: overdue first, then by days left, and says so when there is nothing', () => {
    const { text } = render('clerk_digest', 'en');
    expect(text.indexOf('Overdue')).toBeLessThan(text.indexOf('Due in the next 5 working days'));
    expect(text).toContain('overdue by 1 working day');
    expect(render('clerk_digest', 'zh-CN', { items: [] }).text).toContain('没有到期的申请');
  });
});
