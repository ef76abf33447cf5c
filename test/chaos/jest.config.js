// `npm run chaos`: the fault suite (test/chaos/*.chaos-spec.ts). It runs on private PostgreSQL and Redis
// servers that it restarts and flushes, so it needs no global setup (no database on the shared server)
// and stays out of `npm test`; CI runs it after `npm test` (.ci/run).
const root = require('../../jest.config.js');
const e2e = root.projects.find((p) => p.displayName === 'e2e');
const { globalSetup: _setup, globalTeardown: _teardown, ...project } = e2e;
module.exports = {
  ...project,
  displayName: 'chaos',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'],
};
