import { readFileSync } from 'node:fs';

/** The version in api/package.json, read once; shown by health checks and the API docs. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
