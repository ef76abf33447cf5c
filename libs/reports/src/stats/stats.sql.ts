/**
 * Dashboard aggregates over the agency and every agency below it. Parameters: $1 the ids of those agencies
 * (an array, so that the planner knows the scope's size), $2 from, $3 to (civil dates, inclusive).
 */

export const RECEIVED_SQL = `
  SELECT r.agency_id, to_char(r.received_on, 'YYYY-MM') AS month, count(*)::int AS n
    FROM requests r WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on BETWEEN $2::date AND $3::date
   GROUP BY 1, 2`;

/** Answered = concluded by a reply (not lapsed for the applicant's inaction); pairs feed the day counts. */
export const ANSWERED_SQL = `
  SELECT r.agency_id, r.rule_set, to_char(r.closed_on, 'YYYY-MM') AS month,
         r.received_on::text AS received_on, r.closed_on::text AS closed_on,
         count(*)::int AS n, count(*) FILTER (WHERE r.closed_on <= r.due_on)::int AS on_time
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.closed_on BETWEEN $2::date AND $3::date
     AND r.outcome NOT IN ('other.clarification_lapsed', 'other.fee_unpaid')
   GROUP BY 1, 2, 3, 4, 5`;

/** Open and overdue as of $3. */
export const OPEN_SQL = `
  SELECT r.agency_id, count(*)::int AS open, count(*) FILTER (WHERE r.due_on < $3::date)::int AS overdue
    FROM requests r
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= $3::date
     AND (r.closed_on IS NULL OR r.closed_on > $3::date)
     AND $2::date <= $3::date -- every query takes the same three parameters
   GROUP BY 1`;

/** The ten most overdue as of $3 (their working days overdue are counted on the agency's calendar). */
export const MOST_OVERDUE_SQL = `
  SELECT r.tracking_number, a.code::text AS agency, r.agency_id, r.rule_set, r.due_on::text AS due_on
    FROM requests r JOIN agencies a ON a.id = r.agency_id
   WHERE r.agency_id = ANY($1::uuid[]) AND r.received_on <= $3::date
     AND (r.closed_on IS NULL OR r.closed_on > $3::date) AND r.due_on < $3::date
     AND $2::date <= $3::date
   ORDER BY r.due_on, r.tracking_number LIMIT 10`;

/**
 * Extensions approved in the period, and clock-stop days: each stop (补正 asked, fee notice, consultation)
 * to the next resuming event of the same request, clipped to the period, in calendar days.
 */
export const EVENTS_SQL = `
  WITH ev AS (
    SELECT r.agency_id, e.type, e.on_date,
           lead(e.on_date) OVER (PARTITION BY e.request_id ORDER BY e.seq) AS next_on
      FROM request_events e JOIN requests r ON r.id = e.request_id
     WHERE r.agency_id = ANY($1::uuid[]) AND e.on_date <= $3::date
       AND e.type IN ('extension_approved', 'clarification_requested', 'clarification_received',
                      'fee_notice_issued', 'fee_paid', 'fee_waived', 'consultation_started', 'consultation_replied'))
  SELECT agency_id, to_char(on_date, 'YYYY-MM') AS month,
         count(*) FILTER (WHERE type = 'extension_approved' AND on_date >= $2::date)::int AS extensions,
         coalesce(sum(GREATEST(0, LEAST(coalesce(next_on, $3::date), $3::date) - GREATEST(on_date, $2::date)))
           FILTER (WHERE type IN ('clarification_requested', 'fee_notice_issued', 'consultation_started')), 0)::int AS stop_days
    FROM ev GROUP BY 1, 2`;
