/** pg_trgm similarity from which a new request counts as a near-repeat (Art. 35, Art. 36(6)). */
export const REPEAT_SIMILARITY = 0.6;

/**
 * A query (for a CTE) of one row: `n`, the applicant's count of requests to this agency in the calendar
 * month of the receipt date (before this one: the fee tier of cn.md A.9 counts this one too, so + 1), and
 * `id`/`score`, the most similar request of the last 12 months if at least {@link REPEAT_SIMILARITY}.
 * Placeholders: applicant id, agency id, the new request's text, its receipt date, the threshold.
 */
export function applicantHistorySql(
  applicant: string,
  agency: string,
  text: string,
  receivedOn: string,
  threshold: string,
): string {
  return `SELECT m.n, s.id, s.score FROM
       (SELECT count(*)::int AS n FROM requests WHERE applicant_id = ${applicant} AND agency_id = ${agency}
          AND received_on >= date_trunc('month', ${receivedOn}::date)
          AND received_on < date_trunc('month', ${receivedOn}::date) + interval '1 month') m
     LEFT JOIN LATERAL (
       SELECT id, similarity(subject || ' ' || description, ${text}) AS score FROM requests
       WHERE applicant_id = ${applicant} AND agency_id = ${agency} AND received_on > ${receivedOn}::date - interval '12 months'
       ORDER BY 2 DESC, received_on DESC LIMIT 1) s ON s.score >= ${threshold}`;
}
