import { createHash } from 'node:crypto';

/**
 * Hash chain over a request's append-only events: each event's hash covers the previous hash and the
 * event's canonical JSON, so changing, removing or reordering any stored row breaks every later link.
 * `node:crypto` is used for SHA-256 only (no I/O); a different hash function can be passed in.
 */

/** The fields of an event that the hash covers. */
export interface ChainedEventContent {
  readonly requestId: string;
  readonly seq: number;
  readonly type: string;
  readonly actorId: string | null;
  /** ISO 8601 instant, as stored. */
  readonly occurredAt: string;
  readonly payload: unknown;
}

/** A stored event with its link fields. */
export interface ChainedEvent extends ChainedEventContent {
  readonly prevHash: string | null;
  readonly hash: string;
}

/** A function returning the lowercase hex digest of a UTF-8 string. */
export type HashFunction = (input: string) => string;

/** SHA-256, hex. */
export const sha256Hex: HashFunction = (input) => createHash('sha256').update(input, 'utf8').digest('hex');

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members omitted, Dates as ISO
 * strings. Throws on values JSON cannot represent faithfully (non-finite numbers, bigint, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const members = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
  }
}

/** Hash of one event linked to the previous event's hash (`null` for the first event). */
export function eventHash(
  prevHash: string | null,
  event: ChainedEventContent,
  hash: HashFunction = sha256Hex,
): string {
  const { requestId, seq, type, actorId, occurredAt, payload } = event;
  return hash(canonicalJson({ prevHash, requestId, seq, type, actorId, occurredAt, payload }));
}

/**
 * Checks one request's chain, given in `seq` order starting at 1. Returns the `seq` (or expected seq) of
 * the first broken event — wrong hash, wrong link, gap, or another request's event — or `null` if intact.
 */
export function verifyChain(events: readonly ChainedEvent[], hash: HashFunction = sha256Hex): number | null {
  let prev: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const ok =
      e.seq === i + 1 &&
      e.requestId === events[0].requestId &&
      e.prevHash === prev &&
      e.hash === eventHash(prev, e, hash);
    if (!ok) return i + 1;
    prev = e.hash;
  }
  return null;
}
