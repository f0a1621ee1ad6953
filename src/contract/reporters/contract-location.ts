// Where in the contract a finding points: the bundled openapi.json (the file the validators read),
// at the operation's line, with the JSON pointer of the operation or of the declared response.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationPointer, type Contract } from '../../kernel/contract.ts';
import { BUNDLE_PATH, loadContract } from '../../kernel/load.ts';

export interface ContractLocation {
  /** The bundle, relative to the working directory when it lies under it (a repository's checkout). */
  uri: string;
  /** 1-based line of the operation's `operationId` (of `"paths"` for a call outside the contract). */
  line: number;
  pointer: string;
}

/** The bundle's URI as a code-scanning view resolves it: relative inside the checkout, else file://. */
function bundleUri(): string {
  const path = relative(process.cwd(), fileURLToPath(BUNDLE_PATH));
  return path.startsWith('..') ? BUNDLE_PATH.href : path.split(sep).join('/');
}

/** A function locating an operation (and a status of it) in the bundle; reads the bundle once. */
export function contractLocator(contract: Contract = loadContract()) {
  const lines = readFileSync(BUNDLE_PATH, 'utf8').split('\n');
  const lineOf = (needle: string) => lines.findIndex(l => l.includes(needle)) + 1 || 1;
  const uri = bundleUri();
  const pathsLine = lineOf('"paths": {');
  return (operationId: string | null, status?: number): ContractLocation => {
    const op = contract.operations.find(o => o.operationId === operationId);
    if (!op) return { uri, line: pathsLine, pointer: '#/paths' };
    const declared = op.responses.some(r => r.status === status);
    const pointer = operationPointer(op) + (declared ? `/responses/${status}` : '');
    return { uri, line: lineOf(`"operationId": ${JSON.stringify(op.operationId)}`), pointer };
  };
}
