// What every command line we ship does alike: bad input is one line and the usage (exit 2), and the
// first SIGINT or SIGTERM stops the server cleanly (exit 0, or the status the server's verdict gives).

/** A `fail(message)` for `program`: prints `program: message` and the usage, exits 2, no stack trace. */
export function usageFailure(program: string, usage: string): (message: string) => never {
  return message => {
    console.error(`${program}: ${message}\n\n${usage}`);
    process.exit(2);
  };
}

/** On the first SIGINT or SIGTERM: prints `<signal>: stopping` and `note()`, awaits `stop`, exits `status()` (0). */
export function stopOnSignals(stop: () => Promise<unknown>, note?: () => string, status = () => 0): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: stopping${note ? `\n${note()}` : ''}`);
      void stop().then(() => process.exit(status()));
    });
  }
}
