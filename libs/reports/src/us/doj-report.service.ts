import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import { queryWithoutJit } from '../annual/annual-report.service';
import { ReportInconsistencyError } from '../annual/report-inconsistency.error';
import { weightedQuantile, WorkingDayRuler } from '../stats/working-day-ruler';
import { DOJ_DISPOSITION_OF, DOJ_DISPOSITIONS, DojAnnualReport, DojDisposition } from './doj-report';

const SCOPE = `WITH RECURSIVE scope AS (
    SELECT id, code FROM agencies WHERE code = $1
    UNION ALL SELECT a.id, a.code FROM agencies a JOIN scope s ON a.parent_id = s.id WHERE $2::boolean)`;

/** V.A, XII.A and the V.B(1) outcome counts in one scan; $1 agency ids, $2/$3 first/last day of the fiscal year. */
const FLOW_SQL = `
  SELECT r.outcome, (r.outcome = 'other.other' AND r.status = 'withdrawn') AS withdrawn,
         count(*) FILTER (WHERE r.received_on < $2::date)::int AS pending_start,
         count(*) FILTER (WHERE r.received_on >= $2::date)::int AS received,
         count(*) FILTER (WHERE r.closed_on BETWEEN $2::date AND $3::date)::int AS processed,
         count(*) FILTER (WHERE r.closed_on IS NULL OR r.closed_on > $3::date)::int AS pending_end,
         count(*) FILTER (WHERE (r.closed_on IS NULL OR r.closed_on > $3::date) AND r.due_on < $3::date)::int AS backlog
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= $3::date
     AND (r.closed_on IS NULL OR r.closed_on >= $2::date)
   GROUP BY 1, 2`;

/** Processed requests by (rule set, received, decided) for VII (days counted in JS on the calendar). */
const TIMES_SQL = `
  SELECT r.rule_set, r.received_on::text AS received_on, coalesce(r.decided_on, r.closed_on)::text AS decided_on, count(*)::int AS n
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.closed_on BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3`;

/** The DOJ core tables of a us-foia agency (us.md E.7), verified like the Chinese report. */
@Injectable()
export class DojReportService {
  constructor(private readonly db: DataSource) {}

  async compute(agencyCode: string, fiscalYear: number, subordinates: boolean): Promise<DojAnnualReport> {
    const from = `${fiscalYear - 1}-10-01`;
    const to = `${fiscalYear}-09-30`;
    const agencies = await this.db.query<
      { id: string; code: string; name_zh: string; name_en: string | null; root: boolean }[]
    >(
      `${SCOPE} SELECT a.id, a.code::text AS code, a.name_zh, a.name_en, a.code = $1 AS root
        FROM agencies a JOIN scope USING (id) ORDER BY a.code`,
      [agencyCode, subordinates],
    );
    const root = agencies.find((a) => a.root);
    if (!root) throw new NotFoundError('AGENCY.NOT_FOUND', agencyCode);
    // The scope as an id array: the planner then knows its size (see annual-report.sql.ts).
    const params = [agencies.map((a) => a.id), from, to];
    const [flows, times] = await Promise.all([
      queryWithoutJit<{
        outcome: string | null;
        withdrawn: boolean | null;
        pending_start: number;
        received: number;
        processed: number;
        pending_end: number;
        backlog: number;
      }>(this.db, FLOW_SQL, params),
      this.db.query<{ rule_set: string; received_on: string; decided_on: string; n: number }[]>(
        TIMES_SQL,
        params,
      ),
    ]);
    const requests = { pendingStart: 0, received: 0, processed: 0, pendingEnd: 0 };
    const dispositions = Object.fromEntries(
      [...DOJ_DISPOSITIONS, 'total'].map((d) => [d, 0]),
    ) as DojAnnualReport['dispositions'];
    let backlog = 0;
    for (const f of flows) {
      requests.pendingStart += f.pending_start;
      requests.received += f.received;
      requests.processed += f.processed;
      requests.pendingEnd += f.pending_end;
      backlog += f.backlog;
      if (f.outcome && f.processed > 0) {
        const category: DojDisposition = f.withdrawn ? 'request_withdrawn' : DOJ_DISPOSITION_OF[f.outcome];
        dispositions[category] += f.processed;
        dispositions.total += f.processed;
      }
    }
    const broken: string[] = [];
    if (requests.pendingStart + requests.received - requests.processed !== requests.pendingEnd) {
      broken.push(
        `V.A: ${requests.pendingStart} + ${requests.received} − ${requests.processed} ≠ ${requests.pendingEnd}`,
      );
    }
    if (dispositions.total !== requests.processed)
      broken.push(`V.B(1) total ${dispositions.total} ≠ processed ${requests.processed}`);
    if (broken.length > 0) throw new ReportInconsistencyError(broken, []);
    const earliest = times.reduce((min, t) => (t.received_on < min ? t.received_on : min), from);
    const rulers = new Map<string, WorkingDayRuler>();
    const ruler = (ruleSet: string): WorkingDayRuler => {
      if (!rulers.has(ruleSet)) rulers.set(ruleSet, new WorkingDayRuler(ruleSet, earliest, to));
      return rulers.get(ruleSet) as WorkingDayRuler;
    };
    const samples = times.map((t) => ({
      value: ruler(t.rule_set).between(t.received_on, t.decided_on),
      weight: t.n,
    }));
    const weight = samples.reduce((s, x) => s + x.weight, 0);
    const values = samples.map((s) => s.value);
    return {
      fiscalYear,
      period: { from, to },
      agency: {
        code: root.code,
        nameEn: root.name_en,
        nameZh: root.name_zh,
        included: agencies.map((a) => a.code),
      },
      requests,
      dispositions,
      responseTimes: {
        track: 'all',
        unit: 'working_days',
        median: weightedQuantile(samples, 0.5),
        average:
          weight === 0
            ? null
            : Math.round((samples.reduce((s, x) => s + x.value * x.weight, 0) / weight) * 100) / 100,
        lowest: values.length ? Math.min(...values) : null,
        highest: values.length ? Math.max(...values) : null,
      },
      backlog: { backloggedRequests: backlog },
    };
  }
}
