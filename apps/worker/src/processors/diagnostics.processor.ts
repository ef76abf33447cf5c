import { hostname } from 'node:os';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES } from '@disclose/queues';

/** Answers the api's round-trip probe (GET /health/worker). */
@Processor(QUEUES.diagnostics)
export class DiagnosticsProcessor extends WorkerHost {
  async process(job: Job<{ nonce: string }>): Promise<{ host: string; pid: number; nonce: string }> {
    return { host: hostname(), pid: process.pid, nonce: job.data.nonce };
  }
}
