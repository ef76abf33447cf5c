import fc from 'fast-check';
import { MAX_JSON_DEPTH, jsonTooDeep } from './input-guards';

describe(jsonTooDeep.name, () => {
  it('counts object and array nesting, not brackets inside strings', () => {
    expect(jsonTooDeep('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonTooDeep('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(jsonTooDeep(`{"a":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonTooDeep(`{"a":"\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
  });

  it('agrees with the depth of any generated JSON value', () => {
    const depth = (v: unknown): number =>
      v !== null && typeof v === 'object'
        ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depth))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        expect(jsonTooDeep(JSON.stringify(value), max)).toBe(depth(value) > max);
      }),
    );
  });

  it('refuses the 20,000-level bodies that overflowed the validators', () => {
    expect(jsonTooDeep(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`)).toBe(true);
    expect(jsonTooDeep(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe(false);
  });
});
