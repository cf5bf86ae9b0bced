// Bundles the compiled re-export modules of dist/vendor/ (see src/vendor/README.md) in place:
// each becomes one file importing the chunks it shares with the others, instead of a package's
// tree of files. Run by `npm run build` after tsc.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dir = fileURLToPath(new URL('../dist/vendor/', import.meta.url));
// One bundle per module of src/vendor/ (not every .js here: the chunks of the last bundling are too).
const names = readdirSync(fileURLToPath(new URL('../src/vendor/', import.meta.url))).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -'.ts'.length));
const input = Object.fromEntries(names.map((name) => [name, join(dir, `${name}.js`)]));
const out = join(dir, '.bundled');
rmSync(out, { recursive: true, force: true });
await build({
  input,
  platform: 'node',
  logLevel: 'warn',
  output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js', sourcemap: false },
});
// Replace the re-export modules (and their source maps, which no longer match) by the bundles.
for (const f of readdirSync(dir)) if (f.endsWith('.js') || f.endsWith('.js.map')) rmSync(join(dir, f));
for (const f of readdirSync(out)) renameSync(join(out, f), join(dir, f));
rmSync(out, { recursive: true, force: true });
