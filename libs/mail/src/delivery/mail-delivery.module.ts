import { Module } from '@nestjs/common';
import { DeliverEmailService } from './deliver-email.service';
import { MailTransportService } from './mail-transport.service';
import { OutboxDispatcherService } from './outbox-dispatcher.service';

/**
 * Delivery of the outbox, for the worker: the dispatcher (periodic sweep -> one BullMQ job per due row) and the
 * service the mail processor calls. Needs TypeORM's root, APP_CONFIG and the mail queue registered.
 */
@Module({
  providers: [MailTransportService, DeliverEmailService, OutboxDispatcherService],
  exports: [DeliverEmailService, OutboxDispatcherService],
})
export class MailDeliveryModule {}
