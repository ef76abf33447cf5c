import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';

/** A real SMTP server in the test process that keeps every message it accepts. */
export class SmtpCapture {
  readonly messages: ParsedMail[] = [];
  private server?: SMTPServer;
  /** While set, every RCPT is refused with this SMTP code (simulates a mail server outage). */
  refuseWith?: number;

  /** Listens on `listenOn` (any free port by default; a fixed one to bring a stopped server back). */
  async start(listenOn = 0): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // No reverse DNS per connection: it only slows the tests down.
      disableReverseLookup: true,
      onRcptTo: (_address, _session, callback) => {
        if (this.refuseWith) {
          const error = Object.assign(new Error('mailbox temporarily unavailable'), {
            responseCode: this.refuseWith,
          });
          return callback(error);
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    // A client killed mid-session (a SIGKILLed worker) resets its socket; that is the test, not a failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(listenOn, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
