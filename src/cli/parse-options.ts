import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/index.js';

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message.split('\n')[0]} (samizdat ${command} --help)`);
  }
}

export function numberOption(command: string, name: string, value: string | undefined, { min, max }: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${command}: --${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}
