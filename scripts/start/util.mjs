// Small helpers of the `npm start` launcher: free ports, prefixed child processes, readiness probes.
import { spawn } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';

const COLORS = { api: 36, worker: 35, mail: 33, redis: 31, postgres: 34, migrate: 32, start: 1 };

/** Prints one line with the launcher's prefix. */
export function say(source, message) {
  const color = process.stdout.isTTY ? (COLORS[source] ?? 0) : 0;
  const tag = color ? `\x1b[${color}m[${source}]\x1b[0m` : `[${source}]`;
  process.stdout.write(`${tag} ${message}\n`);
}

/** A failure the launcher explains in one line and exits on. */
export class StartError extends Error {}

export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The preferred port when it is free, else one the OS picks. */
export async function freePort(preferred, host = '127.0.0.1') {
  if (preferred && (await portIsFree(preferred, host))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a child whose output lines carry a prefix; `onExit` hears about an unexpected end. */
export function spawnPrefixed(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => say(name, line));
  }
  return child;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it resolves truthy or the time is up. */
export async function waitFor(probe, timeoutMs, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return true;
    } catch {
      // not yet
    }
    await sleep(intervalMs);
  }
  return false;
}

/** Reads KEY=VALUE lines of a .env file into process.env without overriding what is already set. */
export function loadDotEnv(text) {
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || match[1] in process.env) continue;
    process.env[match[1]] = match[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
}
