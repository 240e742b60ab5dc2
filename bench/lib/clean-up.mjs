/**
 * Runs `cleanUp` (stop the portal, drop the database, remove the data folder) however a benchmark
 * ends: on Ctrl-C or a kill as well as at its end. Returns what to await in the benchmark's `finally`.
 */
export function cleanUpOnExit(cleanUp) {
  const interrupted = (signal) => {
    console.error(`\n${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return async () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  };
}
