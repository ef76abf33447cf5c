import fc from 'fast-check';
import { ValidationError } from './errors';
import { cnPerRequestYuan, proposeCnFee } from './fees';

const perRequest = (n: number) => proposeCnFee({ basis: 'per_request', requestNumberThisMonth: n }).amountFen;
const perPage = (pages: number) => proposeCnFee({ basis: 'per_page', pages }).amountFen;

describe('proposeCnFee', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 10_000],
    [30, 10_000],
    [31, 20_000],
    [40, 20_000],
    [41, 30_000],
    [50, 30_000],
    [51, 40_000],
    [100, 80_000],
  ])('per request: request no. %i costs %i fen', (n, fen) => {
    expect(perRequest(n)).toBe(fen);
  });

  it.each([
    [0, 0],
    [1, 0],
    [30, 0],
    [31, 1_000],
    [100, 70_000],
    [101, 72_000],
    [200, 270_000],
    [201, 274_000],
    [250, 470_000],
  ])('per page: %i pages cost %i fen', (pages, fen) => {
    expect(perPage(pages)).toBe(fen);
  });

  it('explains the amount in both languages', () => {
    const fee = proposeCnFee({ basis: 'per_page', pages: 101 });
    expect(fee.basis).toBe('per_page');
    expect(fee.explanation.zh).toContain('70页×10元');
    expect(fee.explanation.zh).toContain('1页×20元');
    expect(fee.explanation.en).toContain('720 yuan');
    expect(proposeCnFee({ basis: 'per_request', requestNumberThisMonth: 3 }).explanation.zh).toContain(
      '免费',
    );
  });

  it.each([
    [{ basis: 'per_request', requestNumberThisMonth: 0 }],
    [{ basis: 'per_request', requestNumberThisMonth: 1.5 }],
    [{ basis: 'per_page', pages: -1 }],
    [{ basis: 'per_page', pages: Number.NaN }],
  ] as const)('rejects %o', (input) => {
    expect(() => proposeCnFee(input)).toThrow(ValidationError);
  });

  it('is zero for up to 10 requests and up to 30 pages', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), (n) => perRequest(n) === 0));
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), (p) => perPage(p) === 0));
  });

  it('is monotone non-decreasing and an integer number of fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          perRequest(lo) <= perRequest(hi) && perPage(lo) <= perPage(hi) && Number.isInteger(perPage(hi))
        );
      }),
    );
  });

  it('charges each extra page at its band rate (excess-progressive)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (p) => {
        const rate = p + 1 <= 30 ? 0 : p + 1 <= 100 ? 10 : p + 1 <= 200 ? 20 : 40;
        return perPage(p + 1) - perPage(p) === rate * 100;
      }),
    );
  });

  it('raises the per-request rate by 100 yuan every 10 requests from the 31st', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 31, max: 5000 }),
        (n) => cnPerRequestYuan(n + 10) - cnPerRequestYuan(n) === 100,
      ),
    );
  });
});
