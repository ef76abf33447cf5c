export * from './contract';
export { MailModule } from './mail.module';
export { OutboxService } from './outbox/outbox.service';
export { MAIL_TEMPLATES, isMailTemplate } from './templates/template-names';
export { Outbox1764400200000 } from './migrations/1764400200000-Outbox';
export * from './templates/template-params';
export { renderEmail, requestLink, MailTemplateError, type RenderedEmail } from './templates/render-email';
export { formatCivilDate } from './templates/format';
