import { Global, Module } from '@nestjs/common';
import { OUTBOX } from './contract';
import { OutboxService } from './outbox/outbox.service';

/**
 * Global: any library writes emails by injecting `OUTBOX` and calling `enqueue(manager, emails)` inside
 * its own transaction. Delivery lives in `MailDeliveryModule` (worker only).
 */
@Global()
@Module({
  providers: [OutboxService, { provide: OUTBOX, useExisting: OutboxService }],
  exports: [OUTBOX, OutboxService],
})
export class MailModule {}
