// The contract's workflows (generated/workflows.arazzo.yaml) under `redocly respect`: the server
// override names the base URL for the source description `mediagen`, the key is the `api_key` input
// (respect masks it: its schema says `format: password`), and `run_id` is fresh for every run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { root } from './root.ts';
import { loadWorkflows } from '../src/contract/workflows/arazzo.ts';

export const WORKFLOWS_FILE = join(root, 'generated/workflows.arazzo.yaml');

export interface RespectOptions {
  baseUrl: string;
  apiKey: string;
  /** Only these workflows (default: every one). */
  workflows?: string[];
  /** Leave out the workflows that need the mock (`x-mediagen-needs: [mock]`): for a real server. */
  realServer?: boolean;
  /** respect's --execution-timeout: the whole run, in ms. */
  maxTimeMs?: number;
  /** `inherit` prints respect's report as it runs; `pipe` keeps it (returned). */
  output?: 'inherit' | 'pipe';
}

/** The workflows that rely on the mock's test values or `Prefer`, as the file marks them. */
const mockOnly = () =>
  loadWorkflows()
    .workflows.filter(w => w['x-mediagen-needs']?.includes('mock'))
    .map(w => w.workflowId);

/** Runs respect to its end: its exit code (non-zero when a workflow failed) and, when piped, its output. */
export function respectWorkflows(options: RespectOptions): Promise<{ code: number | null; output: string }> {
  const args = [
    'respect',
    WORKFLOWS_FILE,
    '--server',
    `mediagen=${options.baseUrl}`,
    '--input',
    `api_key=${options.apiKey}`,
    '--input',
    `run_id=${randomUUID()}`,
    ...(options.workflows ?? []).flatMap(id => ['--workflow', id]),
    ...(options.realServer ? mockOnly().flatMap(id => ['--skip', id]) : []),
    ...(options.maxTimeMs !== undefined ? ['--execution-timeout', String(options.maxTimeMs)] : []),
  ];
  const child = spawn(join(root, 'node_modules/.bin/redocly'), args, {
    cwd: root,
    stdio: ['ignore', options.output ?? 'inherit', options.output ?? 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => resolve({ code, output }));
  });
}
