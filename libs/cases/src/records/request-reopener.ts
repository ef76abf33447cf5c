import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@disclose/identity';

/** What the case tells the request when a decision sends it back to the agency. */
export interface ReopenOrder {
  caseId: string;
  disposition: string;
  /** The decision's date: the agency's clock restarts on it (RequestEventLike.newReceivedOn). */
  decidedOn: string;
  /** A reply date the decision itself fixed, if any (kept in the request's event). */
  orderedDueOn: string | null;
}

/**
 * How a case that corrects the agency sends its request back (RequestAction.Reopen): implemented with the
 * requests library's transition runner, which writes the request row and its 'reopened' event (the cases
 * library never writes requests), inside the caller's transaction `manager`, so the case's outcome and the
 * reopen commit together or not at all. Resolves to the request's new due date: the one the decision
 * fixed, else the rule set's period from the decision.
 */
export interface RequestReopener {
  reopen(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    order: ReopenOrder,
  ): Promise<{ dueOn: string | null }>;
}

/** Nest injection token of the {@link RequestReopener}. */
export const REQUEST_REOPENER = Symbol('REQUEST_REOPENER');
