// `npm test`: every check and test tier, in order, then one summary line `N passed, N failed`.
// Checks (lint, typecheck, drift) count as one test each; jest tiers count their tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib/workspace.mjs';

const ESM_JEST = { NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning' };
const reports = mkdtempSync(join(tmpdir(), 'mtp-test-'));
const results = [];

function exec(command, args, env = {}) {
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: status === 0, seconds: (Date.now() - started) / 1000 };
}

function check(name, command, args) {
  console.log(`\n=== ${name}`);
  const { ok, seconds } = exec(command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

function jestTier(name, config, env = {}) {
  console.log(`\n=== ${name} tests`);
  const output = join(reports, `${name}.json`);
  const { ok, seconds } = exec('npx', ['jest', '-c', config, '--json', `--outputFile=${output}`], env);
  let passed = 0;
  let failed = ok ? 0 : 1;
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    passed = report.numPassedTests;
    // A suite that fails to run (setup error) has no failed test of its own: count it once.
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites + (ok || report.numFailedTests ? 0 : 1);
  } catch {
    // No report: the tier could not start at all; it counts as one failure.
  }
  results.push({ name: `${name} tests`, passed, failed, seconds });
}

const libsBuilt = check('build shared libs', 'npx', ['tsc', '-b', 'libs/contract', 'libs/testing']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('drift: OpenAPI spec and generated client', 'node', ['scripts/api-spec.mjs', '--check']);
check('drift: landed migrations unchanged', 'node', ['scripts/check-migrations.mjs']);
if (libsBuilt) jestTier('api', 'api/jest.config.mjs', ESM_JEST);
jestTier('web', 'web/jest.config.cjs');
if (check('build app for the browser tier', 'npm', ['run', '--silent', 'build'])) jestTier('e2e', 'e2e/jest.config.mjs', ESM_JEST);
rmSync(reports, { recursive: true, force: true });

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log('\n=== summary');
for (const result of results) {
  const mark = result.failed ? 'FAIL' : 'ok  ';
  console.log(`${mark} ${result.name.padEnd(44)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed ${result.seconds.toFixed(1).padStart(7)} s`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
