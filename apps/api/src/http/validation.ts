import { BadRequestException, ValidationError, ValidationPipeOptions } from '@nestjs/common';
import { FieldError } from './problem';

/** Carries field-level messages from the ValidationPipe to the problem filter. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request has invalid fields.');
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      constraint,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Unknown fields are refused, not silently dropped: a typo in a field name must not go unnoticed. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
};
