/**
 * computeDeadline throughput on 1,000,000 mixed inputs against a plain "add 20 weekdays with Date" loop.
 * Run: node --require ./scripts/ts-register.js bench/deadlines.bench.ts
 * Goal: >= 1,000,000 computations/s and within 3x of the baseline. Prints one JSON line at the end.
 * BENCH_QUICK=1: 200,000 inputs (the throughput goal still applies: it is a rate, not a total).
 */
import { computeDeadline, DeadlineEvent, DeadlineInput, RULE_SET_IDS, RULE_SETS } from '@disclose/deadlines';

const N = Number(process.env.BENCH_N ?? (process.env.BENCH_QUICK ? 200_000 : 1_000_000));
const GOAL_OPS = 1_000_000;
const GOAL_RATIO = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** mulberry32: small seeded PRNG so every run times the same inputs. */
function prng(seed: number): () => number {
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
const FROM = Date.UTC(2010, 0, 1);
const SPAN_DAYS = Math.floor((Date.UTC(2026, 11, 31) - FROM) / DAY);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function generate(n: number): DeadlineInput[] {
  const rnd = prng(20251029);
  const out: DeadlineInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ruleSet = RULE_SET_IDS[Math.floor(rnd() * RULE_SET_IDS.length)];
    const rs = RULE_SETS[ruleSet];
    const received = FROM + Math.floor(rnd() * SPAN_DAYS) * DAY;
    const events: DeadlineEvent[] = [];
    let t = received;
    const r = rnd();
    if (r < 0.25) {
      const useConsultation = rs.consultationPause && rnd() < 0.5;
      t += (1 + Math.floor(rnd() * 10)) * DAY;
      events.push({ type: useConsultation ? 'consultation_started' : 'fee_notice_sent', on: iso(t) });
      t += Math.floor(rnd() * 15) * DAY;
      events.push({ type: useConsultation ? 'consultation_ended' : 'fee_paid', on: iso(t) });
    } else if (r < 0.35) {
      t += (1 + Math.floor(rnd() * 5)) * DAY;
      events.push({ type: 'clarification_requested', on: iso(t) });
      t += (1 + Math.floor(rnd() * 20)) * DAY;
      events.push({ type: 'clarification_received', on: iso(t) });
    }
    if (rs.extensionMaxWorkingDays > 0 && rnd() < 0.2) {
      t += Math.floor(rnd() * 20) * DAY;
      events.push({
        type: 'extended',
        on: iso(t),
        workingDays: 1 + Math.floor(rnd() * rs.extensionMaxWorkingDays),
      });
    }
    out[i] = {
      ruleSet,
      receivedOn: iso(received),
      events,
      options: ruleSet.startsWith('cn') && rnd() < 0.1 ? { countMakeupWorkdays: false } : undefined,
    };
  }
  return out;
}

/** Baseline: parse with Date, add 20 weekdays day by day (no holidays), format. */
function baselineOne(receivedOn: string): string {
  const d = new Date(`${receivedOn}T00:00:00Z`);
  let left = 20;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

function time(label: string, fn: () => number): number {
  const t0 = process.hrtime.bigint();
  const check = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const ops = N / seconds;
  console.log(
    `${label}: ${N} in ${seconds.toFixed(3)} s = ${Math.round(ops).toLocaleString('en')} ops/s (check ${check})`,
  );
  return ops;
}

function main(): void {
  const inputs = generate(N);
  const runEngine = (): number => {
    let h = 0;
    for (let i = 0; i < inputs.length; i++) h = (h + computeDeadline(inputs[i]).dueOn!.charCodeAt(9)) | 0;
    return h;
  };
  const runBaseline = (): number => {
    let h = 0;
    for (let i = 0; i < inputs.length; i++) h = (h + baselineOne(inputs[i].receivedOn).charCodeAt(9)) | 0;
    return h;
  };
  // Warm-up (JIT, calendar indexes), then the measured runs.
  for (let i = 0; i < 50_000; i++) {
    computeDeadline(inputs[i % inputs.length]);
    baselineOne(inputs[i % inputs.length].receivedOn);
  }
  // Best of ROUNDS alternating runs, so a busy neighbour on a shared machine skews neither side.
  let baseline = 0;
  let figure = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    baseline = Math.max(baseline, time(`round ${round} baseline (20 weekdays with Date)`, runBaseline));
    figure = Math.max(figure, time(`round ${round} computeDeadline`, runEngine));
  }
  const ratio = figure / baseline;
  const pass = figure >= GOAL_OPS && baseline / figure <= GOAL_RATIO;
  const rows = [
    {
      figure: 'computeDeadline throughput',
      value: Math.round(figure),
      unit: 'ops/s',
      baseline: Math.round(baseline),
      baselineLabel: '20 weekdays with Date, no holidays',
      ratio: Number(ratio.toFixed(3)),
      goal: `>= ${GOAL_OPS.toLocaleString('en')} ops/s, ratio >= ${(1 / GOAL_RATIO).toFixed(2)}`,
      pass,
    },
  ];
  console.log(
    JSON.stringify({
      bench: 'deadlines',
      n: N,
      figure: Math.round(figure),
      baseline: Math.round(baseline),
      ratio: Number(ratio.toFixed(3)),
      goal: `>= ${GOAL_OPS} ops/s and baseline/figure <= ${GOAL_RATIO}`,
      pass,
      rows,
    }),
  );
}

main();
