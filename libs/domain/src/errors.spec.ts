import {
  ConflictError,
  DeadlineRuleViolationError,
  DomainError,
  ERROR_CODES,
  FeeNotApplicableError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  isErrorCode,
} from './errors';
import { MESSAGES, formatMessage } from './messages';

describe('domain errors', () => {
  it.each<[DomainError, string]>([
    [new InvalidTransitionError('decided', 'decide'), 'REQUEST.INVALID_TRANSITION'],
    [new NotFoundError(), 'REQUEST.NOT_FOUND'],
    [new NotFoundError('AGENCY.NOT_FOUND', 'PLGT'), 'AGENCY.NOT_FOUND'],
    [new VersionConflictError('r1', 3), 'REQUEST.VERSION_CONFLICT'],
    [new ConflictError('AUTH.EMAIL_TAKEN'), 'AUTH.EMAIL_TAKEN'],
    [new ConflictError('REQUEST.DUPLICATE_IDEMPOTENCY_KEY'), 'REQUEST.DUPLICATE_IDEMPOTENCY_KEY'],
    [new InvalidCredentialsError(), 'AUTH.INVALID_CREDENTIALS'],
    [new ForbiddenError('decide'), 'AUTH.FORBIDDEN'],
    [new ValidationError([{ field: 'pages', code: 'must_be_non_negative_integer' }]), 'VALIDATION.FAILED'],
    [new FeeNotApplicableError('us-foia'), 'FEE.NOT_APPLICABLE'],
    [new DeadlineRuleViolationError('extension_cap', 'total 25 > 20'), 'DEADLINE.RULE'],
  ])('%s has code %s and is a DomainError', (error, code) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(isErrorCode(error.code)).toBe(true);
    expect(formatMessage(error.code, error.params, 'zh-CN')).not.toMatch(/\{\w+\}/);
  });

  it('carries from and action on invalid transitions', () => {
    const e = new InvalidTransitionError('closed', 'decide');
    expect(e).toMatchObject({
      from: 'closed',
      action: 'decide',
      params: { from: 'closed', action: 'decide' },
      name: 'InvalidTransitionError',
    });
  });

  it('carries field messages on validation errors', () => {
    const e = new ValidationError([
      { field: 'email', code: 'invalid_email' },
      { field: 'name', code: 'required' },
    ]);
    expect(e.details).toEqual(e.fields);
    expect(formatMessage(e.code, e.params, 'en')).toBe('Invalid input: email, name.');
  });
});

describe(formatMessage.name, () => {
  it('has both locales for every code', () => {
    for (const code of ERROR_CODES) {
      expect(MESSAGES[code].en.length).toBeGreaterThan(0);
      expect(MESSAGES[code]['zh-CN'].length).toBeGreaterThan(0);
    }
  });

  it('interpolates params and leaves missing ones visible', () => {
    expect(formatMessage('REQUEST.INVALID_TRANSITION', { from: 'closed', action: 'decide' })).toBe(
      'The action "decide" is not allowed while the request is closed.',
    );
    expect(formatMessage('REQUEST.INVALID_TRANSITION', { from: 'closed', action: 'decide' }, 'zh-CN')).toBe(
      '申请处于“closed”状态，不能执行“decide”操作。',
    );
    expect(formatMessage('FEE.NOT_APPLICABLE', {})).toBe('No fee can be charged under rule set {ruleSet}.');
  });
});
