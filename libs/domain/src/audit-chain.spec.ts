import fc from 'fast-check';
import {
  type ChainedEvent,
  type ChainedEventContent,
  canonicalJson,
  eventHash,
  sha256Hex,
  verifyChain,
} from './audit-chain';

function chain(contents: ChainedEventContent[]): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  for (const c of contents) {
    const prevHash = out.length ? out[out.length - 1].hash : null;
    out.push({ ...c, prevHash, hash: eventHash(prevHash, c) });
  }
  return out;
}

const content = (seq: number, payload: unknown = {}): ChainedEventContent => ({
  requestId: 'r1',
  seq,
  type: 'assigned',
  actorId: 'u1',
  occurredAt: '2026-01-05T01:02:03.000Z',
  payload,
});

describe(canonicalJson.name, () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 1, x: 2 }, u: undefined }, '{"z":{"x":2,"y":1}}'],
    ['中文', '"中文"'],
    [new Date('2026-01-01T00:00:00Z'), '"2026-01-01T00:00:00.000Z"'],
  ])('%o → %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('rejects values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });

  it('does not depend on key order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(canonicalJson(JSON.parse(canonicalJson(obj)))).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe(verifyChain.name, () => {
  it('hashes with SHA-256 hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(eventHash(null, content(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash('x', content(1))).not.toBe(eventHash(null, content(1)));
  });

  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(chain([content(1), content(2), content(3)]))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it.each<[string, (c: ChainedEvent[]) => ChainedEvent[], number]>([
    ['tampered payload', (c) => c.map((e) => (e.seq === 2 ? { ...e, payload: { clerkId: 'evil' } } : e)), 2],
    ['tampered actor', (c) => c.map((e) => (e.seq === 3 ? { ...e, actorId: 'u2' } : e)), 3],
    ['deleted row', (c) => c.filter((e) => e.seq !== 2), 2],
    ['swapped rows', (c) => [c[0], c[2], c[1], c[3]], 2],
    [
      'rehashed row without relinking',
      (c) =>
        c.map((e) =>
          e.seq === 2 ? { ...e, type: 'x', hash: eventHash(e.prevHash, { ...e, type: 'x' }) } : e,
        ),
      3,
    ],
    ['foreign request', (c) => c.map((e) => (e.seq === 4 ? { ...e, requestId: 'r2' } : e)), 4],
  ])('finds the first break: %s', (_name, tamper, seq) => {
    expect(
      verifyChain(tamper(chain([content(1), content(2, { clerkId: 'u1' }), content(3), content(4)]))),
    ).toBe(seq);
  });

  it('detects any single-field change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.string({ minLength: 1 }), (seq, junk) => {
        const events = chain([1, 2, 3, 4, 5].map((s) => content(s, { n: s })));
        const tampered = events.map((e) => (e.seq === seq ? { ...e, payload: { n: seq, junk } } : e));
        return verifyChain(tampered) === seq;
      }),
    );
  });
});
