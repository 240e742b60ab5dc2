// `npm run bench`: runs every bench/*.bench.mjs in turn; each prints its figures beside the floor it
// is held to. Benchmarks report; they do not pass or fail a build.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here).filter((name) => name.endsWith('.bench.mjs')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n# ${file}`);
  await import(pathToFileURL(join(here, file)).href);
}
