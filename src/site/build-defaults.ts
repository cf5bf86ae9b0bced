/** The build's defaults where `_config.yml` says nothing (a module of its own: `build --help` shows them without loading the build). */
export const BUILD_DEFAULTS = {
  paginate: 50,
  /** Dates on pages. */
  displayTimeZone: 'Asia/Shanghai',
  /** Dates in URLs: Jekyll uses the build machine's zone, UTC where the legacy mirrors were built. */
  urlTimeZone: 'UTC',
  title: 'samizdat',
  cssFile: 'assets/style.css',
} as const;
