// CPU time spent by given processes (Linux /proc), to tell what a request costs apart from how long
// it waited: on a shared machine latency grows with everyone's load, CPU time per request much less.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

let tickMs;
function millisecondsPerTick() {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** utime + stime of each pid that still runs, in ms. */
function cpuTimes(pids) {
  const times = new Map();
  for (const pid of pids) {
    try {
      // The command name may hold spaces and parentheses: the fields that follow it start after the last ')'.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
      times.set(pid, (Number(fields[11]) + Number(fields[12])) * millisecondsPerTick());
    } catch {
      // The process has ended: it counts for neither end of the interval.
    }
  }
  return times;
}

export const canMeasureCpu = () => existsSync('/proc/self/stat');

/** The PostgreSQL backends serving `applicationName` on the current database. */
export async function backendPids(client, applicationName) {
  const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [applicationName]);
  return rows.map((row) => row.pid);
}

/**
 * Starts counting the CPU time of each group of pids (`{ name: pids }`); the function it answers
 * stops and answers `{ name: ms }` over the interval.
 */
export function startCpuCount(groups) {
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, cpuTimes(pids)]));
  return () =>
    Object.fromEntries(Object.entries(groups).map(([name, pids]) => {
      const after = cpuTimes(pids);
      let ms = 0;
      for (const [pid, end] of after) if (before[name].has(pid)) ms += end - before[name].get(pid);
      return [name, ms];
    }));
}
