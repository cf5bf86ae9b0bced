#!/usr/bin/env node
// Thin shim: the CLI lives in dist/ (compiled by `npm install` via the prepare script).
let settled = false;
process.on('exit', (code) => {
  // The event loop ran dry while a command was still waiting: a bug, never a silent success.
  // (A deliberate process.exit(n) with n ≠ 0, e.g. on a second Ctrl-C, is left alone.)
  if (!settled && code === 0) {
    console.error('samizdat: internal error: stopped before the command finished');
    process.exitCode = 70;
  }
});
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { settled = true; process.exitCode = code; },
  (err) => { settled = true; console.error(`samizdat: ${err?.stack ?? err}`); process.exitCode = 70; },
);
