import { readdirSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { AppProcess, freePort, testProcessEnv, waitForHttp } from '@disclose/testing';

/** Pids of the live children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      // fields[0] is the state (Z: exited, not yet reaped), fields[1] the parent pid.
      if (fields[1] === String(pid) && fields[0] !== 'Z') children.push(Number(entry));
    } catch {
      /* ended while read */
    }
  }
  return children.sort();
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** API_PROCESSES: the api as a Node cluster — several processes on one port, replaced when one dies. */
describe('api with API_PROCESSES=2', () => {
  let api: AppProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = new AppProcess('api', testProcessEnv({ PORT: String(port), API_PROCESSES: '2' })).start();
    await waitForHttp(`${base}/api/docs-json`, 200, 60_000);
  }, 90_000);

  afterAll(() => api?.stop());

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    // Both have listened (only a process that has served is replaced; one dying before is a failed start).
    await until('both api processes listening', () =>
      api.output.includes('api: 2 processes listening') ? true : undefined,
    );
    const first = childrenOf(api.pid!);
    expect(first).toHaveLength(2);
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/docs-json`)).status).toBe(200);

    // A process that has served and dies is replaced, and the port keeps answering.
    process.kill(first[0], 'SIGKILL');
    const second = await until('a replacement process', () => {
      const pids = childrenOf(api.pid!);
      return pids.length === 2 && !pids.includes(first[0]) ? pids : undefined;
    });
    expect(second).toContain(first[1]);
    await waitForHttp(`${base}/api/docs-json`, 200, 60_000);
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/docs-json`)).status).toBe(200);

    const primary = api.pid!;
    await api.stop();
    await until('no api process left', () =>
      second.every((pid) => !childrenOf(primary).includes(pid) && !alive(pid)) ? true : undefined,
    );
  }, 120_000);
});

describe('api with API_PROCESSES=2 on a port already taken', () => {
  let blocker: Server;

  afterAll(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('exits 1 with a message instead of forking forever', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    const api = new AppProcess('api', testProcessEnv({ PORT: String(port), API_PROCESSES: '2' })).start();
    const code = await Promise.race([
      api.wait(),
      new Promise<string>((r) => setTimeout(() => r('still running'), 60_000)),
    ]);
    if (code === 'still running') await api.stop();
    expect(code).toBe(1);
    expect(api.output).toMatch(/api failed to start/);
  }, 90_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
