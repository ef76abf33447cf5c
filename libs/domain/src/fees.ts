import { ValidationError } from './errors';

/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), rules/cn.md A.9. Both scales are
 * excess-progressive (超额累进, Art. 3): each unit is charged at the rate of the band it falls in. Amounts
 * are integer fen (1 yuan = 100 fen).
 */

/** Input of `proposeCnFee`: one scale per request, never both (Art. 3). */
export type CnFeeInput =
  | { readonly basis: 'per_request'; readonly requestNumberThisMonth: number }
  | { readonly basis: 'per_page'; readonly pages: number };

/** The proposed fee, which the clerk confirms, changes with a reason, or waives. */
export interface CnFeeProposal {
  readonly amountFen: number;
  readonly basis: CnFeeInput['basis'];
  readonly explanation: { readonly zh: string; readonly en: string };
}

/** Art. 5 (按量) page bands: [first page, last page, yuan per page]. */
export const CN_PAGE_BANDS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 30, 0],
  [31, 100, 10],
  [101, 200, 20],
  [201, Number.POSITIVE_INFINITY, 40],
];

/**
 * Art. 4 (按件): yuan charged for the n-th request of the applicant in a calendar month. 1–10 free,
 * 11–30 100 yuan, then bands of 10 requests each 100 yuan higher (31–40 = 200, 41–50 = 300, ...).
 */
export function cnPerRequestYuan(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 200 + 100 * Math.floor((n - 31) / 10);
}

function requireInteger(field: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ValidationError([
      { field, code: min > 0 ? 'must_be_positive_integer' : 'must_be_non_negative_integer', params: { min } },
    ]);
  }
}

/** Proposes the 信息处理费 for one request (cn-ogi-2019 only; the caller checks the rule set). */
export function proposeCnFee(input: CnFeeInput): CnFeeProposal {
  if (input.basis === 'per_request') {
    const n = input.requestNumberThisMonth;
    requireInteger('requestNumberThisMonth', n, 1);
    const yuan = cnPerRequestYuan(n);
    return {
      amountFen: yuan * 100,
      basis: 'per_request',
      explanation: {
        zh: `按件计收：本自然月第${n}件申请，${yuan === 0 ? '1–10件免费' : `适用${yuan}元/件`}，应收${yuan}元。`,
        en: `Per request: request no. ${n} this calendar month, ${yuan === 0 ? 'requests 1–10 are free' : `charged at ${yuan} yuan per request`}; fee ${yuan} yuan.`,
      },
    };
  }
  const pages = input.pages;
  requireInteger('pages', pages, 0);
  const parts: Array<{ count: number; rate: number }> = [];
  for (const [from, to, rate] of CN_PAGE_BANDS) {
    const count = Math.max(0, Math.min(pages, to) - from + 1);
    if (count > 0 && rate > 0) parts.push({ count, rate });
  }
  const yuan = parts.reduce((sum, p) => sum + p.count * p.rate, 0);
  const zhParts = parts.map((p) => `${p.count}页×${p.rate}元`).join(' + ');
  const enParts = parts.map((p) => `${p.count} pages × ${p.rate} yuan`).join(' + ');
  return {
    amountFen: yuan * 100,
    basis: 'per_page',
    explanation: {
      zh: `按量计收：共${pages}页，前30页免费${zhParts ? `，${zhParts}` : ''}，应收${yuan}元。`,
      en: `Per page: ${pages} pages, the first 30 free${enParts ? `; ${enParts}` : ''}; fee ${yuan} yuan.`,
    },
  };
}
