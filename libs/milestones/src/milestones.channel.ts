/**
 * PostgreSQL NOTIFY channel: syncRequest announces new milestones due within the horizon, in the caller's
 * transaction, so PostgreSQL delivers it only on commit and the worker (LISTEN) puts them on BullMQ
 * within a second. The payload is a comma-separated list of milestone ids (at most a few per request).
 */
export const MILESTONES_CHANNEL = 'disclose_milestones';

/** pg_notify payloads are limited to 8000 bytes: 36-byte uuids plus commas, with margin. */
export const MAX_IDS_PER_NOTIFY = 200;

export function parseNotifyPayload(payload: string | undefined): string[] {
  if (!payload) return [];
  return payload
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[0-9a-f-]{36}$/i.test(s));
}
