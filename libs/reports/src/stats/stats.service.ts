import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import { ANSWERED_SQL, EVENTS_SQL, MOST_OVERDUE_SQL, OPEN_SQL, RECEIVED_SQL } from './stats.sql';
import { agencyRulers } from './agency-rulers';
import { weightedQuantile } from './working-day-ruler';

export interface StatsFigures {
  received: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  medianDaysToAnswer: number | null;
  p90DaysToAnswer: number | null;
  open: number;
  overdue: number;
  extensionsUsed: number;
  clockStopDays: number;
}

export interface DashboardStats {
  agency: string;
  from: string;
  to: string;
  /**
   * Days to answer and days overdue are working days of each request's rule set calendar with its agency's
   * calendar overrides and 调休 setting (the calendar its due date was computed with, and the queue's
   * "days left"); clock-stop days are calendar days.
   */
  daysToAnswerUnit: 'working_days';
  daysOverdueUnit: 'working_days';
  clockStopDaysUnit: 'calendar_days';
  totals: StatsFigures;
  byMonth: ({ month: string } & StatsFigures)[];
  byAgency: ({ agency: string; nameZh: string } & StatsFigures)[];
  /** As of `to`: working days after the due date up to and including `to`. */
  mostOverdue: { trackingNumber: string; agency: string; dueOn: string; daysOverdue: number }[];
}

type Sample = { value: number; weight: number };
interface Bucket {
  received: number;
  answered: number;
  onTime: number;
  samples: Sample[];
  open: number;
  overdue: number;
  extensionsUsed: number;
  clockStopDays: number;
}
const bucket = (): Bucket => ({
  received: 0,
  answered: 0,
  onTime: 0,
  samples: [],
  open: 0,
  overdue: 0,
  extensionsUsed: 0,
  clockStopDays: 0,
});

function figures(b: Bucket): StatsFigures {
  const { samples, ...rest } = b;
  return {
    ...rest,
    onTimeRate: b.answered === 0 ? null : Math.round((b.onTime / b.answered) * 10_000) / 10_000,
    medianDaysToAnswer: weightedQuantile(samples, 0.5),
    p90DaysToAnswer: weightedQuantile(samples, 0.9),
  };
}

/** Dashboard data (issue 7 item 3): an agency and those below it over a date range, by month and agency. */
@Injectable()
export class StatsService {
  constructor(private readonly db: DataSource) {}

  async compute(agencyCode: string, from: string, to: string): Promise<DashboardStats> {
    const agencies = await this.db.query<
      { id: string; code: string; name_zh: string; count_makeup_workdays: boolean }[]
    >(
      `WITH RECURSIVE scope AS (SELECT id FROM agencies WHERE code = $1
         UNION ALL SELECT a.id FROM agencies a JOIN scope s ON a.parent_id = s.id)
       SELECT a.id, a.code::text AS code, a.name_zh, a.count_makeup_workdays
         FROM agencies a JOIN scope USING (id) ORDER BY a.code`,
      [agencyCode],
    );
    const root = agencies.find((a) => a.code.toUpperCase() === agencyCode.toUpperCase());
    if (!root) throw new NotFoundError('AGENCY.NOT_FOUND', agencyCode);
    const params = [agencies.map((a) => a.id), from, to];
    const [received, answered, open, events, overdueList] = await Promise.all([
      this.db.query<{ agency_id: string; month: string; n: number }[]>(RECEIVED_SQL, params),
      this.db.query<
        {
          agency_id: string;
          rule_set: string;
          month: string;
          received_on: string;
          closed_on: string;
          n: number;
          on_time: number;
        }[]
      >(ANSWERED_SQL, params),
      this.db.query<{ agency_id: string; open: number; overdue: number }[]>(OPEN_SQL, params),
      this.db.query<{ agency_id: string; month: string; extensions: number; stop_days: number }[]>(
        EVENTS_SQL,
        params,
      ),
      this.db.query<
        { tracking_number: string; agency: string; agency_id: string; rule_set: string; due_on: string }[]
      >(MOST_OVERDUE_SQL, params),
    ]);
    const totals = bucket();
    const byMonth = new Map<string, Bucket>();
    const byAgency = new Map<string, Bucket>(agencies.map((a) => [a.id, bucket()]));
    const month = (m: string): Bucket | undefined => {
      if (m < from.slice(0, 7) || m > to.slice(0, 7)) return undefined;
      if (!byMonth.has(m)) byMonth.set(m, bucket());
      return byMonth.get(m);
    };
    const each = (agencyId: string, m: string | null, f: (b: Bucket) => void): void => {
      for (const b of [totals, byAgency.get(agencyId), m ? month(m) : undefined]) if (b) f(b);
    };
    for (const r of received) each(r.agency_id, r.month, (b) => (b.received += r.n));
    const earliest = [...answered.map((a) => a.received_on), ...overdueList.map((o) => o.due_on)].reduce(
      (min, d) => (d < min ? d : min),
      from,
    );
    const ruler = await agencyRulers(
      this.db,
      agencies,
      earliest,
      to,
      [...answered, ...overdueList].map((r) => r.agency_id),
    );
    for (const a of answered) {
      const days = ruler(a.agency_id, a.rule_set).between(a.received_on, a.closed_on);
      each(a.agency_id, a.month, (b) => {
        b.answered += a.n;
        b.onTime += a.on_time;
        b.samples.push({ value: days, weight: a.n });
      });
    }
    for (const o of open) each(o.agency_id, null, (b) => ((b.open += o.open), (b.overdue += o.overdue)));
    for (const e of events)
      each(
        e.agency_id,
        e.month,
        (b) => ((b.extensionsUsed += e.extensions), (b.clockStopDays += e.stop_days)),
      );
    return {
      agency: root.code,
      from,
      to,
      daysToAnswerUnit: 'working_days',
      daysOverdueUnit: 'working_days',
      clockStopDaysUnit: 'calendar_days',
      totals: figures(totals),
      byMonth: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([m, b]) => ({ month: m, ...figures(b) })),
      byAgency: agencies.map((a) => ({
        agency: a.code,
        nameZh: a.name_zh,
        ...figures(byAgency.get(a.id) as Bucket),
      })),
      mostOverdue: overdueList.map((o) => ({
        trackingNumber: o.tracking_number,
        agency: o.agency,
        dueOn: o.due_on,
        daysOverdue: ruler(o.agency_id, o.rule_set).between(o.due_on, to),
      })),
    };
  }
}
