import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock.js';

describe('lockDataFolder', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'mtp-lock-'));

  it('claims a free folder with our pid and releases it', () => {
    const dir = folder();
    const release = lockDataFolder(dir);
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'portal.pid'))).toBe(false);
  });

  it('refuses a folder held by a running process, naming it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'portal.pid'), String(process.ppid));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(dir)).toThrow(`in use by another running portal (pid ${process.ppid})`);
  });

  it('takes over a folder left by a process that is gone', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'portal.pid'), gone);
    const release = lockDataFolder(dir);
    expect(readFileSync(join(dir, 'portal.pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
