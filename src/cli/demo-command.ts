import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDemoFeeds, startDemoFeedServer } from '../demo/demo-feeds.js';
import { prepareDemoMirror } from '../demo/prepare-demo-mirror.js';
import { createLogger } from '../log/logger.js';
import { SamizdatError } from '../model/index.js';
import { startStaticServer, type StaticServer } from '../serve/static-server.js';
import { loadCycleSetup } from './cycle-setup.js';
import { numberOption, parseOptions } from './parse-options.js';
import { formatCycle, runCycle, type CycleResult } from './run-cycle.js';

const DEFAULT_PORT = 4000;

export const HELP = `Usage: samizdat demo [options]

An offline tour, no network needed: serves the bundled demo feeds (examples/demo/: RSS, Atom,
JSON Feed and a YouTube channel feed, texts written for the demo) from a server on 127.0.0.1,
fetches them into a new mirror in a temporary folder, builds its site, then serves the site on
127.0.0.1 and prints its URL on stdout. Ctrl-C stops the server and deletes the temporary
folder (a folder given with --out is kept).

Options:
  --port N             port of the site server (default ${DEFAULT_PORT}, or any free port when it is taken;
                       0: any free port)
  --no-serve           build only: print the site folder on stdout and exit (the folder is kept)
  --out DIR            make the demo mirror in DIR (new or empty) instead of a temporary folder
  --quiet              only warnings and errors
  -h, --help           this help

Exit codes: 0 ok, 1 a demo feed could not be archived, 2 usage error (bad port, --out not empty).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('demo', argv, {
    port: { type: 'string' }, 'no-serve': { type: 'boolean' }, out: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet ? 'quiet' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const port = numberOption('demo', 'port', values.port, { min: 0, max: 65535 });
  const serve = !values['no-serve'];
  const dir = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'samizdat-demo-'));
  const removeTemp = (): void => {
    if (!values.out) rmSync(dir, { recursive: true, force: true });
  };

  let result: CycleResult;
  const started = Date.now();
  try {
    result = await fetchAndBuild(dir, log);
  } catch (err) {
    removeTemp();
    throw err;
  }
  log.info(`demo: ${formatCycle(result, Date.now() - started)}`);
  const siteDir = join(dir, '_site');
  if (!serve) {
    log.out(`${siteDir}\n`);
    return result.code;
  }

  let site: StaticServer;
  try {
    site = await startStaticServer({ root: siteDir, host: '127.0.0.1', port: port ?? DEFAULT_PORT });
  } catch (err) {
    // The default port is a convenience: when it is taken, any free one will do.
    if (!(port === undefined && err instanceof SamizdatError && err.code === 'port-in-use')) {
      removeTemp();
      throw err;
    }
    site = await startStaticServer({ root: siteDir, host: '127.0.0.1', port: 0 });
  }
  log.out(`${site.url}\n`);
  log.info(`serving the demo site from ${siteDir} at ${site.url} — open it in a browser; Ctrl-C to stop`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    const stop = (s: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await site.close();
  removeTemp();
  log.info(`demo: ${signal}: stopped${values.out ? `; the demo mirror stays in ${dir}` : ''}`);
  return 0;
}

/** The demo feeds served locally, fetched into `dir`, the site built: the same cycle as `samizdat run`. */
async function fetchAndBuild(dir: string, log: ReturnType<typeof createLogger>): Promise<CycleResult> {
  const feeds = await startDemoFeedServer(loadDemoFeeds());
  try {
    await prepareDemoMirror(dir, feeds.subs);
    const setup = loadCycleSetup(dir, join(dir, 'subs.json'));
    return await runCycle({ archiveDir: dir, outDir: join(dir, '_site'), setup }, log);
  } finally {
    await feeds.close();
  }
}
