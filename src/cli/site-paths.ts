import { join, resolve } from 'node:path';

/** The archive and output folders of `build` and `serve`: the output defaults to DIR/_site. */
export function sitePaths(values: { archive?: string | undefined; out?: string | undefined }): { archiveDir: string; outDir: string } {
  const archiveDir = resolve(values.archive ?? '.');
  return { archiveDir, outDir: values.out ? resolve(values.out) : join(archiveDir, '_site') };
}
