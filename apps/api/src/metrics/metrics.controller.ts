import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@disclose/identity';
import { MetricsRegistry } from '@disclose/observability';

/**
 * Prometheus scrape endpoint. Public like /health (counts only, no personal data); restrict it at the
 * proxy if the counts themselves are sensitive.
 */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Gauges in the Prometheus text format (outbox emails by status, overdue requests, ...)',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition text', schema: { type: 'string' } })
  metrics(): Promise<string> {
    return this.registry.render();
  }
}
