/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** One message per offending field; `field` is a dotted path (`applicant.email`). */
export interface FieldError {
  field: string;
  message: string;
  constraint?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A stable URI per problem kind; the page may document it later, the identity matters now. */
export function problemType(code: string): string {
  return `https://disclose.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;
}
