import { mkdirSync } from 'node:fs';
import { createLogger } from '../log/logger.js';
import { UsageError } from '../model/index.js';
import { createRebuilder } from '../serve/rebuilder.js';
import { startStaticServer } from '../serve/static-server.js';
import { watchArchive } from '../serve/watch-archive.js';
import { buildSite, type BuildReport } from '../site/build-site.js';
import { loadBuildConfig } from './build-setup.js';
import { sitePaths } from './site-paths.js';
import { numberOption, parseOptions } from './parse-options.js';
import { watchStopSignals } from './run-schedule.js';

export const DEFAULT_PORT = 4000;

export const HELP = `Usage: samizdat serve [options]

Builds the site (as 'samizdat build' does), serves it on http://127.0.0.1:PORT/ and builds
again whenever a post in _posts/ or archived/, _config.yml or about.md changes (only the pages
that change are rewritten). Responses carry a strict Content-Security-Policy, so what the
preview shows is what a host with the same headers shows. For this machine only: it listens
on 127.0.0.1.

Options:
  --archive DIR        the mirror (default: the current directory)
  --out DIR            where the site goes (default: DIR/_site)
  --port N             the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --quiet              only warnings and errors (the address is still printed, on stdout)
  -h, --help           this help

Stops on Ctrl-C (SIGINT) or SIGTERM. Exit codes: 0 stopped, 1 the port is taken or the
first build failed, 2 usage or config error.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('serve', argv, {
    archive: { type: 'string' }, out: { type: 'string' }, port: { type: 'string' },
    quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet ? 'quiet' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const port = numberOption('serve', 'port', values.port, { min: 0, max: 65535 }) ?? DEFAULT_PORT;
  if (!Number.isInteger(port)) throw new UsageError(`serve: --port must be a whole number, got ${JSON.stringify(values.port)}`);
  const { archiveDir, outDir } = sitePaths('serve', values);

  let reported = new Set<string>();
  const build = async (): Promise<BuildReport> => {
    const report = await buildSite({ archiveDir, outDir, config: loadBuildConfig(archiveDir) });
    // Each skipped post is reported once, not again on every rebuild.
    for (const s of report.skipped) if (!reported.has(s)) log.warn(`skipped ${s}`);
    reported = new Set(report.skipped);
    return report;
  };
  // The port first: a port in use is reported at once, not after a long build.
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer({ root: outDir, port });
  const rebuilder = createRebuilder(async () => {
    const r = await build();
    log.info(`rebuilt: ${r.posts} posts, ${summary(r)}`);
  }, (err) => log.error(`rebuild failed, still serving the last build: ${(err as Error).message.split('\n')[0]}`));
  // Watching from before the first build: a post written while it runs is built right after.
  let ready = false;
  let changedMeanwhile = false;
  const watcher = watchArchive(archiveDir, () => (ready ? rebuilder.request() : (changedMeanwhile = true)));
  let first: BuildReport;
  try {
    first = await build();
  } catch (err) {
    watcher.close();
    await server.close();
    throw err;
  }
  ready = true;
  if (changedMeanwhile) rebuilder.request();
  log.info(`built ${first.posts} posts into ${outDir}: ${summary(first)}`);
  // The address is what the operator came for: on stdout, even with --quiet.
  log.out(`serving ${server.url} (rebuilds when posts, _config.yml or about.md change; Ctrl-C stops)\n`);

  await new Promise<void>((resolve) => {
    const stop = watchStopSignals(
      (signal) => {
        log.info(`${signal}: stopping`);
        stop.dispose();
        resolve();
      },
      () => undefined,
    );
  });
  watcher.close();
  await server.close();
  await rebuilder.idle();
  return 0;
}

function summary(r: BuildReport): string {
  return `${r.written} files written, ${r.unchanged} unchanged, ${r.removed} removed, ${r.skipped.length} posts skipped, ${(r.ms / 1000).toFixed(1)} s`;
}
