#!/usr/bin/env node
// `npm run backup -- [--out DIR]` and `npm run restore -- --from DIR [--database-url URL] [--storage-dir DIR]`.
// The whole state of an installation is PostgreSQL plus the uploaded documents; Redis holds only a
// schedule cache that the worker rebuilds from PostgreSQL (docs/operations/backup.md).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadDotEnv } from './start/util.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/disclose';
const DUMP = 'database.dump';
const DOCUMENTS = 'documents.tar.gz';
const MANIFEST = 'manifest.json';
/** Tables whose row counts the manifest records, and restore checks. */
const COUNTED = ['agencies', 'users', 'requests', 'request_events', 'cases', 'outbox', 'milestones'];

class BackupError extends Error {}

function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force' || a === '--strict') out[a.slice(2)] = true;
    else if (a.startsWith('--')) out[a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = argv[++i];
    else out._.push(a);
  }
  return out;
}

function log(message) {
  process.stderr.write(`disclose ${command}: ${message}\n`);
}

function sha256(file) {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let n;
  while ((n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, n));
  fs.closeSync(fd);
  return hash.digest('hex');
}

function run(binary, argv, env = process.env) {
  const result = spawnSync(binary, argv, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw new BackupError(`${binary}: ${result.error.message}`);
  if (result.status !== 0)
    throw new BackupError(`${binary} failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout;
}

/** pg_dump/pg_restore of at least the server's major version (PG_DUMP / PG_RESTORE name other binaries). */
function tool(name, serverMajor) {
  const binary = process.env[name.toUpperCase().replace('-', '_')] ?? name;
  const version = run(binary, ['--version']);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(version.replace(/^[^\d]*/, ''))?.[1]);
  if (serverMajor && major < serverMajor) {
    throw new BackupError(
      `${binary} is version ${major}, the server is ${serverMajor}: install the PostgreSQL ${serverMajor} client tools or set ${name.toUpperCase().replace('-', '_')}`,
    );
  }
  return binary;
}

async function withDb(url, fn) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to ${redact(url)}: ${error.message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

async function facts(client) {
  const version = Number((await client.query(`SHOW server_version_num`)).rows[0].server_version_num);
  const tables = new Set(
    (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
      (r) => r.tablename,
    ),
  );
  const counts = {};
  for (const table of COUNTED) {
    if (tables.has(table))
      counts[table] = Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  }
  const migrations = tables.has('migrations')
    ? (await client.query(`SELECT name FROM migrations ORDER BY timestamp`)).rows.map((r) => r.name)
    : [];
  return { serverMajor: Math.floor(version / 10000), tables: tables.size, counts, migrations };
}

/** Storage keys of document rows whose file is absent or differs from its recorded SHA-256. */
async function missingDocuments(client, storageDir) {
  const { rows } = await client.query(
    `SELECT storage_key, sha256 FROM documents UNION ALL SELECT storage_key, sha256 FROM case_documents`,
  );
  return rows
    .filter(({ storage_key: key, sha256: expected }) => {
      const file = path.join(storageDir, key);
      return !file.startsWith(storageDir + path.sep) || !fs.existsSync(file) || sha256(file) !== expected;
    })
    .map((row) => row.storage_key);
}

async function backup(options, env) {
  const databaseUrl = options.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const storageDir = path.resolve(options.storageDir ?? env.STORAGE_DIR ?? './.data/documents');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(options.out ?? path.join('backups', `disclose-${stamp}`));
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0)
    throw new BackupError(`${out} exists and is not empty`);
  fs.mkdirSync(out, { recursive: true });

  const before = await withDb(databaseUrl, facts);
  if (before.migrations.length === 0) throw new BackupError(`${redact(databaseUrl)} has no Disclose schema`);
  const pgDump = tool('pg_dump', before.serverMajor);
  // 1. The database, from one snapshot (pg_dump runs in a single repeatable-read transaction).
  log(`dumping ${redact(databaseUrl)}`);
  run(pgDump, [
    '--format=custom',
    '--compress=6',
    '--no-owner',
    '--no-privileges',
    `--file=${path.join(out, DUMP)}`,
    `--dbname=${databaseUrl}`,
  ]);
  // 2. Then the documents: a file is written before its row commits, so every row in the dump has its
  //    file in the archive (a later upload may add an unreferenced file: harmless).
  const documents = fs.existsSync(storageDir);
  if (documents) {
    log(`archiving ${storageDir}`);
    run('tar', ['-czf', path.join(out, DOCUMENTS), '-C', storageDir, '.']);
  } else log(`no document directory at ${storageDir}; archiving none`);
  const manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: {
      file: DUMP,
      sha256: sha256(path.join(out, DUMP)),
      serverMajor: before.serverMajor,
      migrations: before.migrations,
      counts: before.counts,
    },
    documents: documents ? { file: DOCUMENTS, sha256: sha256(path.join(out, DOCUMENTS)) } : null,
    redis: 'not backed up by design: the worker rebuilds the schedule from PostgreSQL at start',
  };
  fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  log(
    `done: ${out} (${Object.entries(before.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
  );
  process.stdout.write(out + '\n');
}

async function restore(options, env) {
  if (!options.from) throw new BackupError('--from DIR is required');
  const from = path.resolve(options.from);
  const manifestFile = path.join(from, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${from} has no ${MANIFEST}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  for (const part of [manifest.database, manifest.documents].filter(Boolean)) {
    const file = path.join(from, part.file);
    if (!fs.existsSync(file) || sha256(file) !== part.sha256)
      throw new BackupError(`${part.file} is missing or damaged (checksum)`);
  }
  const databaseUrl = options.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const storageDir = path.resolve(options.storageDir ?? env.STORAGE_DIR ?? './.data/documents');

  // A fresh database only: created if missing, refused if it has tables (never restore over live data).
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  await withDb(admin.toString(), async (client) => {
    const exists = (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount > 0;
    if (!exists) {
      log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  });
  const current = await withDb(databaseUrl, facts);
  if (current.tables > 0)
    throw new BackupError(
      `database ${name} is not empty (${current.tables} tables): restore into a fresh one`,
    );
  if (fs.existsSync(storageDir) && fs.readdirSync(storageDir).length > 0 && !options.force) {
    throw new BackupError(`${storageDir} is not empty (--force to restore the documents over it)`);
  }
  const pgRestore = tool('pg_restore', manifest.database.serverMajor);
  log(`restoring into ${redact(databaseUrl)}`);
  run(pgRestore, [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    path.join(from, manifest.database.file),
  ]);
  if (manifest.documents) {
    fs.mkdirSync(storageDir, { recursive: true });
    log(`extracting documents into ${storageDir}`);
    run('tar', ['-xzf', path.join(from, manifest.documents.file), '-C', storageDir]);
  }
  const missing = await withDb(databaseUrl, (client) => missingDocuments(client, storageDir));
  if (missing.length > 0) {
    const message = `${missing.length} document rows have no intact file under ${storageDir} (first: ${missing.slice(0, 3).join(', ')})`;
    if (options.strict) throw new BackupError(message);
    log(`warning: ${message}`);
  }
  const after = await withDb(databaseUrl, facts);
  for (const [table, count] of Object.entries(manifest.database.counts)) {
    if (after.counts[table] !== count)
      throw new BackupError(`${table}: ${after.counts[table]} rows restored, ${count} backed up`);
  }
  log(
    `done: ${Object.entries(after.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  log(
    'next: `npm run disclose -- migrate` (a newer release), `npm run disclose -- audit verify`, then start the worker: it rebuilds the Redis schedule',
  );
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (fs.existsSync(path.join(root, '.env'))) loadDotEnv(fs.readFileSync(path.join(root, '.env'), 'utf8'));
  const options = args(rest);
  if (command === 'backup') await backup(options, process.env);
  else if (command === 'restore') await restore(options, process.env);
  else
    throw new BackupError(
      'usage: backup.mjs backup [--out DIR] | restore --from DIR [--database-url URL] [--storage-dir DIR] [--force] [--strict]',
    );
} catch (error) {
  process.stderr.write(
    `disclose ${command ?? ''}: ${error instanceof BackupError ? error.message : error.stack}\n`,
  );
  process.exit(1);
}
