/**
 * The SQL of the annual report (cn-annual-report.md B.6). Parameters of every query: $1 the ids of the
 * agencies in scope (SCOPE_SQL), $2 first day of the year, $3 last day. Dates are civil dates in the
 * agency's time zone already (received_on, closed_on, on_date), so a year is a plain date range. The scope
 * is passed as an array rather than joined as a recursive CTE: the planner then knows how many agencies
 * there are and picks the (agency_id, received_on) index for a small scope, a scan for the whole country.
 */

/** The agency ($1 = code) and, with $2, every agency below it (agencies.parent_id tree). */
export const SCOPE_SQL = `
  WITH RECURSIVE scope AS (
    SELECT id, code FROM agencies WHERE code = $1
    UNION ALL
    SELECT a.id, a.code FROM agencies a JOIN scope s ON a.parent_id = s.id WHERE $2::boolean
  )
  SELECT a.id, a.code::text AS code, a.name_zh, a.name_en, a.rule_set,
         (SELECT array_agg(id) FROM scope) AS ids,
         (SELECT array_agg(code::text ORDER BY code) FROM scope) AS included
    FROM agencies a WHERE a.code = $1`;

/**
 * Table 2 and the on-time figures in one scan: every request that touches Y (received by 31 December and
 * not concluded before 1 January), grouped by its column and, when concluded in Y, its outcome row.
 * A request concluded in Y without an outcome has no outcome row, so that total_processed ≠ Σ21 rows.
 * answered/on_time: concluded in Y by a reply (not lapsed for the applicant's inaction), by due_on.
 */
export const TABLE2_SQL = `
  SELECT r.applicant_type AS col, r.outcome,
         (r.closed_on BETWEEN $2::date AND $3::date) AS concluded_in_year,
         count(*) FILTER (WHERE r.received_on >= $2::date)::int AS new_this_year,
         count(*) FILTER (WHERE r.received_on < $2::date)::int AS carried_from_last_year,
         count(*) FILTER (WHERE r.closed_on BETWEEN $2::date AND $3::date)::int AS total_processed,
         count(*) FILTER (WHERE r.closed_on IS NULL OR r.closed_on > $3::date)::int AS carried_to_next_year,
         count(*) FILTER (WHERE r.closed_on BETWEEN $2::date AND $3::date
                            AND r.outcome NOT IN ('other.clarification_lapsed', 'other.fee_unpaid'))::int AS answered,
         count(*) FILTER (WHERE r.closed_on BETWEEN $2::date AND $3::date
                            AND r.outcome NOT IN ('other.clarification_lapsed', 'other.fee_unpaid')
                            AND r.closed_on <= r.due_on)::int AS on_time
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[])
     AND r.received_on <= $3::date
     AND (r.closed_on IS NULL OR r.closed_on >= $2::date)
   -- Plain columns and a boolean: the planner estimates a few hundred groups and hashes them; grouping by
   -- a CASE expression made it expect 50,000 and sort every row by text instead (bench/report.bench.ts).
   GROUP BY 1, 2, 3`;

/**
 * Table 3 (B.6): cases filed in Y, or filed earlier and still open on 1 January; decided in Y → their
 * outcome column, otherwise pending. Cases decided before Y are excluded by the date condition.
 */
export const TABLE3_SQL = `
  SELECT c.kind AS grp,
         CASE WHEN c.decided_on BETWEEN $2::date AND $3::date AND c.outcome IS NOT NULL
              THEN c.outcome ELSE 'pending' END AS col,
         count(*)::int AS n
    FROM cases c
   WHERE c.agency_id = ANY($1::uuid[])
     AND c.kind IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration')
     AND c.filed_on <= $3::date
     AND (c.decided_on IS NULL OR c.decided_on >= $2::date)
   GROUP BY 1, 2`;

/** The amount of a fee event: its payload (amountFen), else the fee recorded on the request. */
const FEE_AMOUNT = `coalesce((e.payload->>'amountFen')::bigint, (e.payload->>'amount_fen')::bigint,
                             r.fee_amount_fen::bigint, 0)`;

/** Section 六: fee notices issued in Y (number, amount) and payments received in Y (amount). */
export const FEES_SQL = `
  SELECT count(*) FILTER (WHERE e.type = 'fee_notice_issued')::int AS notices,
         coalesce(sum(${FEE_AMOUNT}) FILTER (WHERE e.type = 'fee_notice_issued'), 0)::bigint AS notices_fen,
         coalesce(sum(${FEE_AMOUNT}) FILTER (WHERE e.type = 'fee_paid'), 0)::bigint AS paid_fen
    FROM request_events e
    JOIN requests r ON r.id = e.request_id
   WHERE r.agency_id = ANY($1::uuid[])
     AND e.type IN ('fee_notice_issued', 'fee_paid')
     AND e.on_date BETWEEN $2::date AND $3::date`;

/**
 * Requests whose data contradicts itself (an outcome without a date of conclusion or the reverse, or a
 * conclusion before receipt). The predicate is exactly that of the partial index requests_report_anomaly_idx,
 * so this costs nothing when the data is clean.
 */
export const ANOMALIES_SQL = `
  SELECT tracking_number FROM (
    SELECT r.tracking_number
      FROM requests r
     WHERE r.agency_id = ANY($1::uuid[])
       AND ((r.outcome IS NULL) <> (r.closed_on IS NULL) OR r.closed_on < r.received_on)
       AND r.received_on <= $3::date
       AND $2::date <= $3::date -- every query takes the same three parameters
    OFFSET 0 -- keeps the planner on the partial index instead of walking tracking_number in order
  ) a
  ORDER BY tracking_number
  LIMIT 100`;
