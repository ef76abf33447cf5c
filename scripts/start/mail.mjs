// Email for `npm start`: SMTP_URL if set (it must answer), else a development mailbox (maildev) whose
// web page shows every email the system sends.
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { StartError, freePort, say, spawnPrefixed, waitFor } from './util.mjs';

function tcpAnswers(host, port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function resolveMail(env) {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
    if (!(await tcpAnswers(url.hostname, port)))
      throw new StartError(`SMTP_URL does not answer on ${url.hostname}:${port}`);
    return { url: env.SMTP_URL, webUrl: undefined, stop: async () => undefined };
  }
  const smtpPort = await freePort(1025);
  const webPort = await freePort(1080);
  const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve('maildev'))), 'bin/maildev.js');
  const child = spawnPrefixed('mail', process.execPath, [
    bin,
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
    '--smtp',
    String(smtpPort),
    '--web',
    String(webPort),
    '--silent',
  ]);
  if (!(await waitFor(() => tcpAnswers('127.0.0.1', smtpPort, 500), 15_000))) {
    child.kill('SIGTERM');
    throw new StartError('the development mailbox (maildev) did not start');
  }
  const webUrl = `http://127.0.0.1:${webPort}`;
  say('mail', `development mailbox: every email is readable at ${webUrl}`);
  return { url: `smtp://127.0.0.1:${smtpPort}`, webUrl, child, stop: async () => child.kill('SIGTERM') };
}
