import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgencyInfo } from '@disclose/identity';
import type { AgencyCalendar } from '../lifecycle/request-deadline';

/** A deadline outside the requests themselves (a legal case's) that moves with the agency's calendar. */
export interface DependentDeadlineChange {
  /** What the deadline belongs to, e.g. 'case'. */
  subject: string;
  id: string;
  requestId: string;
  trackingNumber: string;
  /** Which of its deadlines, e.g. 'decision_due'. */
  key: string;
  from: string | null;
  to: string | null;
}

/**
 * Port: other deadlines that the agency's calendar overrides drive. Implemented by libraries that depend on
 * this one (@disclose/cases registers its open cases), so that loading overrides recomputes them in the same
 * transaction without this library importing theirs.
 */
export interface CalendarDependent {
  /**
   * Recomputes the agency's open subjects with `calendar` in the caller's transaction; `write` false is a
   * preview (nothing written). Returns the deadlines that move.
   */
  recomputeForCalendar(
    manager: EntityManager,
    agency: AgencyInfo,
    calendar: AgencyCalendar,
    actorId: string | null,
    write: boolean,
  ): Promise<DependentDeadlineChange[]>;
}

/** The registry of {@link CalendarDependent}s (each registers itself when its module starts). */
@Injectable()
export class CalendarDependents {
  private readonly dependents: CalendarDependent[] = [];

  register(dependent: CalendarDependent): void {
    if (!this.dependents.includes(dependent)) this.dependents.push(dependent);
  }

  async recompute(
    manager: EntityManager,
    agency: AgencyInfo,
    calendar: AgencyCalendar,
    actorId: string | null,
    write: boolean,
  ): Promise<DependentDeadlineChange[]> {
    const changes: DependentDeadlineChange[] = [];
    for (const d of this.dependents)
      changes.push(...(await d.recomputeForCalendar(manager, agency, calendar, actorId, write)));
    return changes;
  }
}
