import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@disclose/config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
}

/** One pooled SMTP transport per process: connections are reused across the processor's jobs and batches. */
@Injectable()
export class MailTransportService implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Resolves when the server accepted the message; rejects with the SMTP error otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    this.transport ??= createTransport({
      url: this.config.smtpUrl,
      pool: true,
      // Enough connections for a mail job's batch (MAIL_BATCH) times the processor's concurrency to flow;
      // each connection is kept for many messages (a new one costs a handshake).
      maxConnections: 10,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      // Shorter than MAIL_SENDING_TIMEOUT_MS should be: a hung send gives up before the row is reclaimed.
      socketTimeout: 30_000,
    } as never);
    await this.transport.sendMail({ from: this.config.mailFrom, ...email });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
