import { prepareRuntime } from '../runtime.js';
import { describeDatabaseUrl } from '../database/database-connection.js';
import { runCli, say } from './cli-output.js';

/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded database. */
runCli(async () => {
  const runtime = await prepareRuntime(process.env, say);
  try {
    const applied = runtime.appliedMigrations;
    say(`${describeDatabaseUrl(runtime.config.databaseUrl)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`);
  } finally {
    await runtime.embedded?.stop();
  }
});
