import { isServiceUnavailable, unavailableProblem } from './unavailable';

describe('isServiceUnavailable', () => {
  it('recognises PostgreSQL and Redis being unreachable, however wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isServiceUnavailable(refused)).toBe(true);
    expect(isServiceUnavailable(new AggregateError([refused], ''))).toBe(true);
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(isServiceUnavailable({ name: 'QueryFailedError', message: 'x', driverError: shutdown })).toBe(
      true,
    );
    expect(isServiceUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // The pool this process closed while stopping, with a request still running.
    expect(isServiceUnavailable(new Error('Cannot use a pool after calling end on the pool'))).toBe(true);
    const released = Object.assign(new Error('released'), {
      name: 'QueryRunnerProviderAlreadyReleasedError',
    });
    expect(isServiceUnavailable(released)).toBe(true);
    expect(isServiceUnavailable(new Error('boom', { cause: new Error('Connection is closed.') }))).toBe(true);
  });

  it('leaves bugs and constraint violations alone (they stay 500 / 4xx)', () => {
    expect(isServiceUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isServiceUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isServiceUnavailable(undefined)).toBe(false);
  });

  it('answers 503 with a retry hint in the caller language', () => {
    expect(unavailableProblem('en')).toMatchObject({
      status: 503,
      code: 'SERVICE.UNAVAILABLE',
      retryAfter: 5,
    });
    expect(unavailableProblem('zh-CN').detail).toContain('秒后重试');
  });
});
