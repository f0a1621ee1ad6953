// The runs pasted into the guides: each ```text block that starts with a `$ ` command line, split into
// its commands (a trailing `\` continues a line) and what each printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Step {
  /** The command line without its `$ `, continuations joined. */
  command: string;
  /** The lines it printed. */
  output: string[];
}

export interface Transcript {
  page: string;
  /** 1-based line of the block's first command, for the test's name. */
  line: number;
  steps: Step[];
}

/** Shell words, with '…' and "…" quoting as the guides write them. */
export const words = (line: string): string[] =>
  [...line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map(
    m => m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!,
  );

export function readTranscripts(root: string, page: string): Transcript[] {
  const lines = readFileSync(join(root, page), 'utf8').split('\n');
  const found: Transcript[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```text' || !lines[i + 1]?.startsWith('$ ')) continue;
    const transcript: Transcript = { page, line: i + 2, steps: [] };
    for (i++; lines[i] !== '```'; i++) {
      if (i >= lines.length) throw new Error(`${page}: the block at line ${transcript.line} is not closed`);
      const text = lines[i]!;
      const step = transcript.steps.at(-1);
      if (text.startsWith('$ ')) transcript.steps.push({ command: text.slice(2), output: [] });
      else if (step?.command.endsWith('\\') && step.output.length === 0)
        step.command = `${step.command.slice(0, -1).trimEnd()} ${text.trim()}`;
      else step!.output.push(text);
    }
    found.push(transcript);
  }
  return found;
}
