import fc from 'fast-check';
import { maskText, maskUrl, scrub, serializeError } from './pii';

describe('log privacy', () => {
  it.each([
    ['mail to zhang.san+foi@example.com.cn failed', 'mail to [email] failed'],
    ['550 <li.si@plgt.gov.cn>: Recipient address rejected', '550 <[email]>: Recipient address rejected'],
    ['sent to a%40b.org', 'sent to [email]'],
    ['身份证号62010219900307123X，请核实', '身份证号[id-number]，请核实'],
    ['old id 620102900307123 here', 'old id [id-number] here'],
    ['手机13912345678或+86 139 1234 5678', '手机[phone]或[phone]'],
    ['座机0933-8212345', '座机[phone]'],
    ['call +44 20 7946 0958 now', 'call [phone] now'],
    ['SSN 123-45-6789', 'SSN [id-number]'],
    ['NI AB 12 34 56 C', 'NI [id-number]'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [token]'],
    ['token=' + 'A'.repeat(20) + '_-' + 'b'.repeat(21), 'token=[token]'],
    ['hash $argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA end', 'hash [hash] end'],
  ])('masks %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    'request 7c9e6679-7425-40de-944b-e07fc1f90ae7 filed as PLGT-2026-000123',
    '{"level":30,"time":1764400600000,"pid":12345,"msg":"request completed","responseTime":12}',
    'reconciled milestones: {"scheduled":120,"late":0}',
    '2026-11-29T23:22:03.000Z due 2026-12-18',
  ])('leaves ordinary log text alone: %j', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('never lets a generated email or CN mobile number through, wherever it sits in the text', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (email, mobile, before, after) => {
          const masked = maskText(`${before} ${email} / ${mobile} ${after}`);
          expect(masked).not.toContain(email);
          expect(masked).not.toContain(mobile);
        },
      ),
    );
  });

  it('keeps a URL path and safe query values, drops the others', () => {
    expect(maskUrl('/api/v1/requests?status=open&q=张三&page=2')).toBe(
      '/api/v1/requests?status=open&q=…&page=2',
    );
    expect(maskUrl('/reset-password?token=abc')).toBe('/reset-password?token=…');
  });

  it('redacts secret keys and masks personal keys at any depth', () => {
    const out = scrub({
      body: {
        email: 'a@b.org',
        password: 'hunter2hunter2',
        applicant: { name: '张三', phone: '13912345678' },
      },
      list: [{ accessToken: 'x' }],
      note: 'contact a@b.org',
      count: 3,
    });
    expect(out).toEqual({
      body: { email: '[pii]', password: '[redacted]', applicant: '[pii]' },
      list: [{ accessToken: '[redacted]' }],
      note: 'contact [email]',
      count: 3,
    });
  });

  it('serializes a failed query without its parameters (the whole row: email, name, hash)', () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        code: '23505',
        query: 'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)',
        parameters: ['wang.wu@example.org', '王五', '$argon2id$v=19$m=65536,t=3,p=4$abc$def'],
        detail: 'Key (email)=(wang.wu@example.org) already exists.',
        driverError: { detail: 'Key (email)=(wang.wu@example.org) already exists.' },
      },
    );
    const text = JSON.stringify(serializeError(error));
    expect(text).toContain('23505');
    expect(text).toContain('users_email_key');
    for (const leaked of ['wang.wu@example.org', '王五', 'argon2id', 'INSERT INTO'])
      expect(text).not.toContain(leaked);
  });
});
