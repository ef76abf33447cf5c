import { ArgumentsHost } from '@nestjs/common';
import {
  ConflictError,
  ERROR_CODES,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '@disclose/domain';
import { DOMAIN_STATUS, statusForDomainCode } from './domain-status';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestValidationException } from './validation';

interface Sent {
  status: number;
  headers: Record<string, unknown>;
  body: Record<string, any>;
}

function run(error: unknown, request: Record<string, unknown> = {}): Sent {
  const sent: Sent = { status: 0, headers: {}, body: {} };
  const reply = {
    getHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: unknown) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/x', headers: {}, ...request }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('domain error → HTTP status', () => {
  it('decides a 4xx status for every domain code', () => {
    for (const code of ERROR_CODES) {
      expect(DOMAIN_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(DOMAIN_STATUS[code]).toBeLessThan(500);
    }
  });

  it.each([
    ['AUTH.INVALID_CREDENTIALS', 401],
    ['AUTH.UNAUTHENTICATED', 401],
    ['AUTH.FORBIDDEN', 403],
    ['REQUEST.NOT_FOUND', 404],
    ['AGENCY.NOT_FOUND', 404],
    ['AUTH.EMAIL_TAKEN', 409],
    ['AGENCY.CODE_TAKEN', 409],
    ['REQUEST.VERSION_CONFLICT', 409],
    ['REQUEST.DUPLICATE_IDEMPOTENCY_KEY', 409],
    ['VALIDATION.FAILED', 400],
    ['AUTH.RATE_LIMITED', 429],
    ['DEADLINES.SOMETHING', 422],
    ['WHATEVER.UNKNOWN', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForDomainCode(code)).toBe(status);
  });
});

describe('ProblemDetailsFilter', () => {
  it('answers domain errors with a localized detail (user locale, else Accept-Language)', () => {
    expect(run(new InvalidCredentialsError()).body).toMatchObject({
      status: 401,
      detail: 'Wrong email or password.',
    });
    const zh = run(new InvalidCredentialsError(), { headers: { 'accept-language': 'zh-TW,en;q=0.5' } });
    expect(zh.body.detail).toBe('邮箱或密码错误。');
    const byUser = run(new ForbiddenError(), {
      headers: { 'accept-language': 'zh-CN' },
      user: { locale: 'en' },
    });
    expect(byUser).toMatchObject({ status: 403, body: { detail: 'You are not allowed to do this.' } });
    expect(run(new NotFoundError('AGENCY.NOT_FOUND', 'X')).status).toBe(404);
    expect(run(new ConflictError('AUTH.EMAIL_TAKEN')).status).toBe(409);
  });

  it('sets Retry-After on 429', () => {
    const sent = run(new RateLimitedError(42));
    expect(sent.status).toBe(429);
    expect(sent.headers['retry-after']).toBe(42);
    expect(sent.body.detail).toContain('42');
  });

  it('localizes field messages of class-validator and of domain ValidationErrors', () => {
    const zh = { headers: { 'accept-language': 'zh-CN' } };
    const pipe = new RequestValidationException([
      {
        field: 'password',
        constraint: 'minLength',
        message: 'password must be longer than or equal to 10 characters',
      },
      { field: 'extra', constraint: 'whitelistValidation', message: 'property extra should not exist' },
    ]);
    const sent = run(pipe, zh);
    expect(sent.status).toBe(400);
    expect(sent.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'password 长度不能少于 10 个字符',
      '不允许的字段 extra',
    ]);
    expect(run(pipe).body.errors[0].message).toBe('password must be longer than or equal to 10 characters');
    const domain = run(new ValidationError([{ field: 'timezone', code: 'invalid_time_zone' }]), zh);
    expect(domain.body.errors).toEqual([
      {
        field: 'timezone',
        constraint: 'invalid_time_zone',
        message: 'timezone 必须是 IANA 时区，如 Asia/Shanghai',
      },
    ]);
  });
});
