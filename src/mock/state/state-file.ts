// `--state FILE`: the state kept in a JSON file, read once at start and written after changes,
// debounced (at most once per `delayMs`, and on close) and atomically (a temp file in the same folder,
// fsync, rename): a crash leaves the last whole snapshot, never half of one. A file that cannot be
// read or parsed is refused with one line, never silently emptied; no file yet is a first start.
import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readSnapshot, type StateSnapshot } from './snapshot.ts';

/** The state file cannot be used: the message is one line, naming the file. */
export class StateFileError extends Error {}

/** The snapshot in the file, or undefined when the file does not exist yet. */
export function readStateFile(path: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return undefined;
    throw new StateFileError(`state file ${path}: cannot be read (${code ?? message})`);
  }
  try {
    return readSnapshot(JSON.parse(text));
  } catch (error) {
    const why = error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message;
    throw new StateFileError(
      `state file ${path}: ${why}; refusing to start over it (move it away to start empty)`,
    );
  }
}

/** Writes the snapshot after changes, at most once per `delayMs`; `flush` writes what is left. */
export class StateFileWriter {
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  #dirty = false;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => StateSnapshot,
    private readonly log: (line: string) => void,
    private readonly delayMs = 200,
  ) {}

  /** Something changed: a write follows within `delayMs`. */
  changed(): void {
    this.#dirty = true;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.#write();
    }, this.delayMs).unref();
  }

  /** Writes now if anything changed since the last write, and waits for it. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#write();
  }

  #write(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      if (!this.#dirty) return;
      this.#dirty = false;
      const text = JSON.stringify(this.snapshot());
      try {
        await writeAtomically(this.path, text);
      } catch (error) {
        this.#dirty = true; // tried again at the next change or on close
        this.log(`state file ${this.path}: not written (${(error as Error).message})`);
      }
    });
    return this.#writing;
  }
}

/** Writes a temp file beside `path`, syncs it to disk, and renames it over `path`. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const file = await open(temp, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path).catch(async (error: unknown) => {
    await rm(temp, { force: true });
    throw error;
  });
}
