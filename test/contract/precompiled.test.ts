// The validators compiled at build time (generated/validators.cjs and the modules of
// generated/validators/): they cover every schema a check reaches, serve only the bundle they were
// compiled from, judge exactly as Ajv at run time does, load group by group without eval, and hold
// each piece of Ajv's code once.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import * as build from '../../generated/validators.cjs';
import { codePoints, precompiledValidators, uri } from '../../src/contract/precompiled.ts';
import { checkedSchemas } from '../../src/contract/checked-schemas.ts';
import { specDigest } from '../../src/contract/digest.ts';
import { root } from '../../scripts/root.ts';
import {
  createContractValidator,
  loadSpec,
  readContract,
  loadContract,
  type ObservedResponse,
  type OperationRef,
} from '../../src/contract/index.ts';

const json = { 'content-type': 'application/json', 'x-request-id': 'req_1' };
const precompiled = createContractValidator();
// A copy of the bundle that is not the same object: its digest matches, so it is served precompiled too.
const sameBundle = createContractValidator(readContract(loadSpec()));

/** The bundle with one fact changed, as a caller might pass a spec of its own. */
function editedContract() {
  const spec = loadSpec() as any;
  spec.components.schemas.Balance.properties.balance.maximum = 100;
  return readContract(spec);
}

