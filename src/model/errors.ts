/**
 * An expected failure with a stage and a stable code. Its message is one line that
 * names the thing that failed (feed URL, file) and what was wrong; the CLI prints it
 * without a stack trace.
 */
export class SamizdatError extends Error {
  constructor(
    readonly stage: string,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SamizdatError';
  }
}

/** Usage or configuration error: exit code 2. */
export class UsageError extends SamizdatError {
  constructor(message: string, code = 'usage') {
    super('config', code, message);
    this.name = 'UsageError';
  }
}
