import { verifyChain, type ChainedEvent } from '@disclose/domain';
import type { DataSource } from 'typeorm';

/** A broken link: the request and the first event whose hash or link no longer matches. */
export interface ChainBreak {
  requestId: string;
  trackingNumber: string;
  seq: number;
}

/**
 * Walks every request's event chain (verifyChain of @disclose/domain) in batches of requests, so memory
 * stays flat however large the log grows. Plain DataSource: the CLI needs no Nest module for it.
 */
export async function verifyAuditChains(
  dataSource: DataSource,
  batchSize = 500,
  /** Only the requests of these agencies (e.g. one agency and those below it); all when omitted. */
  agencyIds?: readonly string[],
): Promise<{ requests: number; events: number; breaks: ChainBreak[] }> {
  const breaks: ChainBreak[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  let requests = 0;
  let events = 0;
  for (;;) {
    const batch: Array<{ id: string; tracking_number: string }> = await dataSource.query(
      `SELECT id, tracking_number FROM requests
        WHERE id > $1 AND ($3::uuid[] IS NULL OR agency_id = ANY($3::uuid[])) ORDER BY id LIMIT $2`,
      [after, batchSize, agencyIds ?? null],
    );
    if (batch.length === 0) break;
    const rows: Array<ChainedEvent & { occurredAt: Date }> = await dataSource.query(
      `SELECT request_id AS "requestId", seq, type, actor_id AS "actorId", occurred_at AS "occurredAt", payload,
              prev_hash AS "prevHash", hash
       FROM request_events WHERE request_id = ANY($1::uuid[]) ORDER BY request_id, seq`,
      [batch.map((b) => b.id)],
    );
    const byRequest = new Map<string, ChainedEvent[]>(batch.map((b) => [b.id, []]));
    for (const row of rows)
      byRequest.get(row.requestId)?.push({ ...row, occurredAt: row.occurredAt.toISOString() });
    for (const b of batch) {
      const chain = byRequest.get(b.id) ?? [];
      const broken = chain.length === 0 ? 1 : verifyChain(chain);
      if (broken !== null) breaks.push({ requestId: b.id, trackingNumber: b.tracking_number, seq: broken });
      events += chain.length;
    }
    requests += batch.length;
    after = batch[batch.length - 1].id;
  }
  return { requests, events, breaks };
}
