import type { EntityManager } from 'typeorm';
import { formatTrackingNumber } from '@disclose/domain';

/**
 * Next tracking number of an agency for a year. The upsert takes the counter's row lock until commit, so
 * concurrent filings queue here and a rolled-back filing gives its number back: no gaps, no duplicates.
 */
export async function nextTrackingNumber(
  manager: EntityManager,
  agency: { id: string; code: string },
  year: number,
): Promise<string> {
  const [row]: Array<{ last: number }> = await manager.query(
    `INSERT INTO tracking_counters (agency_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last = tracking_counters.last + 1
     RETURNING last`,
    [agency.id, year],
  );
  return formatTrackingNumber(agency.code.toUpperCase(), year, row.last);
}
