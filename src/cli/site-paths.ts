import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../model/index.js';

/**
 * The archive and output folders of `build` and `serve`: the output defaults to DIR/_site. An
 * archive that is not a folder is a usage error (a mistyped --archive would otherwise build an
 * empty site beside it).
 */
export function sitePaths(command: string, values: { archive?: string | undefined; out?: string | undefined }): { archiveDir: string; outDir: string } {
  const archiveDir = resolve(values.archive ?? '.');
  if (!statSync(archiveDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`${command}: ${archiveDir} is not a folder (samizdat init DIR creates a mirror)`);
  }
  return { archiveDir, outDir: values.out ? resolve(values.out) : join(archiveDir, '_site') };
}
