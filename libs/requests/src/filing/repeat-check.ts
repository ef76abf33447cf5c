import type { EntityManager } from 'typeorm';

/** pg_trgm similarity from which a new request counts as a near-repeat (Art. 35, Art. 36(6)). */
export const REPEAT_SIMILARITY = 0.6;

/**
 * The applicant's count of requests to this agency in the calendar month of `receivedOn` (this one
 * included: the fee tier of cn.md A.9) and the most similar request of the last 12 months, if similar enough.
 */
export async function applicantHistory(
  manager: EntityManager,
  applicantId: string,
  agencyId: string,
  text: string,
  receivedOn: string,
): Promise<{ monthCount: number; repeatOf: string | null; repeatScore: number | null }> {
  const [row]: Array<{ n: number; id: string | null; score: number | null }> = await manager.query(
    `SELECT m.n, s.id, s.score FROM
       (SELECT count(*)::int AS n FROM requests WHERE applicant_id = $1 AND agency_id = $2
          AND received_on >= date_trunc('month', $4::date) AND received_on < date_trunc('month', $4::date) + interval '1 month') m
     LEFT JOIN LATERAL (
       SELECT id, similarity(subject || ' ' || description, $3) AS score FROM requests
       WHERE applicant_id = $1 AND agency_id = $2 AND received_on > $4::date - interval '12 months'
       ORDER BY 2 DESC, received_on DESC LIMIT 1) s ON s.score >= $5`,
    [applicantId, agencyId, text, receivedOn, REPEAT_SIMILARITY],
  );
  return { monthCount: row.n + 1, repeatOf: row.id, repeatScore: row.score };
}