describe('precompiled validators', () => {
  it('were compiled from the committed bundle and cover every schema a check reaches', () => {
    expect(build.bundleDigest).toBe(specDigest(loadSpec()));
    expect(Object.keys(build.entries)).toEqual(checkedSchemas(loadContract()));
  });

  it('are not used for a spec the caller changed: it is compiled at run time and its facts hold', () => {
    const response = { status: 200, headers: json, body: { balance: 1000, currency: 'USD' } };
    expect(precompiled.checkResponse('getBalance', response)).toEqual([]);
    expect(createContractValidator(editedContract()).checkResponse('getBalance', response)).toEqual([
      { kind: 'schema', where: 'body/balance', message: 'must be <= 100' },
    ]);
  });

  it('report the same violations as validators compiled at run time', () => {
    // Run-time compilation of the same bundle: a changed digest that changes no schema.
    const spec = loadSpec();
    const runtime = createContractValidator(
      readContract({ ...spec, info: { ...(spec.info as object), version: 'runtime' } }),
    );
    const quota = loadContract()
      .operations.find(o => o.operationId === 'generateImage')!
      .responses.find(r => r.status === 402)!.examples.quota_exceeded as any;
    const cases: [OperationRef, ObservedResponse][] = [
      ['getBalance', { status: 200, headers: json, body: { balance: 'x', currency: 'usd' } }],
      [
        'generateImage',
        { status: 402, headers: { ...json, 'x-request-id': quota.error.request_id }, body: quota },
      ],
      [
        'generateImage',
        {
          status: 402,
          headers: json,
          body: { error: { ...quota.error, required: 'lots', available: undefined } },
        },
      ],
      ['getBalance', { status: 418, headers: {}, body: { error: { code: 7 } } }],
      [
        { method: 'GET', path: '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY' },
        { status: 200, headers: json, body: { id: 'x', status: 'processing', progress: 140 } },
      ],
    ];
    for (const [ref, response] of cases) {
      const expected = runtime.checkResponse(ref, response);
      expect(precompiled.checkResponse(ref, response)).toEqual(expected);
      expect(sameBundle.checkResponse(ref, response)).toEqual(expected);
    }
    expect(runtime.checkResponse(...cases[0]!).length).toBeGreaterThan(0);
  });

  it('judge every example of the contract, and each broken in one field, as validators compiled at run time', () => {
    const spec = loadSpec();
    const runtime = createContractValidator(
      readContract({ ...spec, info: { ...(spec.info as object), version: 'runtime' } }),
    );
    /** The body with one field of its top level (or of its `error`) given a value of the wrong type. */
    const broken = (body: any): any[] => {
      if (!body || typeof body !== 'object') return [];
      const target = body.error && typeof body.error === 'object' ? body.error : body;
      const wrap = (t: object) => (target === body ? t : { ...body, error: t });
      return Object.keys(target).map(key =>
        wrap({ ...target, [key]: typeof target[key] === 'number' ? 'x' : 7 }),
      );
    };
    let compared = 0;
    let violating = 0;
    for (const op of loadContract().operations) {
      for (const declared of op.responses) {
        for (const body of Object.values(declared.examples)) {
          const requestId = (body as any)?.error?.request_id ?? 'req_1';
          for (const variant of [body, ...broken(body)]) {
            const response = {
              status: declared.status,
              headers: { ...json, 'x-request-id': requestId },
              body: variant,
            };
            const expected = runtime.checkResponse(op.operationId, response);
            expect(precompiled.checkResponse(op.operationId, response)).toEqual(expected);
            compared++;
            if (expected.length > 0) violating++;
          }
        }
      }
    }
    for (const webhook of loadContract().webhooks) {
      for (const body of Object.values(webhook.examples)) {
        for (const variant of [body, ...broken(body)]) {
          const delivery = { headers: {}, body: JSON.stringify(variant) };
          const expected = runtime.checkWebhook(delivery);
          expect(precompiled.checkWebhook(delivery)).toEqual(expected);
          compared++;
          if (expected.length > 0) violating++;
        }
      }
    }
    // Most variants break the contract (webhooks are delivered without their headers): both paths explain them.
    expect(violating).toBeGreaterThan(compared / 2);
    expect(compared).toBeGreaterThan(300);
  });

  // The generated code counts characters and checks URIs with its own shortcuts: they must judge exactly as Ajv's.
  it('count code points exactly as Ajv does', () => {
    const units = fc.constantFrom('a', 'é', '\uD83D', '\uDE00', '😀', '\uDBFF\uDFFF', '\uDC00', ' ');
    for (const text of ['', 'abc', '😀', '\uD83D', '\uD83Dx', 'x\uDE00', '\uD83D\uD83D\uDE00'])
      expect(codePoints(text)).toBe(ucs2length(text));
    fc.assert(
      fc.property(fc.string({ unit: units, maxLength: 12 }), text => codePoints(text) === ucs2length(text)),
      { numRuns: 300 },
    );
  });

  it('judge `format: uri` exactly as ajv-formats does', () => {
    const fullUri = fullFormats.uri as (text: string) => boolean;
    const samples = [
      'https://docs.mediagen.example/#error-quota_exceeded',
      'http://a.b:8080/x/y?q=1&r=2#f',
      'https://h/p?q=%zz',
      'urn:isbn:0451450523',
      'https://[::1]/x',
      'https://user@h/x',
      'HTTPS://EXAMPLE.COM/',
      'https:/x',
      '/relative',
      'no scheme',
      '1http://x',
      'https://h/a b',
      'mailto:a@b',
      '',
    ];
    for (const text of samples) expect(uri(text), text).toBe(fullUri(text));
    const urlish = fc.string({
      unit: fc.constantFrom(
        'h',
        'T',
        '1',
        ':',
        '/',
        '/',
        '.',
        '-',
        '_',
        '~',
        '?',
        '#',
        '=',
        '&',
        '%',
        '@',
        '[',
        ']',
        ' ',
        'é',
      ),
      maxLength: 24,
    });
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('https://', 'http:', 'a+b-c.d:', '', '1x:'), urlish),
        ([scheme, rest]) => uri(scheme + rest) === fullUri(scheme + rest),
      ),
      { numRuns: 500 },
    );
  });
});

const modulesDir = join(root, 'generated/validators');
const moduleFiles = readdirSync(modulesDir).filter(f => f.endsWith('.cjs'));

/** The top-level declarations of a generated module: the statements of the function it exports. */
function declaredIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(modulesDir, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (!ts.isArrowFunction(node) || !ts.isBlock(node.body)) return ts.forEachChild(node, visit);
    for (const statement of node.body.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
      if (ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations) names.push(d.name.getText(source));
    }
  };
  visit(source);
  return names;
}

