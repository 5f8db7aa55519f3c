import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Another live process has the embedded database open: a second writer would lose or corrupt data. */
export class DatabaseInUse extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dir} is open in process ${pid} (a running Floorsight server?). ` +
        'Stop that server first, or make the change through the running server (web app or /api/v1).',
    );
    this.name = 'DatabaseInUse';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the PGlite folder for this process. PGlite has no lock of its own, and two processes on one
 * folder each see only their own writes until one of them overwrites the other's. A lock left by a
 * process that died is taken over. Returns the release function.
 */
export function lockDatabaseDir(dir: string): () => void {
  // Beside the folder, not in it: PGlite's initdb wants an empty folder on first start.
  const file = `${path.resolve(dir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DatabaseInUse(dir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
