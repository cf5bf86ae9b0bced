/**
 * The only module that prints. Human lines go to stderr (so `--json` output on stdout
 * stays clean); colour only on a TTY and never with NO_COLOR.
 */
export type Level = 'quiet' | 'info' | 'verbose';

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  debug(line: string): void;
  /** A report line: shown unless quiet; a problem line is shown always, highlighted. */
  report(line: string, problem?: boolean): void;
  /** Replaces the current progress line on a TTY; ignored elsewhere. */
  progress(line: string): void;
  /** Machine output (stdout). */
  out(text: string): void;
}

export interface LoggerOptions {
  readonly level?: Level;
  readonly stream?: NodeJS.WriteStream;
  readonly stdout?: NodeJS.WriteStream;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const err = options.stream ?? process.stderr;
  const stdout = options.stdout ?? process.stdout;
  const tty = Boolean(err.isTTY) && !process.env.CI;
  const color = useColor(err);
  const paint = (code: string, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let progressShown = false;
  const write = (line: string): void => {
    if (progressShown) {
      err.write('\r\x1b[2K');
      progressShown = false;
    }
    err.write(`${line}\n`);
  };
  return {
    info: (line) => level !== 'quiet' && write(line),
    warn: (line) => write(paint('33', `warning: ${line}`)),
    error: (line) => write(paint('31', `error: ${line}`)),
    debug: (line) => level === 'verbose' && write(paint('2', line)),
    report: (line, problem = false) => {
      if (problem) write(paint('33', line));
      else if (level !== 'quiet') write(line);
    },
    progress: (line) => {
      if (!tty || level === 'quiet') return;
      err.write(`\r\x1b[2K${line.slice(0, (err.columns ?? 80) - 1)}`);
      progressShown = true;
    },
    out: (text) => {
      if (progressShown) {
        err.write('\r\x1b[2K');
        progressShown = false;
      }
      stdout.write(text);
    },
  };
}
