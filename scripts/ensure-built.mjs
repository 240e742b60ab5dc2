// Builds the named parts (libs, api, web) when missing or older than their sources.
import { ensureBuilt } from './lib/workspace.mjs';

for (const name of process.argv.slice(2)) ensureBuilt(name);
