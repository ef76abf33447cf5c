// Builds the apps when a source file is newer than the last build (used by npm start and npm run disclose).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Returns false when a needed build failed. */
export function buildIfNeeded(root, log = (m) => process.stderr.write(m + '\n')) {
  const stamp = path.join(root, 'dist/.build-stamp');
  const built =
    fs.existsSync(stamp) && fs.existsSync(path.join(root, 'dist/apps/api/src/main.js'))
      ? fs.statSync(stamp).mtimeMs
      : 0;
  const sources = Math.max(newestSource(path.join(root, 'apps')), newestSource(path.join(root, 'libs')));
  if (built >= sources) return true;
  log('building (sources changed since the last build)...');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: root },
  );
  if (result.status !== 0) return false;
  fs.writeFileSync(stamp, new Date().toISOString());
  return true;
}
