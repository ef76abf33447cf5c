import fc from 'fast-check';
import {
  bandCounts,
  byTrack,
  dayBand,
  DOJ_DAY_BANDS,
  pendingFigures,
  responseTimes,
  trackOf,
  weightedMedian,
  type WeightedDays,
} from './doj-tracks';

/** The sample written out one request per entry (what the weights stand for). */
const expand = (samples: readonly WeightedDays[]): number[] =>
  samples.flatMap((s) => Array.from({ length: s.weight }, () => s.value)).sort((a, b) => a - b);

const samplesArb = fc.array(
  fc.record({ value: fc.integer({ min: 0, max: 600 }), weight: fc.integer({ min: 0, max: 5 }) }),
  { maxLength: 30 },
);

describe('DOJ section VII arithmetic', () => {
  it('puts day counts in the template bands, 0 and 20 in the first, 200/201, 400/401 on the edges', () => {
    expect([0, 1, 20, 21, 40, 41, 199, 200, 201, 300, 301, 400, 401, 5000].map(dayBand)).toEqual([
      '1-20',
      '1-20',
      '1-20',
      '21-40',
      '21-40',
      '41-60',
      '181-200',
      '181-200',
      '201-300',
      '201-300',
      '301-400',
      '301-400',
      '401+',
      '401+',
    ]);
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(
      weightedMedian([
        { value: 3, weight: 1 },
        { value: 10, weight: 1 },
      ]),
    ).toBe(6.5);
    expect(
      weightedMedian([
        { value: 7, weight: 2 },
        { value: 1, weight: 1 },
      ]),
    ).toBe(7);
    expect(weightedMedian([])).toBeNull();
    expect(
      responseTimes([
        { value: 5, weight: 2 },
        { value: 17, weight: 1 },
        { value: 2, weight: 1 },
      ]),
    ).toEqual({ median: 5, average: 7.25, lowest: 2, highest: 17 });
    expect(responseTimes([{ value: 9, weight: 0 }])).toEqual({
      median: null,
      average: null,
      lowest: null,
      highest: null,
    });
  });

  it('gives the figures of the requests one by one (median, average, lowest, highest)', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const all = expand(samples);
        const t = responseTimes(samples);
        if (all.length === 0) {
          expect(t).toEqual({ median: null, average: null, lowest: null, highest: null });
          return;
        }
        const mid = all.length / 2;
        const median = all.length % 2 ? all[Math.floor(mid)] : (all[mid - 1] + all[mid]) / 2;
        expect(t.median).toBe(median);
        expect(t.lowest).toBe(all[0]);
        expect(t.highest).toBe(all[all.length - 1]);
        const mean = all.reduce((s, x) => s + x, 0) / all.length;
        expect(Math.abs((t.average as number) - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(t.lowest as number).toBeLessThanOrEqual(t.median as number);
        expect(t.median as number).toBeLessThanOrEqual(t.highest as number);
      }),
    );
  });

  it('counts every request in exactly one band, the one whose range holds its days', () => {
    fc.assert(
      fc.property(samplesArb, (samples) => {
        const counts = bandCounts(samples);
        expect(Object.keys(counts)).toEqual([...DOJ_DAY_BANDS]);
        const total = Object.values(counts).reduce((s, n) => s + n, 0);
        expect(total).toBe(expand(samples).length);
        for (const s of samples) {
          const band = dayBand(s.value);
          const [lo, hi] = band === '401+' ? [401, Infinity] : band.split('-').map(Number);
          expect(Math.max(s.value, 1) >= lo && s.value <= hi).toBe(true);
        }
      }),
    );
  });

  it('splits by track: every row once, every track present, an unset track is simple', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(null, 'simple', 'complex', 'expedited', 'bogus'), { maxLength: 20 }),
        (stored) => {
          const rows = stored.map((s, i) => ({ track: trackOf(s), value: i, weight: 1 }));
          const split = byTrack(rows);
          expect(Object.keys(split)).toEqual(['simple', 'complex', 'expedited']);
          expect(split.simple.length + split.complex.length + split.expedited.length).toBe(rows.length);
          expect(split.complex.length).toBe(stored.filter((s) => s === 'complex').length);
          expect(split.expedited.length).toBe(stored.filter((s) => s === 'expedited').length);
        },
      ),
    );
  });

  it('gives the number pending with its median and average', () => {
    expect(
      pendingFigures([
        { value: 30, weight: 1 },
        { value: 31, weight: 1 },
      ]),
    ).toEqual({ number: 2, median: 30.5, average: 30.5 });
    expect(pendingFigures([])).toEqual({ number: 0, median: null, average: null });
  });
});
