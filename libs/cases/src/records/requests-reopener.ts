import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@disclose/identity';
import type { RequestReopener } from './request-reopener';

/** Adapter to the requests library's reopen use case (RequestAction.Reopen). */
@Injectable()
export class RequestsReopener implements RequestReopener {
  async reopen(
    _actor: AuthUser,
    _requestId: string,
    _input: { dueOn: string; caseId: string; disposition: string; decidedOn: string },
  ): Promise<void> {
    throw new Error('the requests library has no reopen use case yet');
  }
}
