// Contract validators against openapi-backend, the peer a backend team would use for the same job,
// on the same bundle in the same run: what one costs to create (each in a fresh process) and how
// many responses it checks per second (a 200 and a 402, headers included; valid and invalid).
// Run: npx tsx bench/validators.ts (BENCH_TINY=1 for a check that it works).
import {
  createContractValidator,
  loadSpec,
  readContract,
  loadContract,
  type ObservedResponse,
} from '../src/contract/index.ts';
import { requireOperation } from '../src/kernel/contract.ts';
import { peerValidator } from './peer-validator.ts';
import { validatorsSize } from './validators-size.ts';
import { benchSettings, inFreshProcess, median, versionOf, writeSection, type Figure } from './results.ts';

const { rounds, roundMs, creations } = benchSettings(
  { rounds: 7, roundMs: 300, creations: 7 },
  { rounds: 1, roundMs: 20, creations: 1 },
);

/** How a validator gets ready in a fresh process, timed there (ms) and printed. */
const creators = {
  ours: `const { createContractValidator } = await import('./src/contract/index.ts');
    const t = performance.now(); createContractValidator(); console.log(performance.now() - t);`,
  // A spec the caller passes: compiled by Ajv at run time (the path the precompiled code cannot serve).
  oursRuntime: `const { createContractValidator, loadSpec, readContract } = await import('./src/contract/index.ts');
    const spec = loadSpec(); spec.info = { ...spec.info, version: 'caller' };
    const t = performance.now(); createContractValidator(readContract(spec)); console.log(performance.now() - t);`,
  // Loading the precompiled index itself (plain JavaScript, no transform; each group's module loads on its first check).
  load: `const t = performance.now(); await import('./generated/validators.cjs'); console.log(performance.now() - t);`,
  peer: `const { peerValidator } = await import('./bench/peer-validator.ts');
    const { loadSpec } = await import('./src/contract/index.ts'); const spec = loadSpec();
    const t = performance.now(); await peerValidator(spec); console.log(performance.now() - t);`,
};

/** Median over fresh processes of the milliseconds a snippet prints. */
async function timeCreation(source: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < creations; i++) samples.push(Number(await inFreshProcess(source)));
  return median(samples);
}

/** The responses checked: spec examples, and each broken in one field. */
function responses() {
  const contract = loadContract();
  const example = (operationId: string, status: number) => {
    const declared = requireOperation(contract, operationId).responses.find(r => r.status === status)!;
    return structuredClone(Object.values(declared.examples)[0]) as any;
  };
  const balance = example('getBalance', 200);
  const quota = example('generateImage', 402);
  // As the mock sends them on a counted answer. The rate-limit headers are optional in the contract,
  // but openapi-backend requires every declared response header, so both judge the full set.
  const headers = (requestId: string) => ({
    'content-type': 'application/json',
    'x-request-id': requestId,
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': '60',
  });
  return {
    'valid 200 (getBalance)': {
      op: 'getBalance',
      valid: true,
      response: { status: 200, headers: headers('req_bench'), body: balance },
    },
    'valid 402 (generateImage)': {
      op: 'generateImage',
      valid: true,
      response: { status: 402, headers: headers(quota.error.request_id), body: quota },
    },
    'invalid 200 (balance a string)': {
      op: 'getBalance',
      valid: false,
      response: {
        status: 200,
        headers: headers('req_bench'),
        body: { ...balance, balance: String(balance.balance) },
      },
    },
    'invalid 402 (required a string, available missing)': {
      op: 'generateImage',
      valid: false,
      response: {
        status: 402,
        headers: headers(quota.error.request_id),
        body: { error: { ...quota.error, required: 'lots', available: undefined } },
      },
    },
  } satisfies Record<string, { op: string; valid: boolean; response: ObservedResponse }>;
}

/** Checks per second of `check`, run in batches so that reading the clock costs nothing. */
function rate(check: () => unknown, ms: number): number {
  let count = 0;
  const started = performance.now();
  const end = started + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) check();
    count += 200;
  }
  return (count * 1000) / (performance.now() - started);
}

