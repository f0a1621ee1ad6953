// The packed @mediagen/contract's validators where eval is forbidden (Cloudflare Workers, a strict
// Content-Security-Policy): under `node --disallow-code-generation-from-strings` they check a 402
// quota_exceeded body and a broken one from the precompiled modules, while a spec the build did not
// compile (Ajv compiling at run time, which needs eval) fails there: so the fast path is what ran.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectEqual, runOk } from './run.ts';

const script = `
import { createContractValidator, loadContract, loadSpec, readContract } from '@mediagen/contract';
const contract = loadContract();
const quota = contract.operations.find(o => o.operationId === 'generateImage')
  .responses.find(r => r.status === 402).examples.quota_exceeded;
const headers = { 'content-type': 'application/json', 'x-request-id': quota.error.request_id };
const validator = createContractValidator(contract);
const valid = validator.checkResponse('generateImage', { status: 402, headers, body: quota });
const broken = validator.checkResponse('generateImage', {
  status: 402, headers, body: { error: { ...quota.error, required: 'lots' } },
});
let runtime = 'compiled';
try {
  const spec = loadSpec();
  createContractValidator(readContract({ ...spec, info: { ...spec.info, version: 'caller' } }));
} catch (error) {
  runtime = error.name;
}
console.log(JSON.stringify({ valid, broken, runtime }));
`;

const expected = {
  valid: [],
  broken: [{ kind: 'schema', where: 'body/error/required', message: 'must be number' }],
  runtime: 'EvalError',
};

/** Runs the check in the contract's consumer project; says what it saw, or throws showing the difference. */
export async function validatorsWithoutEval(project: string): Promise<string> {
  await writeFile(join(project, 'no-eval.mjs'), script);
  const { stdout } = await runOk(
    process.execPath,
    ['--disallow-code-generation-from-strings', 'no-eval.mjs'],
    {
      cwd: project,
      timeoutMs: 60_000,
    },
  );
  const actual = JSON.parse(stdout.trim().split('\n').at(-1)!);
  expectEqual(actual, expected, 'no-eval script');
  return 'a 402 quota_exceeded passes and a broken one is caught (body/error/required) precompiled; Ajv compiling a changed spec fails with EvalError';
}
