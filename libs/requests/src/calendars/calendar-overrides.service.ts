import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, ValidationError } from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AgencyInfo, type AuthUser } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { loadAgencyCalendar } from '../lifecycle/agency-calendar';
import { CalendarDependents, type DependentDeadlineChange } from './calendar-dependents';
import { recomputeOpenRequests, type DueDateChange } from './recompute-open-requests';

export interface OverridesInput {
  holidays: string[];
  workdays: string[];
}

export type { DueDateChange, DependentDeadlineChange };

/** The requests whose due date moves, and the other deadlines that move with them (open legal cases). */
export interface OverridesResult {
  changed: DueDateChange[];
  dependents: DependentDeadlineChange[];
}

/**
 * An agency's calendar overrides for one year (a new State Council notice, a one-off closure). Loading them
 * recomputes every open request of the agency in the same transaction (rules/README.md convention 8), and
 * whatever else registered as depending on the calendar (open legal cases, CalendarDependents).
 */
@Injectable()
export class CalendarOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
    private readonly dependents: CalendarDependents,
  ) {}

  /** Replaces the year's overrides; `actor` null = the admin CLI. Returns the requests whose due date moved. */
  async load(
    actor: AuthUser | null,
    code: string,
    year: number,
    input: OverridesInput,
  ): Promise<OverridesResult> {
    const agency = await this.agency(actor, code);
    this.check(year, input);
    return this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM calendar_overrides WHERE agency_id = $1 AND date >= $2 AND date <= $3`, [
        agency.id,
        `${year}-01-01`,
        `${year}-12-31`,
      ]);
      const rows = [
        ...input.holidays.map((d) => [d, 'holiday']),
        ...input.workdays.map((d) => [d, 'workday']),
      ];
      if (rows.length) {
        await m.query(
          `INSERT INTO calendar_overrides (agency_id, date, kind) SELECT $1, d::date, k FROM unnest($2::text[], $3::text[]) AS t(d, k)`,
          [agency.id, rows.map((r) => r[0]), rows.map((r) => r[1])],
        );
      }
      const calendar = await loadAgencyCalendar(m, agency.id);
      const actorId = actor?.id ?? null;
      // Cases first: a case's outcome locks the case and then its request, so locking in that order here
      // too cannot deadlock with it.
      const dependents = await this.dependents.recompute(m, agency, calendar, actorId, true);
      return {
        changed: await recomputeOpenRequests(m, this.milestones, agency, calendar, actorId, true),
        dependents,
      };
    });
  }

  /** Which open requests (and cases) would change due date with these overrides (nothing written). */
  async preview(
    actor: AuthUser,
    code: string,
    year: number,
    input: OverridesInput,
  ): Promise<OverridesResult> {
    const agency = await this.agency(actor, code);
    this.check(year, input);
    return this.dataSource.transaction(async (m) => {
      const current = await loadAgencyCalendar(m, agency.id);
      const inYear = (d: string): boolean => d.startsWith(`${year}-`);
      const calendar = {
        holidays: [...current.holidays.filter((d) => !inYear(d)), ...input.holidays],
        workdays: [...current.workdays.filter((d) => !inYear(d)), ...input.workdays],
      };
      return {
        changed: await recomputeOpenRequests(m, this.milestones, agency, calendar, actor.id, false),
        dependents: await this.dependents.recompute(m, agency, calendar, actor.id, false),
      };
    });
  }

  private async agency(actor: AuthUser | null, code: string): Promise<AgencyInfo> {
    if (actor && actor.role !== 'admin') throw new ForbiddenError('calendar_overrides');
    const agency = await this.agencies.getByCode(code);
    if (!agency) throw new NotFoundError('AGENCY.NOT_FOUND', code);
    return agency;
  }

  private check(year: number, input: OverridesInput): void {
    const bad = [...input.holidays, ...input.workdays].filter(
      (d) => !d.startsWith(`${year}-`) || Number.isNaN(Date.parse(d)),
    );
    const both = input.holidays.filter((d) => input.workdays.includes(d));
    if (bad.length || both.length) {
      throw new ValidationError([
        {
          field: bad.length ? 'dates' : 'workdays',
          code: bad.length ? 'not_in_year' : 'both_holiday_and_workday',
          params: { dates: [...bad, ...both].join(',') },
        },
      ]);
    }
  }
}
