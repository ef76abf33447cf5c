import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * `npm start` on a machine with nothing running: inside a fresh network namespace (its own empty loopback,
 * so the machine's PostgreSQL and Redis are out of reach) the launcher must start an embedded PostgreSQL,
 * a redis-server and the development mailbox, answer /health with 200, and leave nothing behind on Ctrl-C.
 */
describe('npm start with nothing configured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves /health 200 from embedded PostgreSQL, spawned Redis and the mailbox, then stops cleanly', () => {
    execFileSync('chmod', ['0755', dir]);
    const script = join(dir, 'run.sh');
    writeFileSync(
      script,
      `#!/bin/sh
ip link set lo up
cd ${JSON.stringify(ROOT)}
DATA_DIR=${JSON.stringify(join(dir, 'data'))} setsid node scripts/start.mjs > ${JSON.stringify(join(dir, 'start.log'))} 2>&1 &
LAUNCHER=$!
STATUS=none
for i in $(seq 1 120); do
  STATUS=$(curl -s -o ${JSON.stringify(join(dir, 'health.json'))} -w "%{http_code}" http://127.0.0.1:3000/health)
  [ "$STATUS" = "200" ] && break
  sleep 1
done
echo "health=$STATUS"
cat ${JSON.stringify(join(dir, 'health.json'))}; echo
kill -INT -$LAUNCHER
for i in $(seq 1 30); do kill -0 $LAUNCHER 2>/dev/null || break; sleep 1; done
sleep 1
echo "leftover=$(pgrep -f ${JSON.stringify(join(dir, 'data'))} | wc -l)"
`,
    );
    chmodSync(script, 0o755);
    const result = spawnSync('unshare', ['-n', script], { encoding: 'utf8', timeout: 200_000 });
    const log = spawnSync('cat', [join(dir, 'start.log')], { encoding: 'utf8' }).stdout;
    const output = `${result.stdout}\n${result.stderr}\n--- start.log ---\n${log}`;
    expect({ health: /health=(\d+)/.exec(result.stdout)?.[1], output }).toMatchObject({ health: '200' });
    expect(log).toContain('embedded PostgreSQL');
    expect(log).toContain('started redis-server');
    expect(log).toContain('development mailbox');
    expect(result.stdout).toContain('"database":{');
    expect(/leftover=(\d+)/.exec(result.stdout)?.[1]).toBe('0');
  }, 240_000);
});
