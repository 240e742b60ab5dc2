// Small helpers shared by the workspace scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs a command in the workspace root; throws with its output when it fails. */
export function run(command, args, { quiet = false, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((entry) => join(dir, entry))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path))
    .sort();
}

/** The files that differ between two folders (missing on either side, or with other content). */
export function compareTrees(expectedDir, actualDir) {
  const expected = listFiles(expectedDir);
  const actual = listFiles(actualDir);
  const all = [...new Set([...expected, ...actual])].sort();
  return all.filter((file) => {
    const a = join(expectedDir, file);
    const b = join(actualDir, file);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
}

function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    else for (const entry of readdirSync(path, { recursive: true })) newest = Math.max(newest, statSync(join(path, entry)).mtimeMs);
  }
  return newest;
}

const TARGETS = {
  libs: { output: 'libs/testing/dist/index.js', sources: ['libs/contract/src', 'libs/testing/src'], build: ['npx', ['tsc', '-b', 'libs/contract', 'libs/testing']] },
  api: { output: 'api/dist/main.js', sources: ['api/src', 'libs/contract/src', 'api/package.json', 'nest-cli.json'], build: ['npx', ['nest', 'build']] },
  web: { output: 'web/dist/browser/index.html', sources: ['web/src', 'web/public', 'libs/api-client/src', 'libs/contract/src', 'angular.json'], build: ['npx', ['ng', 'build', 'web']] },
};

/** Builds a part of the workspace when its output is missing or older than its sources. */
export function ensureBuilt(name) {
  const target = TARGETS[name];
  const output = join(root, target.output);
  const sources = target.sources.map((source) => join(root, source));
  if (existsSync(output) && statSync(output).mtimeMs >= newestMtime(sources)) return false;
  console.log(`Building ${name}...`);
  run(...target.build);
  // tsc -b leaves outputs untouched when only timestamps moved: mark the build as current.
  if (existsSync(output)) utimesSync(output, new Date(), new Date());
  return true;
}
