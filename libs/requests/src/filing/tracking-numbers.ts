import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import { formatTrackingNumber } from '@disclose/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Allocates the next tracking number of an agency and year, before the filing's own transaction, in one
 * round trip: a tiny transaction that bumps `tracking_counters` with an asynchronous commit.
 *
 * Why not inside the filing transaction: the counter row stays locked until that transaction commits,
 * which serialises every filing of an agency behind one fsync each (about 50 filings/s on a busy disk).
 * Here the lock is held for one statement. Numbers are never duplicated: the filing that uses a number
 * commits synchronously afterwards, and flushing its WAL flushes the counter's earlier commit record too,
 * so a crash can only lose increments no committed filing used. A filing that fails after allocation
 * leaves a gap (validation runs before, so that is a database failure, not bad input).
 */
export async function allocateTrackingNumber(
  dataSource: DataSource,
  agency: { id: string; code: string },
  year: number,
): Promise<string> {
  if (!UUID.test(agency.id) || !Number.isInteger(year)) throw new Error('invalid tracking counter key');
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  // Simple-protocol multi-statement (no parameters possible): both values are checked above.
  const results = (await pool.query(
    `BEGIN; SET LOCAL synchronous_commit = off;
     INSERT INTO tracking_counters (agency_id, year, last) VALUES ('${agency.id}', ${year}, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last = tracking_counters.last + 1 RETURNING last;
     COMMIT;`,
  )) as unknown as Array<{ rows: Array<{ last: number }> }>;
  return formatTrackingNumber(agency.code.toUpperCase(), year, results[2].rows[0].last);
}
