// `npm start`: builds what is missing or out of date, then runs the portal in this very process
// (so that signals reach it directly and stopping it stops everything it started).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './lib/workspace.mjs';

for (const part of ['libs', 'api', 'web']) ensureBuilt(part);
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(join(root, 'api/dist/main.js')).href);
