/**
 * The index is a cache of the archive (the post files are the truth) plus feed state.
 * Bump SCHEMA_VERSION on any change: an index with another version is rebuilt.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS posts (
  path TEXT PRIMARY KEY,          -- relative to the archive, with forward slashes
  link TEXT NOT NULL,
  guid TEXT,
  site TEXT NOT NULL,
  title TEXT NOT NULL,
  date INTEGER NOT NULL,
  hash TEXT NOT NULL,             -- sha1 of the file bytes
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS posts_site_date ON posts(site, date);
-- Every key an article is known by (normalised link, site+GUID, content hash);
-- path is '' for keys that came from a legacy allurls.dat.
CREATE TABLE IF NOT EXISTS keys (key TEXT PRIMARY KEY, path TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_path ON keys(path);
CREATE TABLE IF NOT EXISTS feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  last_status TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_fetch_at INTEGER NOT NULL DEFAULT 0,
  moved_to TEXT,
  dead INTEGER NOT NULL DEFAULT 0,
  last_fetch_at INTEGER,
  last_new_item_at INTEGER
);
`;
