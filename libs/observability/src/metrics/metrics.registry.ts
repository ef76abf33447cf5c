import { Injectable, Logger } from '@nestjs/common';

export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
}

export type MetricCollector = () => Promise<MetricSample[]>;

interface Gauge {
  name: string;
  help: string;
  collect: MetricCollector;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatSample(name: string, sample: MetricSample): string {
  const entries = Object.entries(sample.labels ?? {});
  for (const [key] of entries) if (!LABEL.test(key)) throw new Error(`bad label name ${key} on ${name}`);
  const labels = entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
  return `${name}${labels} ${Number.isFinite(sample.value) ? sample.value : 'NaN'}`;
}

/**
 * Gauges read at scrape time (Prometheus text format 0.0.4). Each library registers what it knows, e.g.
 * `registry.register('disclose_outbox_emails', 'Outbox emails by status', async () => [...])`; values
 * come from PostgreSQL when scraped, so every api process reports the same truth and holds no state.
 */
@Injectable()
export class MetricsRegistry {
  private readonly logger = new Logger(MetricsRegistry.name);
  private readonly gauges = new Map<string, Gauge>();

  register(name: string, help: string, collect: MetricCollector): void {
    if (!NAME.test(name)) throw new Error(`bad metric name ${name}`);
    if (this.gauges.has(name)) throw new Error(`metric ${name} is registered twice`);
    this.gauges.set(name, { name, help, collect });
  }

  names(): string[] {
    return [...this.gauges.keys()];
  }

  /** The exposition text. A collector that fails is left out (and logged); the others still report. */
  async render(): Promise<string> {
    const parts = await Promise.all(
      [...this.gauges.values()].map(async (gauge) => {
        try {
          const samples = await gauge.collect();
          return [
            `# HELP ${gauge.name} ${gauge.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
            `# TYPE ${gauge.name} gauge`,
            ...samples.map((s) => formatSample(gauge.name, s)),
          ].join('\n');
        } catch (error) {
          this.logger.warn(`metric ${gauge.name} could not be collected: ${String(error)}`);
          return `# ${gauge.name} could not be collected`;
        }
      }),
    );
    return parts.join('\n') + '\n';
  }
}
