import type { DayNumber } from '../dates';

/** Structured steps recorded while evaluating, turned into sentences only when the trace is read. */
export type TraceNote =
  | { t: 'clarification_requested'; d: DayNumber; toll: boolean; late: boolean; noticeDue: DayNumber }
  | { t: 'clarification_received'; d: DayNumber; toll: boolean; since: DayNumber }
  | { t: 'pause_started'; d: DayNumber; kind: 'consultation' | 'fee' }
  | { t: 'pause_ended'; d: DayNumber; kind: 'consultation' | 'fee'; since: DayNumber }
  | { t: 'restart'; d: DayNumber; reason: 'clarification' | 'fee' }
  | { t: 'extended'; d: DayNumber; k: number; total: number; afterDue: DayNumber | null };
