// The HAR report streamed: its opening written when the file is opened, each exchange's entry as it
// comes, the closing on close, so that no entry stays in memory past its write. A crash leaves the file
// without its closing. When the disk falls behind, entries are left out, not queued without bound.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { plural } from '../kernel/plural.ts';
import type { HarEntry, HarLog } from './har.ts';

/** Bytes of entries waiting for the disk past which the next entry is left out (counted). */
export const HAR_BACKLOG_BYTES = 32 * 1024 * 1024;

export interface HarFile {
  exchange(entry: HarEntry): void;
  close(): Promise<void>;
}

export interface HarFileOptions {
  /** The file's name, for the log lines. */
  name: string;
  creator: HarLog['log']['creator'];
  backlogBytes: number;
  log: (line: string) => void;
}

/** Writes the HAR to `fd`, which it closes on close. */
export function openHarFile(fd: number, { name, creator, backlogBytes, log }: HarFileOptions): HarFile {
  const out = createWriteStream('', { fd });
  let failed = false;
  // Reported once; the stream writes nothing more after an error, and the proxy keeps forwarding.
  out.on('error', (error: NodeJS.ErrnoException) => {
    failed = true;
    log(
      `HAR report: ${name} cannot be written (${error.code ?? error.message}); no more entries are recorded`,
    );
  });
  const head: HarLog = { log: { version: '1.2', creator, entries: [] } };
  // The opening is the empty log's text up to its entries' closing `]}}`.
  out.write(JSON.stringify(head).slice(0, -3));
  let written = 0;
  let leftOut = 0;
  let behind = false;
  let closed = false;
  return {
    exchange(entry) {
      if (closed || failed) return;
      if (out.writableLength > backlogBytes) {
        leftOut++;
        if (!behind) log(`HAR report: ${name} is over ${backlogBytes} bytes behind; exchanges are left out`);
        behind = true;
        return;
      }
      behind = false;
      out.write(`${written++ === 0 ? '' : ','}\n${JSON.stringify(entry)}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      // After an error the stream is gone, and the file stays as far as it got (the error was logged).
      if (failed) return;
      // HAR 1.2's log.comment, after the entries: JSON does not mind the order.
      const note = `${plural(leftOut, 'exchange')} left out: the disk was behind`;
      const comment = leftOut > 0 ? `,"comment":${JSON.stringify(note)}` : '';
      out.end(`\n]${comment}}}\n`);
      await finished(out).catch(() => undefined);
    },
  };
}
