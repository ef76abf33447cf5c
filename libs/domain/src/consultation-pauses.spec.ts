import fc from 'fast-check';
import { type RequestEventLike, toDeadlineEvents } from './deadline-events';

const ev = (
  type: RequestEventLike['type'],
  on: string,
  extra: Partial<RequestEventLike> = {},
): RequestEventLike => ({
  type,
  on,
  ...extra,
});

describe('consultation pauses (property)', () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}`);
  const consultations = fc.array(fc.tuple(day, day), { maxLength: 6 }).map((spans) =>
    spans.flatMap(([a, b], i) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      return [
        ev('consultation_started', start, { consultationId: `c${i}` }),
        ev('consultation_replied', end, { consultationId: `c${i}` }),
      ];
    }),
  );

  it('produces alternating, date-ordered consultation pauses covering the union of the consultations', () => {
    fc.assert(
      fc.property(consultations, (log) => {
        const out = toDeadlineEvents(log);
        out.forEach((e, i) => {
          expect(e.type).toBe(i % 2 === 0 ? 'consultation_started' : 'consultation_ended');
          if (i > 0) expect(out[i - 1].on <= e.on).toBe(true);
        });
        expect(out.length % 2).toBe(0);
        // every day covered by some consultation is inside a pause, and vice versa
        const covered = (d: string, spans: Array<[string, string]>) =>
          spans.some(([s, e]) => s <= d && d <= e);
        const pauses: Array<[string, string]> = [];
        for (let i = 0; i < out.length; i += 2) pauses.push([out[i].on, out[i + 1].on]);
        const spans: Array<[string, string]> = [];
        for (let i = 0; i < log.length; i += 2) spans.push([log[i].on, log[i + 1].on]);
        for (let d = 1; d <= 28; d++) {
          const date = `2025-03-${String(d).padStart(2, '0')}`;
          expect(covered(date, pauses)).toBe(covered(date, spans));
        }
      }),
    );
  });
});
