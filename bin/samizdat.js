#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (compiled by `npm install` via the prepare script).
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`samizdat: ${err?.message ?? err}`); process.exitCode = 2; },
);
