import fc from 'fast-check';
import { buildJobId } from '@disclose/queues';

describe(buildJobId.name, () => {
  it('is stable for the same inputs', () => {
    expect(buildJobId('milestone', 'a1b2', 3)).toBe('milestone-a1b2-3');
    expect(buildJobId('milestone', 'a1b2', 3)).toBe(buildJobId('milestone', 'a1b2', 3));
  });

  it('never contains a colon and never looks like an integer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ minLength: 1 }), fc.integer()), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const id = buildJobId('mail', ...parts);
          expect(id).not.toContain(':');
          expect(/^\d+$/.test(id)).toBe(false);
        },
      ),
    );
  });

  it('rejects empty parts and bad kinds', () => {
    expect(() => buildJobId('mail')).toThrow();
    expect(() => buildJobId('mail', '')).toThrow();
    expect(() => buildJobId('Mail', 'x')).toThrow();
  });
});
