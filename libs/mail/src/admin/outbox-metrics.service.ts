import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsRegistry } from '@disclose/observability';
import { OUTBOX_STATUSES, OutboxAdminService } from './outbox-admin.service';

/** Registers `disclose_outbox_emails{status=...}` with the process's metrics registry. */
@Injectable()
export class OutboxMetricsService implements OnModuleInit {
  constructor(
    private readonly registry: MetricsRegistry,
    private readonly admin: OutboxAdminService,
  ) {}

  onModuleInit(): void {
    this.registry.register('disclose_outbox_emails', 'Outbox emails by delivery status', async () => {
      const counts = await this.admin.counts();
      return OUTBOX_STATUSES.map((status) => ({ labels: { status }, value: counts[status] }));
    });
  }
}
