export * from './contract';
export { MailModule } from './mail.module';
export { OutboxService } from './outbox/outbox.service';
export { mailJob, MAIL_JOB } from './outbox/mail-job';
export { MAIL_TEMPLATES, isMailTemplate } from './templates/template-names';
export { Outbox1764400200000 } from './migrations/1764400200000-Outbox';
export * from './templates/template-params';
export { renderEmail, requestLink, MailTemplateError, type RenderedEmail } from './templates/render-email';
export { formatCivilDate } from './templates/format';
export { MailDeliveryModule } from './delivery/mail-delivery.module';
export {
  DeliverEmailService,
  MAIL_BATCH,
  type DeliveryOutcome,
  type DeliveryReport,
} from './delivery/deliver-email.service';
export {
  OutboxDispatcherService,
  SWEEP_INTERVAL_MS,
  type MailJobData,
} from './delivery/outbox-dispatcher.service';
export { outboxMessageId, retryDelayMs } from './delivery/backoff';
export { MailOpsModule } from './admin/mail-ops.module';
export * from './admin/outbox-admin.service';
