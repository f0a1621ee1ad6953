// The attack's counts and the limits it sets on the servers: `--tiny` for CI (a few seconds), the
// default for a real run. Every count and limit of `npm run attack` is set here.
export interface AttackSettings {
  /** Sockets held open by the idle and the slow-headers probes. */
  sockets: number;
  /** The servers' connection cap; the cap probe opens `extra` more. */
  maxConnections: number;
  extra: number;
  /** The servers' headers timeout; their idle timeout is twice it (scripts/attack.ts). */
  timeoutMs: number;
  /** Jobs with a callback_url to a receiver that never answers. */
  jobs: number;
  /** Decoded size of the brotli bomb the upstream answers. */
  bombBytes: number;
  /** RSS growth past which the bomb probe counts as broken. */
  maxRssDeltaBytes: number;
}

const MiB = 1024 * 1024;

const TINY: AttackSettings = {
  sockets: 40,
  maxConnections: 50,
  extra: 10,
  timeoutMs: 400,
  jobs: 150,
  bombBytes: 64 * MiB,
  maxRssDeltaBytes: 96 * MiB,
};

const FULL: AttackSettings = {
  sockets: 800,
  maxConnections: 1000,
  extra: 200,
  timeoutMs: 2000,
  jobs: 1500,
  bombBytes: 512 * MiB,
  maxRssDeltaBytes: 96 * MiB,
};

/** The settings for the command line; an unknown argument is an error naming it. */
export function settingsFor(args: readonly string[]): AttackSettings {
  for (const arg of args) if (arg !== '--tiny') throw new Error(`unknown argument ${arg} (only --tiny)`);
  return args.includes('--tiny') ? TINY : FULL;
}
