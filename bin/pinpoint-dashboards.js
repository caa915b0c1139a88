#!/usr/bin/env node
'use strict';
// The CLI's executable for package.json "bin". `npm run build` compiles cli/ to target/server-build/cli (not
// shipped in the plugin zip); a checkout that was never built runs the TypeScript sources through tsx.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'target', 'server-build', 'cli', 'index.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs/api').register();
  cli = require(path.join(__dirname, '..', 'cli', 'index.ts'));
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
