/**
 * @disclose/domain — the pure core of Disclose: taxonomies, the request lifecycle, the event-log → deadline
 * bridge, fees, errors and messages, the audit hash chain and tracking numbers. No framework, no I/O, no clock.
 */
export * from './taxonomy';
export * from './request-lifecycle';
export * from './deadline-events';
export * from './fees';
export * from './errors';
export * from './messages';
export * from './audit-chain';
export * from './tracking-number';
export * from './civil-dates';
