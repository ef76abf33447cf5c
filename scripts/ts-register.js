// Runs TypeScript files directly with Node (benchmarks, one-off scripts): compiles .ts on the fly with
// @swc/core (decorators + metadata, CommonJS) and resolves the `@disclose/<lib>` alias to libs/<lib>/src.
// Usage: node --require ./scripts/ts-register.js bench/deadlines.bench.ts
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const ALIAS = /^@disclose\/([^/]+)(\/.*)?$/;

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  const m = ALIAS.exec(request);
  if (m) request = path.join(root, 'libs', m[1], 'src', m[2] ?? '');
  return originalResolve.call(this, request, parent, isMain, options);
};

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
