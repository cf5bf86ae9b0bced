import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { SamizdatError } from '../../model/index.js';
import { writeFileAtomic } from '../atomic-write.js';

/**
 * One writer per archive. The lock is an exclusive SQLite transaction held open on
 * `.samizdat/lock.db`: SQLite takes an OS-level file lock, which the kernel releases when
 * the process ends in any way (kill -9 included), so a crashed run never leaves a lock
 * someone must remove by hand. `lock.json` beside it only says who holds it, for messages.
 */
export class ArchiveLock {
  private constructor(private readonly db: Database.Database, private readonly infoFile: string) {}

  static async acquire(file: string, options: { waitMs?: number; command?: string } = {}): Promise<ArchiveLock> {
    mkdirSync(dirname(file), { recursive: true });
    const infoFile = file.replace(/\.db$/, '.json');
    const db = new Database(file, { timeout: options.waitMs ?? 0 });
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      db.close();
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      throw new SamizdatError('archive', 'locked', `archive: ${dirname(dirname(file))} is busy: ${holder(infoFile)}; try again later or pass --wait SECONDS`);
    }
    writeFileAtomic(
      infoFile,
      `${JSON.stringify({ pid: process.pid, host: hostname(), command: options.command ?? '', since: new Date().toISOString() })}\n`,
    );
    return new ArchiveLock(db, infoFile);
  }

  release(): void {
    if (!this.db.open) return;
    rmSync(this.infoFile, { force: true });
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}

function holder(infoFile: string): string {
  try {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { pid?: number; host?: string; command?: string; since?: string };
    return `another samizdat${info.command ? ` ${info.command}` : ''} (pid ${info.pid} on ${info.host}, since ${info.since}) holds its lock`;
  } catch {
    return 'another samizdat process holds its lock';
  }
}
