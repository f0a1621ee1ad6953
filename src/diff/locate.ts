// Where a node of the bundle is written in openapi/: the bundle is read through the sources, from
// openapi.yaml down, following each file $ref, so a change is reported at `file:line`.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import YAML, { LineCounter, isMap, isScalar, isSeq, type Node } from 'yaml';
import { tokensOf } from '../kernel/pointer.ts';

interface Source {
  file: string;
  root: Node | null;
  lines: LineCounter;
}

/** Reads the sources of one openapi/ tree lazily, each file once. */
export function sourcesOf(dir: string) {
  const cache = new Map<string, Source>();
  const load = (file: string): Source => {
    let source = cache.get(file);
    if (!source) {
      const lines = new LineCounter();
      const document = YAML.parseDocument(readFileSync(join(dir, file), 'utf8'), { lineCounter: lines });
      source = { file, root: document.contents as Node | null, lines };
      cache.set(file, source);
    }
    return source;
  };
  return { dir, load };
}

export type Sources = ReturnType<typeof sourcesOf>;

/** The node under `token`, and where it starts: at its key, for a map entry. */
function child(node: Node | null, token: string): { node: Node; offset: number } | null {
  if (isMap(node)) {
    const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === token);
    const value = (pair?.value ?? null) as Node | null;
    return pair && value ? { node: value, offset: (pair.key as Node).range?.[0] ?? 0 } : null;
  }
  const item = isSeq(node) ? (node.get(Number(token), true) as Node | undefined) : undefined;
  return item ? { node: item, offset: item.range?.[0] ?? 0 } : null;
}

const refOf = (node: Node | null): string | undefined => {
  const ref = isMap(node) ? node.get('$ref', true) : undefined;
  return isScalar(ref) && typeof ref.value === 'string' ? ref.value : undefined;
};

/** A bundled component (`components/responses/Name`) that openapi.yaml does not index: its file. */
function componentFile(sources: Sources, type: string, name: string): string | undefined {
  const walk = (folder: string): string | undefined => {
    for (const entry of readdirSync(join(sources.dir, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (basename(entry.name, '.yaml') === name) return path;
    }
    return undefined;
  };
  try {
    return walk(join('openapi/components', type));
  } catch {
    return undefined;
  }
}

/** `openapi/components/schemas/billing/Balance.yaml:7`: where the node at a bundle pointer is written (or its nearest written ancestor). */
export function locate(sources: Sources, pointer: string): string {
  let source = sources.load('openapi/openapi.yaml');
  let node: Node | null = source.root;
  let offset = 0;
  const tokens = tokensOf(pointer);
  // A node that is a file $ref is written in that file: follow it, before each step and after the last.
  const enter = () => {
    let ref = refOf(node);
    for (
      let hops = 0;
      ref && !ref.startsWith('#') && /\.ya?ml$/.test(ref.split('#')[0]!) && hops < 16;
      hops++, ref = refOf(node)
    ) {
      source = sources.load(
        relative(sources.dir, join(sources.dir, dirname(source.file), ref.split('#')[0]!)),
      );
      node = source.root;
      offset = 0;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    enter();
    let next = child(node, tokens[i]!);
    if (!next && i === 2 && tokens[0] === 'components') {
      const file = componentFile(sources, tokens[1]!, tokens[2]!);
      if (file) {
        source = sources.load(file);
        next = source.root && { node: source.root, offset: 0 };
      }
    }
    if (!next) break;
    ({ node, offset } = next);
  }
  if (node) enter();
  return `${source.file}:${source.lines.linePos(offset).line}`;
}
