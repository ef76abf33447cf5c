import type { DeadlineEvent, RequestEventLike } from './request-event-types';

export * from './request-event-types';

function field<T>(
  event: RequestEventLike,
  name: 'consultationId' | 'workingDays' | 'newReceivedOn',
): T | undefined {
  return (event[name] ?? event.payload?.[name]) as T | undefined;
}

/** Stable sort by civil date; events of the same day keep their log order. */
function byDate(events: readonly RequestEventLike[]): RequestEventLike[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

/**
 * Converts a request's event log into the deadline engine's `events`, in date order.
 * - Overlapping consultations form one pause: it starts when the first opens and ends when the last open
 *   one replies; a consultation opened on the day the previous pause ended continues that pause.
 * - A waived fee ends the fee pause on the waiver date, like a payment.
 * - Closing events with nothing open (a reply to an unknown consultation, a payment without a notice) are
 *   dropped, so the engine always sees balanced pauses.
 * - Only events after the last `reopened` count; use `toDeadlineInput` to also get the new receipt date.
 */
export function toDeadlineEvents(events: readonly RequestEventLike[]): DeadlineEvent[] {
  const sorted = byDate(events);
  const lastReopen = sorted.map((e) => e.type).lastIndexOf('reopened');
  const out: DeadlineEvent[] = [];
  const openConsultations = new Set<string>();
  let feeOpen = false;
  let clarificationOpen = false;
  let unnamed = 0;
  for (const event of sorted.slice(lastReopen + 1)) {
    switch (event.type) {
      case 'clarification_requested':
        clarificationOpen = true;
        out.push({ type: 'clarification_requested', on: event.on });
        break;
      case 'clarification_received':
        if (clarificationOpen) out.push({ type: 'clarification_received', on: event.on });
        clarificationOpen = false;
        break;
      case 'consultation_started': {
        const id = field<string>(event, 'consultationId') ?? `unnamed-${unnamed++}`;
        if (openConsultations.size === 0) {
          const last = out[out.length - 1];
          if (last?.type === 'consultation_ended' && last.on === event.on) out.pop();
          else out.push({ type: 'consultation_started', on: event.on });
        }
        openConsultations.add(id);
        break;
      }
      case 'consultation_replied': {
        const id = field<string>(event, 'consultationId');
        if (id === undefined || !openConsultations.delete(id)) break;
        if (openConsultations.size === 0) out.push({ type: 'consultation_ended', on: event.on });
        break;
      }
      case 'fee_notice_issued':
        if (!feeOpen) out.push({ type: 'fee_notice_sent', on: event.on });
        feeOpen = true;
        break;
      case 'fee_paid':
      case 'fee_waived':
        if (feeOpen) out.push({ type: 'fee_paid', on: event.on });
        feeOpen = false;
        break;
      case 'extension_approved': {
        const workingDays = field<number>(event, 'workingDays');
        out.push(
          workingDays === undefined
            ? { type: 'extended', on: event.on }
            : { type: 'extended', on: event.on, workingDays },
        );
        break;
      }
      default:
        break; // filed, assigned, decided, documents... do not move the clock
    }
  }
  return out;
}

/**
 * `receivedOn` and `events` for `computeDeadline`. After a reopen (a body or court ordered a new reply),
 * the clock starts again on the reopen's `newReceivedOn` (default: its date) and earlier events no longer
 * count.
 */
export function toDeadlineInput(
  receivedOn: string,
  events: readonly RequestEventLike[],
): { receivedOn: string; events: DeadlineEvent[] } {
  const reopens = byDate(events).filter((e) => e.type === 'reopened');
  const last = reopens[reopens.length - 1];
  return {
    receivedOn: last ? (field<string>(last, 'newReceivedOn') ?? last.on) : receivedOn,
    events: toDeadlineEvents(events),
  };
}