describe('precompiled modules', () => {
  it('are one per group and a shared one, with no eval in them', () => {
    const groups = new Set(Object.values(build.entries).map(([g]) => g));
    expect(build.groups.length).toBe(groups.size);
    expect(moduleFiles.sort()).toEqual([...build.groups.map((_, g) => `${g}.cjs`), 'shared.cjs'].sort());
    for (const file of moduleFiles) {
      const code = readFileSync(join(modulesDir, file), 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\b|\beval\s*\(/);
    }
  });

  it("hold each declaration of Ajv's code once, across the groups and the shared module", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of moduleFiles) {
      const names = declaredIn(file);
      expect(names.length, file).toBeGreaterThan(0);
      for (const name of names) {
        if (seen.has(name)) twice.push(`${name} in ${seen.get(name)} and ${file}`);
        seen.set(name, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('load a group on the first read of one of its schemas, and only that group', () => {
    const loaded: (number | 'shared')[] = [];
    const counted = {
      ...build,
      shared: () => (loaded.push('shared'), build.shared()),
      groups: build.groups.map((load, g) => () => (loaded.push(g), load())),
    };
    const lookup = precompiledValidators(counted);
    const [pointer, [g]] = Object.entries(build.entries).find(([, [group]]) => group === 3)!;
    expect(loaded).toEqual([]);
    expect(lookup(pointer)).toBeTypeOf('function');
    expect(lookup(pointer)).toBe(lookup(pointer));
    expect([...loaded].sort()).toEqual([g, 'shared'].sort());
    expect(lookup('#/components/schemas/NoSuchSchema')).toBeUndefined();
    for (const p of checkedSchemas(loadContract())) expect(lookup(p), p).toBeTypeOf('function');
    expect(loaded.filter(x => x === 'shared')).toEqual(['shared']);
    expect(new Set(loaded).size).toBe(build.groups.length + 1);
  });

  it('check a response where eval is forbidden (node --disallow-code-generation-from-strings)', async () => {
    const script = `
      import { createContractValidator, loadContract } from './src/contract/index.ts';
      const quota = loadContract().operations.find(o => o.operationId === 'generateImage')
        .responses.find(r => r.status === 402).examples.quota_exceeded;
      const headers = { 'content-type': 'application/json', 'x-request-id': quota.error.request_id };
      const check = body => createContractValidator().checkResponse('generateImage', { status: 402, headers, body });
      console.log(JSON.stringify([check(quota), check({ error: { ...quota.error, required: 'lots' } })]));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root },
    );
    expect(JSON.parse(stdout)).toEqual([
      [],
      [{ kind: 'schema', where: 'body/error/required', message: 'must be number' }],
    ]);
  });

  it('bundle with esbuild (as for a Worker): every module is followed, and the bundle checks without eval', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mediagen-validators-bundle-'));
    try {
      const quota = loadContract()
        .operations.find(o => o.operationId === 'generateImage')!
        .responses.find(r => r.status === 402)!;
      const body = quota.examples.quota_exceeded as any;
      await writeFile(
        join(dir, 'entry.ts'),
        `import * as build from ${JSON.stringify(join(root, 'generated/validators.cjs'))};
        import { precompiledValidators } from ${JSON.stringify(join(root, 'src/contract/precompiled.ts'))};
        const validate = precompiledValidators(build)(${JSON.stringify(quota.schema)});
        const body = ${JSON.stringify(body)};
        console.log(JSON.stringify([validate(body), validate({ error: { ...body.error, required: 'lots' } })]));`,
      );
      const result = await esbuild({
        entryPoints: [join(dir, 'entry.ts')],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        mainFields: ['module', 'main'],
        outfile: join(dir, 'bundle.mjs'),
        metafile: true,
        logLevel: 'silent',
      });
      const modules = Object.keys(result.metafile.inputs).filter(i =>
        /generated\/validators\/\w+\.cjs$/.test(i),
      );
      expect(modules).toHaveLength(moduleFiles.length);
      const { stdout } = await promisify(execFile)(process.execPath, [
        '--disallow-code-generation-from-strings',
        join(dir, 'bundle.mjs'),
      ]);
      expect(JSON.parse(stdout)).toEqual([true, false]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
