// The static half of `npm test`: Prettier's check and the type check, side by side (each is one
// process on one core). Prints what fails and exits non-zero when either does.
import { spawn } from 'node:child_process';

const bin = name => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const checks = [
  ['prettier', ['--check', '--log-level', 'warn', '.']],
  // Incremental: a second run on an unchanged tree reads its answer from the cache.
  ['tsc', ['--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc.tsbuildinfo']],
];

const run = ([name, args]) =>
  new Promise(resolve => {
    const child = spawn(bin(name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    child.on('error', err => resolve({ name, code: 1, output: err.message }));
    child.on('close', code => resolve({ name, code, output }));
  });

const results = await Promise.all(checks.map(run));
for (const { name, code, output } of results)
  if (code !== 0) process.stderr.write(`${name} failed:\n${output}\n`);
process.exit(results.some(r => r.code !== 0) ? 1 : 0);
