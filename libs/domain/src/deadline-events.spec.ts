import {
  ACTION_EVENT_TYPE,
  type RequestEventLike,
  isRequestEventType,
  REQUEST_EVENT_TYPES,
  toDeadlineEvents,
  toDeadlineInput,
} from './deadline-events';

const ev = (
  type: RequestEventLike['type'],
  on: string,
  extra: Partial<RequestEventLike> = {},
): RequestEventLike => ({ type, on, ...extra });

describe('toDeadlineEvents', () => {
  it.each<[string, RequestEventLike[], Array<{ type: string; on: string; workingDays?: number }>]>([
    [
      'ignores events that do not move the clock',
      [ev('filed', '2025-03-03'), ev('assigned', '2025-03-04'), ev('decided', '2025-03-20')],
      [],
    ],
    [
      'maps a clarification round',
      [ev('clarification_requested', '2024-04-03'), ev('clarification_received', '2024-04-25')],
      [
        { type: 'clarification_requested', on: '2024-04-03' },
        { type: 'clarification_received', on: '2024-04-25' },
      ],
    ],
    [
      'maps one consultation',
      [
        ev('consultation_started', '2025-03-10', { consultationId: 'a' }),
        ev('consultation_replied', '2025-03-24', { consultationId: 'a' }),
      ],
      [
        { type: 'consultation_started', on: '2025-03-10' },
        { type: 'consultation_ended', on: '2025-03-24' },
      ],
    ],
    [
      'merges overlapping consultations into one pause',
      [
        ev('consultation_started', '2025-03-10', { consultationId: 'a' }),
        ev('consultation_started', '2025-03-12', { consultationId: 'b' }),
        ev('consultation_replied', '2025-03-20', { consultationId: 'a' }),
        ev('consultation_replied', '2025-03-27', { consultationId: 'b' }),
      ],
      [
        { type: 'consultation_started', on: '2025-03-10' },
        { type: 'consultation_ended', on: '2025-03-27' },
      ],
    ],
    [
      'continues the pause when a consultation starts the day the previous one ended',
      [
        ev('consultation_started', '2025-03-10', { payload: { consultationId: 'a' } }),
        ev('consultation_replied', '2025-03-14', { payload: { consultationId: 'a' } }),
        ev('consultation_started', '2025-03-14', { payload: { consultationId: 'b' } }),
        ev('consultation_replied', '2025-03-18', { payload: { consultationId: 'b' } }),
      ],
      [
        { type: 'consultation_started', on: '2025-03-10' },
        { type: 'consultation_ended', on: '2025-03-18' },
      ],
    ],
    [
      'keeps separate pauses apart',
      [
        ev('consultation_started', '2025-03-10', { consultationId: 'a' }),
        ev('consultation_replied', '2025-03-12', { consultationId: 'a' }),
        ev('consultation_started', '2025-03-17', { consultationId: 'b' }),
      ],
      [
        { type: 'consultation_started', on: '2025-03-10' },
        { type: 'consultation_ended', on: '2025-03-12' },
        { type: 'consultation_started', on: '2025-03-17' },
      ],
    ],
    [
      'ends the fee pause on payment',
      [ev('fee_notice_issued', '2025-09-10'), ev('fee_paid', '2025-09-24')],
      [
        { type: 'fee_notice_sent', on: '2025-09-10' },
        { type: 'fee_paid', on: '2025-09-24' },
      ],
    ],
    [
      'ends the fee pause on a waiver',
      [ev('fee_notice_issued', '2025-09-10'), ev('fee_waived', '2025-09-12')],
      [
        { type: 'fee_notice_sent', on: '2025-09-10' },
        { type: 'fee_paid', on: '2025-09-12' },
      ],
    ],
    [
      'maps approved extensions only',
      [
        ev('extension_requested', '2026-01-05'),
        ev('extension_approved', '2026-01-06', { workingDays: 10 }),
        ev('extension_rejected', '2026-01-07'),
        ev('extension_approved', '2026-01-08'),
      ],
      [
        { type: 'extended', on: '2026-01-06', workingDays: 10 },
        { type: 'extended', on: '2026-01-08' },
      ],
    ],
    [
      'drops closing events with nothing open',
      [
        ev('consultation_replied', '2025-03-10', { consultationId: 'x' }),
        ev('fee_paid', '2025-03-11'),
        ev('clarification_received', '2025-03-12'),
      ],
      [],
    ],
    [
      'sorts by date, keeping log order within a day',
      [ev('fee_paid', '2025-09-24'), ev('fee_notice_issued', '2025-09-10')],
      [
        { type: 'fee_notice_sent', on: '2025-09-10' },
        { type: 'fee_paid', on: '2025-09-24' },
      ],
    ],
    [
      'forgets events before a reopen',
      [
        ev('fee_notice_issued', '2025-09-10'),
        ev('fee_paid', '2025-09-24'),
        ev('decided', '2025-10-01'),
        ev('reopened', '2026-02-02'),
        ev('extension_approved', '2026-02-10', { workingDays: 5 }),
      ],
      [{ type: 'extended', on: '2026-02-10', workingDays: 5 }],
    ],
  ])('%s', (_name, input, expected) => {
    expect(toDeadlineEvents(input)).toEqual(expected);
  });

  it('restarts receipt on reopen', () => {
    expect(toDeadlineInput('2025-09-01', [ev('decided', '2025-10-01')]).receivedOn).toBe('2025-09-01');
    expect(toDeadlineInput('2025-09-01', [ev('reopened', '2026-02-02')]).receivedOn).toBe('2026-02-02');
    expect(
      toDeadlineInput('2025-09-01', [ev('reopened', '2026-02-02', { newReceivedOn: '2026-02-03' })])
        .receivedOn,
    ).toBe('2026-02-03');
  });

  it('lists every audit event type', () => {
    expect(REQUEST_EVENT_TYPES).toHaveLength(19);
    expect(isRequestEventType('lapsed')).toBe(true);
    expect(isRequestEventType('consultation_ended')).toBe(false);
    const written = new Set(Object.values(ACTION_EVENT_TYPE));
    expect(REQUEST_EVENT_TYPES.filter((t) => !written.has(t))).toEqual(['filed']);
  });
});
