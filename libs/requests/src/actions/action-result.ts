import type { TransitionResult } from '../lifecycle/request-transition.runner';

/** The state of a request after an action, as every action endpoint answers it. */
export interface ActionResult {
  id: string;
  trackingNumber: string;
  status: string;
  version: number;
  dueOn: string | null;
  provisional: boolean;
  clockStatus: 'running' | 'stopped';
  eventId: string;
  /** Engine and use-case warnings (e.g. late_clarification_notice), for the clerk. */
  warnings: string[];
  [extra: string]: unknown;
}

export function actionResult(result: TransitionResult, extra: Record<string, unknown> = {}): ActionResult {
  const r = result.request;
  const warnings = [...new Set([...result.deadline.warnings, ...((extra.warnings as string[]) ?? [])])];
  return {
    id: r.id,
    trackingNumber: r.tracking_number,
    status: r.status,
    version: r.version,
    dueOn: r.due_on,
    provisional: r.provisional,
    clockStatus: r.clock_status,
    eventId: result.eventId,
    ...extra,
    warnings,
  };
}

/** Optimistic locking: every action body may carry the version the client last read. */
export interface Versioned {
  expectedVersion?: number;
}
