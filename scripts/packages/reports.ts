// The packed contract's CLI as a CI runs it: `mediagen-contract test --reporter sarif --output FILE`
// against a broken server writes SARIF whose results point into the bundle the package ships, and
// exits 1; against a port where nothing listens it exits 3.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { run } from './run.ts';

const BUNDLE = 'node_modules/@mediagen/contract/generated/openapi.json';

/** A port of 127.0.0.1 where nothing listens (it did a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

/** Runs both in `project` (which installed @mediagen/contract); returns what it saw, or throws. */
export async function checkPackedReports(project: string, brokenUrl: string): Promise<string> {
  const cli = (...args: string[]) =>
    run('npx', ['--no', '--', 'mediagen-contract', 'test', ...args, '--key', 'mg_test_packages'], {
      cwd: project,
    });
  const sarif = await cli(brokenUrl, '--reporter', 'sarif', '--output', 'contract.sarif');
  if (sarif.code !== 1)
    throw new Error(`--reporter sarif: exit ${sarif.code}:\n${sarif.stdout}${sarif.stderr}`);
  const log = JSON.parse(await readFile(join(project, 'contract.sarif'), 'utf8'));
  const results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] =
    log.runs?.[0]?.results ?? [];
  const uris = new Set(results.map(r => r.locations[0]!.physicalLocation.artifactLocation.uri));
  if (log.version !== '2.1.0' || results.length === 0 || uris.size !== 1 || !uris.has(BUNDLE))
    throw new Error(`SARIF ${log.version}: ${results.length} results located in ${[...uris].join(', ')}`);
  const gone = await cli(`http://127.0.0.1:${await closedPort()}`);
  if (gone.code !== 3 || !gone.stderr.includes('is unreachable'))
    throw new Error(`no server: exit ${gone.code}:\n${gone.stdout}${gone.stderr}`);
  return `SARIF 2.1.0, ${results.length} results in ${BUNDLE}, exit 1; no server: exit 3`;
}
