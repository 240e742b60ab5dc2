/** Command-line tools answer in plain lines; a failure is one line on stderr and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`mtp: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

export const say = (line: string): void => void process.stdout.write(`${line}\n`);
