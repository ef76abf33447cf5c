import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@disclose/domain';
import { queryWithoutJit } from '../annual/annual-report.service';
import { ReportInconsistencyError } from '../annual/report-inconsistency.error';
import { agencyRulers } from '../stats/agency-rulers';
import { DOJ_DISPOSITION_OF, DOJ_DISPOSITIONS, DojAnnualReport, DojDisposition } from './doj-report';
import {
  bandCounts,
  byTrack,
  DOJ_TRACKS,
  pendingFigures,
  responseTimes,
  trackOf,
  type DojTrack,
} from './doj-tracks';

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

/** Processed requests by (agency, rule set, track, outcome, received, decided) for VII.A–C (days counted in JS). */
const TIMES_SQL = `
  SELECT r.agency_id, r.rule_set, r.processing_track AS track, r.outcome, r.received_on::text AS received_on,
         coalesce(r.decided_on, r.closed_on)::text AS decided_on, count(*)::int AS n
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.closed_on BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3, 4, 5, 6`;

/** Requests pending at the end of the year ($2 = 30 September) by (agency, rule set, track, received) for VII.D. */
const PENDING_SQL = `
  SELECT r.agency_id, r.rule_set, r.processing_track AS track, r.received_on::text AS received_on, count(*)::int AS n
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= $2::date AND (r.closed_on IS NULL OR r.closed_on > $2::date)
   GROUP BY 1, 2, 3, 4`;

/** VII.E: the ten pending the longest at the end of the year ($2). */
const OLDEST_SQL = `
  SELECT r.tracking_number, a.code::text AS agency, r.agency_id, r.rule_set, r.received_on::text AS received_on
    FROM requests r JOIN agencies a ON a.id = r.agency_id
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= $2::date AND (r.closed_on IS NULL OR r.closed_on > $2::date)
   ORDER BY r.received_on, r.tracking_number
   LIMIT 10`;

const GRANTED: readonly DojDisposition[] = ['full_grants', 'partial_grants_partial_denials'];

/** The DOJ core tables of a us-foia agency (us.md E.7), verified like the Chinese report; section VII by track. */
@Injectable()
export class DojReportService {
  constructor(private readonly db: DataSource) {}

  async compute(agencyCode: string, fiscalYear: number, subordinates: boolean): Promise<DojAnnualReport> {
    const from = `${fiscalYear - 1}-10-01`;
    const to = `${fiscalYear}-09-30`;
    const agencies = await this.db.query<
      {
        id: string;
        code: string;
        name_zh: string;
        name_en: string | null;
        root: boolean;
        count_makeup_workdays: boolean;
      }[]
    >(
      `${SCOPE} SELECT a.id, a.code::text AS code, a.name_zh, a.name_en, a.code = $1 AS root, a.count_makeup_workdays
        FROM agencies a JOIN scope USING (id) ORDER BY a.code`,
      [agencyCode, subordinates],
    );
    const root = agencies.find((a) => a.root);
    if (!root) throw new NotFoundError('AGENCY.NOT_FOUND', agencyCode);
    // The scope as an id array: the planner then knows its size (see annual-report.sql.ts).
    const params = [agencies.map((a) => a.id), from, to];
    type Row = { agency_id: string; rule_set: string; track: string | null; received_on: string; n: number };
    const [flows, times, pending, oldest] = await Promise.all([
      queryWithoutJit<{
        outcome: string | null;
        withdrawn: boolean | null;
        pending_start: number;
        received: number;
        processed: number;
        pending_end: number;
        backlog: number;
      }>(this.db, FLOW_SQL, params),
      this.db.query<(Row & { outcome: string | null; decided_on: string })[]>(TIMES_SQL, params),
      this.db.query<Row[]>(PENDING_SQL, [params[0], to]),
      this.db.query<
        {
          tracking_number: string;
          agency: string;
          agency_id: string;
          rule_set: string;
          received_on: string;
        }[]
      >(OLDEST_SQL, [params[0], to]),
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
    const earliest = [...times, ...pending].reduce(
      (min, t) => (t.received_on < min ? t.received_on : min),
      from,
    );
    const ruler = await agencyRulers(this.db, agencies, earliest, to);
    const processed = times.map((t) => ({
      track: trackOf(t.track),
      granted: t.outcome !== null && GRANTED.includes(DOJ_DISPOSITION_OF[t.outcome]),
      value: ruler(t.agency_id, t.rule_set).between(t.received_on, t.decided_on),
      weight: t.n,
    }));
    const open = pending.map((p) => ({
      track: trackOf(p.track),
      value: ruler(p.agency_id, p.rule_set).between(p.received_on, to),
      weight: p.n,
    }));
    const tracks = byTrack(processed);
    const openTracks = byTrack(open);
    const perTrack = <T>(f: (track: DojTrack) => T) =>
      Object.fromEntries(DOJ_TRACKS.map((t) => [t, f(t)])) as Record<DojTrack, T>;
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
      responseTimes: { unit: 'working_days', ...perTrack((t) => responseTimes(tracks[t])) },
      grantedResponseTimes: {
        unit: 'working_days',
        ...perTrack((t) => responseTimes(tracks[t].filter((x) => x.granted))),
      },
      responseTimeBands: { unit: 'working_days', ...perTrack((t) => bandCounts(tracks[t])) },
      pendingByTrack: { unit: 'working_days', ...perTrack((t) => pendingFigures(openTracks[t])) },
      oldestPending: oldest.map((o) => ({
        trackingNumber: o.tracking_number,
        agency: o.agency,
        receivedOn: o.received_on,
        daysPending: ruler(o.agency_id, o.rule_set).between(o.received_on, to),
      })),
      backlog: { backloggedRequests: backlog },
    };
  }
}
