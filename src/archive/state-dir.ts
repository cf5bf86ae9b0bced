/** Where samizdat keeps its cache inside an archive (a module of its own: the CLI needs it before loading SQLite). */
export const STATE_DIR = '.samizdat';
