import type { EntityManager } from 'typeorm';
import { eventHash, type RequestEventLike, type RequestEventType } from '@disclose/domain';

/** A stored event as the lifecycle reads it. */
export interface StoredEvent extends RequestEventLike {
  id: string;
  seq: number;
  hash: string;
}

/** Event types beyond the domain's list that only this library writes (no effect on the clock). */
export type LocalEventType = 'deadline_recomputed';

export interface NewEvent {
  requestId: string;
  type: RequestEventType | LocalEventType;
  actorId: string | null;
  occurredAt: Date;
  /** Civil date the event counts on for the deadline ('YYYY-MM-DD'). */
  on: string;
  payload: Record<string, unknown>;
}

/** The request's events in log order, shaped for `toDeadlineInput`. */
export async function loadEvents(manager: EntityManager, requestId: string): Promise<StoredEvent[]> {
  const rows: Array<{
    id: string;
    seq: number;
    type: string;
    on: string;
    payload: Record<string, unknown>;
    hash: string;
  }> = await manager.query(
    `SELECT id, seq, type, on_date::text AS on, payload, hash FROM request_events
       WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
  return rows.map((r) => ({ ...r, type: r.type as RequestEventType }));
}

/**
 * Appends one event linked to the previous one (seq = last + 1, hash over the previous hash and the
 * canonical content). The caller holds the request row lock, so no other writer races for the seq; the
 * unique (request_id, seq) constraint is the backstop.
 */
export async function appendEvent(
  manager: EntityManager,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
): Promise<{ id: string; seq: number; hash: string }> {
  const { seq, prevHash, occurredAt, hash } = chainedEvent(previous, event);
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO request_events (request_id, seq, type, actor_id, occurred_at, on_date, payload, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [event.requestId, seq, event.type, event.actorId, occurredAt, event.on, event.payload, prevHash, hash],
  );
  return { id: row.id, seq, hash };
}

/** The chain fields of the event that follows `previous` (null: the request's first event). */
export function chainedEvent(
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
): { seq: number; prevHash: string | null; occurredAt: string; hash: string } {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? null;
  const occurredAt = event.occurredAt.toISOString();
  const hash = eventHash(prevHash, {
    requestId: event.requestId,
    seq,
    type: event.type,
    actorId: event.actorId,
    occurredAt,
    payload: event.payload,
  });
  return { seq, prevHash, occurredAt, hash };
}
