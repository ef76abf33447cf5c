import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { APPLICANT_TYPES, OUTCOME_CODES } from '@disclose/domain';
import { TEST_ADMIN_DATABASE_URL, assertTestDatabase, currentTestRun } from '@disclose/testing';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/apps/cli/src/main.js');
const SCRIPT = path.join(ROOT, 'scripts/backup.mjs');

/** Runs a node entry point with an environment; returns exit code and output. */
function node(
  args: string[],
  env: Record<string, string>,
): { code: number | null; output: string; stdout: string } {
  const result = spawnSync(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

/** Runs it and answers its stdout; throws with the whole output on a non-zero exit. */
function ok(args: string[], env: Record<string, string>): string {
  const { code, output, stdout } = node(args, env);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}:\n${output}`);
  return stdout;
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/**
 * Backup and restore of the whole state: an agency filled with a year of requests (every outcome,
 * every applicant type) and legal cases, plus uploaded documents, is backed up with `npm run backup`
 * (pg_dump -Fc + a tar of STORAGE_DIR), restored with `npm run restore` into a fresh database and
 * document directory, and gives the same annual report, byte for byte, and an intact audit chain.
 */
describe('backup and restore (scripts/backup.mjs, built cli)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'disclose-backup-test-'));
  const code = `BAK${randomBytes(3).toString('hex').toUpperCase()}`;
  const sourceUrl = currentTestRun().databaseUrl;
  const restoredName = `disclose_test_restore_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const restoredUrl = (() => {
    const url = new URL(TEST_ADMIN_DATABASE_URL);
    url.pathname = `/${restoredName}`;
    return url.toString();
  })();
  const storage = path.join(work, 'documents');
  const restoredStorage = path.join(work, 'restored-documents');
  const backupDir = path.join(work, 'backup');
  const sourceEnv = { DATABASE_URL: sourceUrl, STORAGE_DIR: storage };
  let admin: Client;

  beforeAll(async () => {
    assertTestDatabase(restoredUrl);
    admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const db = new Client({ connectionString: sourceUrl });
    await db.connect();
    await db.query(
      `INSERT INTO agencies (code, name_zh, rule_set, timezone) VALUES ($1, '备份测试局', 'cn-ogi-2019', 'Asia/Shanghai')`,
      [code],
    );
    await db.end();

    // A year of requests: every outcome and applicant type, some still open, with cases on some.
    const requests = ['tracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on'];
    const cases = ['request_tracking_number,kind,filed_on,outcome,closed_on'];
    const channels = ['online', 'mail', 'in_person', 'fax', 'email'];
    for (let i = 1; i <= 400; i++) {
      const month = String(1 + (i % 11)).padStart(2, '0');
      const day = String(1 + (i % 27)).padStart(2, '0');
      const open = i % 9 === 0;
      const outcome = OUTCOME_CODES[i % OUTCOME_CODES.length].code;
      const type = APPLICANT_TYPES[i % APPLICANT_TYPES.length].code;
      requests.push(
        `${code}-${i},${code},${type},${channels[i % channels.length]},2025-${month}-${day},${open ? '' : outcome},${open ? '' : `2025-${month}-28`}`,
      );
      if (!open && i % 10 === 1)
        cases.push(
          `${code}-${i},reconsideration,2025-12-${day},${['upheld', 'corrected', 'other', ''][i % 4]},${i % 4 === 3 ? '' : '2025-12-30'}`,
        );
      if (!open && i % 25 === 2) cases.push(`${code}-${i},litigation_direct,2025-12-${day},,`);
    }
    fs.writeFileSync(path.join(work, 'requests.csv'), requests.join('\n') + '\n');
    fs.writeFileSync(path.join(work, 'cases.csv'), cases.join('\n') + '\n');
    ok([CLI, 'import', 'requests', path.join(work, 'requests.csv')], sourceEnv);
    ok([CLI, 'import', 'cases', path.join(work, 'cases.csv')], sourceEnv);

    // Uploaded documents, as the disk storage driver keeps them (nested directories, binary content).
    for (let i = 0; i < 5; i++) {
      const dir = path.join(storage, randomBytes(1).toString('hex'), randomBytes(8).toString('hex'));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `答复书-${i}.pdf`), randomBytes(randomInt(1, 200_000)));
    }
  }, 300_000);

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    await admin?.end();
    fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  const report = (databaseUrl: string) =>
    ok([CLI, 'report', 'annual', '--agency', code, '--year', '2025', '--format', 'json'], {
      DATABASE_URL: databaseUrl,
    });

  it('restores into a fresh database the same annual report, documents and audit chains', async () => {
    const before = report(sourceUrl);
    const parsed = JSON.parse(before);
    expect(JSON.stringify(parsed)).toContain('"total"'); // a real report, not an empty answer

    const out = ok([SCRIPT, 'backup', '--out', backupDir], sourceEnv);
    expect(out.trim().split('\n').pop()).toBe(backupDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.database.counts.requests).toBeGreaterThanOrEqual(400);
    expect(manifest.documents.file).toBe('documents.tar.gz');

    ok(
      [
        SCRIPT,
        'restore',
        '--from',
        backupDir,
        '--database-url',
        restoredUrl,
        '--storage-dir',
        restoredStorage,
      ],
      {},
    );
    expect(report(restoredUrl)).toBe(before);
    expect(filesOf(restoredStorage)).toEqual(filesOf(storage));
    const audit = node([CLI, 'audit', 'verify', '--agency', code], { DATABASE_URL: restoredUrl });
    expect(audit.code).toBe(0);
  }, 300_000);

  it('refuses to restore over a database that has data, and a damaged backup', async () => {
    const again = node(
      [
        SCRIPT,
        'restore',
        '--from',
        backupDir,
        '--database-url',
        restoredUrl,
        '--storage-dir',
        path.join(work, 'x'),
      ],
      {},
    );
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/is not empty .*restore into a fresh one/);

    const damaged = path.join(work, 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const dump = path.join(damaged, 'database.dump');
    const bytes = fs.readFileSync(dump);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(dump, bytes);
    const other = `${restoredName}_b`;
    const url = new URL(restoredUrl);
    url.pathname = `/${other}`;
    const refused = node(
      [
        SCRIPT,
        'restore',
        '--from',
        damaged,
        '--database-url',
        url.toString(),
        '--storage-dir',
        path.join(work, 'y'),
      ],
      {},
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('database.dump is missing or damaged');
    expect((await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [other])).rowCount).toBe(0);
  }, 120_000);
});
