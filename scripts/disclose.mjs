#!/usr/bin/env node
// `npm run disclose -- ...`: the admin CLI, built first when the sources changed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './start/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!buildIfNeeded(root)) process.exit(1);
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', path.join(root, 'dist/apps/cli/src/main.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
