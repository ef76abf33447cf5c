import type { AuthUser } from '@disclose/identity';

/**
 * How a case that corrects the agency sends its request back (RequestAction.Reopen): implemented with the
 * requests library's service, which writes the request row and its 'reopened' event (cases never do).
 */
export interface RequestReopener {
  reopen(
    actor: AuthUser,
    requestId: string,
    input: { dueOn: string; caseId: string; disposition: string; decidedOn: string },
  ): Promise<void>;
}

/** Nest injection token of the {@link RequestReopener}. */
export const REQUEST_REOPENER = Symbol('REQUEST_REOPENER');