const cases = responses();
const ours = createContractValidator();
const peer = await peerValidator(loadSpec());
const runners: Record<string, () => unknown> = {};
for (const [name, c] of Object.entries(cases)) {
  // Both must judge each response as the case says, or the comparison means nothing.
  const oursValid = ours.checkResponse(c.op, c.response).length === 0;
  const peerValid = peer(c.op, c.response);
  if (oursValid !== c.valid || peerValid !== c.valid)
    throw new Error(`${name}: ours says valid=${oursValid}, openapi-backend valid=${peerValid}`);
  runners[`ours ${name}`] = () => ours.checkResponse(c.op, c.response);
  runners[`peer ${name}`] = () => peer(c.op, c.response);
}

// Rounds of every runner in an order that rotates each round, so that drift hits all alike.
const names = Object.keys(runners);
const samples: Record<string, number[]> = Object.fromEntries(names.map(n => [n, []]));
for (const name of names) rate(runners[name]!, roundMs); // warm-up
for (let round = 0; round < rounds; round++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(round + j) % names.length]!;
    samples[name]!.push(rate(runners[name]!, roundMs));
  }
}

const [created, runtime, load, peerCreated] = [
  await timeCreation(creators.ours),
  await timeCreation(creators.oursRuntime),
  await timeCreation(creators.load),
  await timeCreation(creators.peer),
];
const size = await validatorsSize();
const peerName = 'openapi-backend';
const figures: Figure[] = [
  {
    name: 'creation: createContractValidator()',
    value: created,
    unit: 'ms',
    peer: { name: `${peerName} init + every response validator`, value: peerCreated },
    ratio: created / peerCreated,
    target: '≤ 20 ms',
    met: created <= 20,
  },
  {
    name: 'creation for a spec the caller passes (compiled at run time)',
    value: runtime,
    unit: 'ms',
    peer: { name: peerName, value: peerCreated },
    ratio: runtime / peerCreated,
  },
  { name: 'loading generated/validators.cjs', value: load, unit: 'ms' },
  {
    name: `generated/validators* on disk (${size.files} files)`,
    value: Math.round(size.bytes / 1024),
    unit: 'KiB',
  },
];
for (const name of Object.keys(cases)) {
  const value = median(samples[`ours ${name}`]!);
  const peerValue = median(samples[`peer ${name}`]!);
  const ratio = median(samples[`ours ${name}`]!.map((s, i) => s / samples[`peer ${name}`]![i]!));
  const small = name.startsWith('valid 200');
  figures.push({
    name: `checks: ${name}`,
    value,
    unit: 'checks/s',
    peer: { name: peerName, value: peerValue },
    ratio,
    target: small ? '≥ 1,000,000/s and ≥ 2× the peer' : '≥ 2× the peer',
    met: ratio >= 2 && (!small || value >= 1_000_000),
  });
}

console.log(
  `validators: ${rounds} rounds of ${roundMs} ms per runner, ${creations} fresh processes per creation figure`,
);
for (const f of figures)
  console.log(
    `  ${f.name.padEnd(70)} ${f.value.toFixed(f.unit === 'ms' ? 1 : 0).padStart(10)} ${f.unit}${f.peer ? `  peer ${f.peer.value.toFixed(f.unit === 'ms' ? 1 : 0)}` : ''}${f.ratio ? `  ${f.ratio.toFixed(2)}×` : ''}${f.met === undefined ? '' : f.met ? '  met' : '  missed'}`,
  );

await writeSection({
  id: '40-validators',
  title: 'Contract validators against openapi-backend',
  method:
    `The same bundle (generated/openapi.json) and the same responses for both: a getBalance 200 and a generateImage 402 from the spec's examples, ` +
    `with Content-Type and X-Request-Id, valid and with one field broken. Ours: \`createContractValidator().checkResponse\` (body, headers, content type, ` +
    `declared code, request id; precompiled Ajv code). Peer: openapi-backend's validateResponse + validateResponseHeaders (superset), Ajv with allErrors ` +
    `and ajv-formats like ours. Checks per second: medians of ${rounds} rounds of ${roundMs} ms per runner in rotating order, ratio the median of per-round ratios. ` +
    `Creation: median of ${creations} fresh processes, timed inside each.`,
  command: 'npx tsx bench/validators.ts',
  figures,
  tools: {
    ajv: await versionOf('ajv'),
    'ajv-formats': await versionOf('ajv-formats'),
    'openapi-backend': await versionOf('openapi-backend'),
  },
});
