// `npm run api:spec`: regenerates api/openapi.json from the API's controllers, and the portal's typed
// client (libs/api-client/src) from it. With --check it changes nothing and fails when either committed
// file differs from what the code generates (CI's drift check).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareTrees, root, run } from './lib/workspace.mjs';

const check = process.argv.includes('--check');
const specPath = join(root, 'api/openapi.json');
const clientDir = join(root, 'libs/api-client');

run('npx', ['nest', 'build'], { quiet: true });
const spec = execFileSync('node', [join(root, 'api/dist/cli/openapi.js')], { cwd: root, encoding: 'utf8' });

const work = mkdtempSync(join(tmpdir(), 'mtp-api-spec-'));
try {
  cpSync(join(clientDir, 'ng-openapi-gen.json'), join(work, 'ng-openapi-gen.json'));
  writeFileSync(join(work, 'openapi.json'), spec);
  run('npx', ['ng-openapi-gen', '--config', join(work, 'ng-openapi-gen.json'), '--input', join(work, 'openapi.json'), '--output', join(work, 'src')], { quiet: true });
  if (check) {
    const drift = [
      ...(readFileSync(specPath, 'utf8') === spec ? [] : ['api/openapi.json']),
      ...compareTrees(join(work, 'src'), join(clientDir, 'src')).map((file) => `libs/api-client/src/${file}`),
    ];
    if (drift.length > 0) {
      console.error(`API spec drift: ${drift.join(', ')} differ from what the code generates; run npm run api:spec and commit`);
      process.exit(1);
    }
    console.log('API spec and client match the code');
  } else {
    writeFileSync(specPath, spec);
    rmSync(join(clientDir, 'src'), { recursive: true, force: true });
    cpSync(join(work, 'src'), join(clientDir, 'src'), { recursive: true });
    console.log('Wrote api/openapi.json and libs/api-client/src');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
