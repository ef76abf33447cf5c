import { createTransport } from 'nodemailer';

/** Opens an SMTP session and says EHLO/NOOP; no mail is sent. */
export async function verifySmtp(smtpUrl: string, timeoutMs: number): Promise<void> {
  const transport = createTransport(smtpUrl, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as never);
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}
