import { SamizdatError, UsageError } from '../model/index.js';
import { createLogger } from '../log/logger.js';
import { VERSION } from '../version.js';

/** One line per command; the command's own file holds its options and help. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  init: { summary: 'create a new mirror: subs.json, _config.yml, .gitignore, an hourly GitHub Actions workflow', load: () => import('./init-command.js') },
  fetch: { summary: 'fetch every feed in subs.json and archive new articles as posts', load: () => import('./fetch-command.js') },
  build: { summary: 'build the static site from the archived posts', load: () => import('./build-command.js') },
  serve: { summary: 'build the site, serve it on 127.0.0.1 and rebuild when posts or _config.yml change', load: () => import('./serve-command.js') },
  import: { summary: 'take over a legacy mirror (posts, allurls.dat, subs.json, _config.yml), or add the feeds of an OPML file', load: () => import('./import-command.js') },
  doctor: { summary: 'check every post (YAML, dates, Liquid, file names, duplicates, unsafe HTML); --fix --write repairs', load: () => import('./doctor-command.js') },
  subs: { summary: 'list the feeds with their health (ls), add a feed, page or YouTube URL (add), remove one (rm)', load: () => import('./subs-command.js') },
  run: { summary: 'fetch then build: one summary line, one exit code; --every 1h keeps running', load: () => import('./run-command.js') },
  publish: { summary: 'commit what changed in the archive and push it (rebasing, never forcing); deploy the site', load: () => import('./publish-command.js') },
  demo: { summary: 'an offline tour: fetch bundled feeds from a local server, build and serve the site', load: () => import('./demo-command.js') },
};

export const USAGE = `samizdat ${VERSION} — keeps news readable where it is censored

Usage: samizdat <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n')}

Run 'samizdat <command> --help' for a command's options.
Exit codes: 0 ok, 1 some feeds failed (the rest was archived), 2 usage or configuration error.`;

/** Routes to one command; the only place that turns errors into exit codes. */
export async function main(argv: string[]): Promise<number> {
  const log = createLogger();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    log.out(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    log.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    log.error(`unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')} (samizdat --help)`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      log.error(err.message);
      return 2;
    }
    if (err instanceof SamizdatError) {
      log.error(err.message);
      return 1;
    }
    throw err;
  }
}
