import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReportInconsistencyError } from '@disclose/reports';
import { PROBLEM_CONTENT_TYPE, problemType } from '../http/problem';

/**
 * A report that does not add up is answered 409 with the broken identities and the tracking numbers of
 * the requests to fix: the clerk can act on it, so it must not be hidden behind a generic 500.
 */
@Catch(ReportInconsistencyError)
export class ReportInconsistencyFilter implements ExceptionFilter {
  catch(error: ReportInconsistencyError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    void reply
      .status(409)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        type: problemType(error.code),
        title: 'The report does not add up',
        status: 409,
        code: error.code,
        detail: error.message,
        instance: http.getRequest<FastifyRequest>().url,
        ...error.details,
      });
  }
}
