/** Every BullMQ queue of the system, in one place. */
export const QUEUES = {
  /** Liveness round trip: the api asks, a worker answers. */
  diagnostics: 'diagnostics',
  /** Milestone timers (reminders, escalations, notices). */
  milestones: 'milestones',
  /** Outbox delivery over SMTP. */
  mail: 'mail',
  /** The periodic reconciler that rebuilds the near-term schedule from PostgreSQL. */
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
