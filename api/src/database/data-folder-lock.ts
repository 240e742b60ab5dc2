import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderInUseError extends Error {}

const LOCK_FILE = 'portal.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data folder for this process, as PostgreSQL claims its own: a file holding our pid.
 * A file left by a process that is gone (killed, crashed) is taken over at once.
 */
export function lockDataFolder(root: string): () => void {
  const file = join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DataFolderInUseError(`The data folder ${root} is in use by another running portal (pid ${holder}); stop it, or set DATA_DIR to another folder`);
      }
      unlinkSync(file);
    }
  }
  throw new DataFolderInUseError(`The data folder ${root} is being claimed by another portal starting at the same time`);
}
