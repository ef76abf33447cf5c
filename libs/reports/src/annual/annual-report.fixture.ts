/**
 * A seeded fixture of requests, cases and fee events over three years and three agencies, and the
 * expected annual-report tables computed from the fixture array itself, by the B.6 definitions read
 * literally, in plain TypeScript — independently of the SQL under test.
 */
import { APPLICANT_TYPES, OUTCOME_CODES } from '@disclose/domain';
import { emptyTable2, emptyTable3, NOT_ANSWERED_OUTCOMES, Table2, Table3 } from './annual-report.types';

export interface FixtureRequest {
  trackingNumber: string;
  agency: number;
  applicantType: string;
  receivedOn: string;
  dueOn: string;
  outcome: string | null;
  closedOn: string | null;
  feeNotice: { on: string; fen: number; paidOn: string | null } | null;
}
export interface FixtureCase {
  request: number;
  /** Index of the reconsideration a litigation_after_reconsideration follows. */
  parent: number | null;
  kind: string;
  filedOn: string;
  outcome: string | null;
  decidedOn: string | null;
}

/** mulberry32: a small seeded PRNG, so every run tests the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plus = (date: string, days: number): string => iso(Date.parse(`${date}T00:00:00Z`) + days * DAY);

export function generateFixture(seed: number, prefix: string, nRequests = 600, nCases = 160) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse('2023-01-01T00:00:00Z');
  const requests: FixtureRequest[] = [];
  for (let i = 0; i < nRequests; i++) {
    const receivedOn = iso(start + Math.floor(rnd() * 1095) * DAY);
    const closed = rnd() < 0.85;
    const closedOn = closed ? plus(receivedOn, Math.floor(rnd() * 70)) : null;
    const fee = rnd() < 0.1;
    requests.push({
      trackingNumber: `${prefix}-${String(i).padStart(5, '0')}`,
      agency: Math.floor(rnd() * 3),
      applicantType: pick(APPLICANT_TYPES).code,
      receivedOn,
      dueOn: plus(receivedOn, 28),
      outcome: closed ? pick(OUTCOME_CODES).code : null,
      closedOn,
      feeNotice: fee
        ? {
            on: plus(receivedOn, 5),
            fen: 100 + Math.floor(rnd() * 50_000),
            paidOn: rnd() < 0.6 ? plus(receivedOn, 20) : null,
          }
        : null,
    });
  }
  const kinds = [
    'reconsideration',
    'litigation_direct',
    'litigation_after_reconsideration',
    'internal_review',
  ];
  const cases: FixtureCase[] = [];
  for (let i = 0; i < nCases; i++) {
    const request = Math.floor(rnd() * nRequests);
    const kind = pick(kinds);
    const filedOn = plus(requests[request].receivedOn, 30 + Math.floor(rnd() * 60));
    let parent: number | null = null;
    if (kind === 'litigation_after_reconsideration') {
      // A lawsuit after reconsideration follows a decided reconsideration (cases table CHECK).
      const reconsideredOn = plus(filedOn, -20);
      cases.push({
        request,
        parent: null,
        kind: 'reconsideration',
        filedOn: plus(reconsideredOn, -40),
        outcome: 'upheld',
        decidedOn: reconsideredOn,
      });
      parent = cases.length - 1;
    }
    const decided = rnd() < 0.7;
    cases.push({
      request,
      parent,
      kind,
      filedOn,
      outcome: decided ? pick(['upheld', 'corrected', 'other']) : null,
      decidedOn: decided ? plus(filedOn, 10 + Math.floor(rnd() * 300)) : null,
    });
  }
  return { requests, cases };
}

/** Expected figures of one scope (a set of agency indexes) and year, by the B.6 definitions. */
export function expectedReport(
  fx: { requests: FixtureRequest[]; cases: FixtureCase[] },
  agencies: ReadonlySet<number>,
  year: number,
): {
  requests: Table2;
  reviews: Table3;
  fees: { notices: number; noticesFen: number; paidFen: number };
  answered: number;
  onTime: number;
} {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (d: string | null): boolean => d !== null && d >= first && d <= last;
  const t2 = emptyTable2();
  let answered = 0;
  let onTime = 0;
  const fees = { notices: 0, noticesFen: 0, paidFen: 0 };
  const bump = (row: string, col: string): void => {
    t2[row][col] += 1;
    t2[row].total += 1;
  };
  for (const r of fx.requests) {
    if (!agencies.has(r.agency)) continue;
    if (inYear(r.receivedOn)) bump('new_this_year', r.applicantType);
    if (r.receivedOn < first && (r.closedOn === null || r.closedOn >= first))
      bump('carried_from_last_year', r.applicantType);
    if (inYear(r.closedOn) && r.outcome) {
      bump(r.outcome, r.applicantType);
      bump('total_processed', r.applicantType);
      if (!(NOT_ANSWERED_OUTCOMES as readonly string[]).includes(r.outcome)) {
        answered += 1;
        if ((r.closedOn as string) <= r.dueOn) onTime += 1;
      }
    }
    if (r.receivedOn <= last && (r.closedOn === null || r.closedOn > last))
      bump('carried_to_next_year', r.applicantType);
    if (r.feeNotice && inYear(r.feeNotice.on)) {
      fees.notices += 1;
      fees.noticesFen += r.feeNotice.fen;
    }
    if (r.feeNotice?.paidOn && inYear(r.feeNotice.paidOn)) fees.paidFen += r.feeNotice.fen;
  }
  const t3 = emptyTable3();
  for (const c of fx.cases) {
    if (!agencies.has(fx.requests[c.request].agency) || !(c.kind in t3)) continue;
    const counts = inYear(c.filedOn) || (c.filedOn < first && (c.decidedOn === null || c.decidedOn >= first));
    if (!counts) continue;
    const col = inYear(c.decidedOn) && c.outcome ? c.outcome : 'pending';
    t3[c.kind][col] += 1;
    t3[c.kind].total += 1;
  }
  return { requests: t2, reviews: t3, fees, answered, onTime };
}
