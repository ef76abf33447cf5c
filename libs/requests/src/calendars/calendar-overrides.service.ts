import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, OPEN_STATUSES, ValidationError } from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AgencyInfo, type AuthUser } from '@disclose/identity';
import { MILESTONE_SYNC, type MilestoneSync } from '@disclose/milestones';
import { loadAgencyCalendar } from '../lifecycle/agency-calendar';
import { appendEvent, loadEvents } from '../lifecycle/event-log';
import { computeRequestDeadline, type AgencyCalendar } from '../lifecycle/request-deadline';
import { milestoneSnapshot, REQUEST_COLUMNS, type RequestRow } from '../lifecycle/request-row';

export interface OverridesInput {
  holidays: string[];
  workdays: string[];
}

export interface DueDateChange {
  id: string;
  trackingNumber: string;
  from: string | null;
  to: string | null;
}

/**
 * An agency's calendar overrides for one year (a new State Council notice, a one-off closure). Loading them
 * recomputes every open request of the agency in the same transaction (rules/README.md convention 8).
 */
@Injectable()
export class CalendarOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    @Inject(MILESTONE_SYNC) private readonly milestones: MilestoneSync,
  ) {}

  /** Replaces the year's overrides; `actor` null = the admin CLI. Returns the requests whose due date moved. */
  async load(
    actor: AuthUser | null,
    code: string,
    year: number,
    input: OverridesInput,
  ): Promise<{ changed: DueDateChange[] }> {
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
      return { changed: await this.recompute(m, agency, calendar, actor, true) };
    });
  }

  /** Which open requests would change due date with these overrides (nothing written). */
  async preview(
    actor: AuthUser,
    code: string,
    year: number,
    input: OverridesInput,
  ): Promise<{ changed: DueDateChange[] }> {
    const agency = await this.agency(actor, code);
    this.check(year, input);
    return this.dataSource.transaction(async (m) => {
      const current = await loadAgencyCalendar(m, agency.id);
      const inYear = (d: string): boolean => d.startsWith(`${year}-`);
      const calendar = {
        holidays: [...current.holidays.filter((d) => !inYear(d)), ...input.holidays],
        workdays: [...current.workdays.filter((d) => !inYear(d)), ...input.workdays],
      };
      return { changed: await this.recompute(m, agency, calendar, actor, false) };
    });
  }

  private async recompute(
    m: EntityManager,
    agency: AgencyInfo,
    calendar: AgencyCalendar,
    actor: AuthUser | null,
    write: boolean,
  ): Promise<DueDateChange[]> {
    const open: RequestRow[] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.agency_id = $1 AND r.status = ANY($2) ORDER BY r.id ${write ? 'FOR UPDATE' : ''}`,
      [agency.id, OPEN_STATUSES],
    );
    const changed: DueDateChange[] = [];
    const now = new Date();
    for (const row of open) {
      const events = await loadEvents(m, row.id);
      const deadline = computeRequestDeadline(row.rule_set, row.received_on, events, calendar, agency);
      const moved = deadline.dueOn !== row.due_on;
      if (moved)
        changed.push({
          id: row.id,
          trackingNumber: row.tracking_number,
          from: row.due_on,
          to: deadline.dueOn,
        });
      if (!write) continue;
      if (moved) {
        const last = events[events.length - 1];
        await appendEvent(m, last ?? null, {
          requestId: row.id,
          type: 'deadline_recomputed',
          actorId: actor?.id ?? null,
          occurredAt: now,
          on: now.toISOString().slice(0, 10),
          payload: { from: row.due_on, to: deadline.dueOn, reason: 'calendar_overrides' },
        });
      }
      const [[updated]]: [RequestRow[]] = await m.query(
        `UPDATE requests r SET due_on = $2, provisional = $3, deadline_trace = $4, deadline_warnings = $5,
           version = version + $6, updated_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [
          row.id,
          deadline.dueOn,
          deadline.provisional,
          JSON.stringify(deadline.trace),
          JSON.stringify(deadline.warnings),
          moved ? 1 : 0,
        ],
      );
      if (moved) await this.milestones.syncRequest(m, milestoneSnapshot(updated), now);
    }
    return changed;
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
