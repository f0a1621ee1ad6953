// Writes a sample plan (scripts/docs-samples.ts) as the three samples the docs show beside an
// operation, in Redoc's `x-codeSamples` form: curl, TypeScript with @mediagen/client (its error
// `switch` on `code`) and plain fetch. Each prints the status it gets, so a test can check it.
import { errorCatalogue } from '../generated/catalogue.ts';
import { operationPointer, readContract } from '../src/kernel/contract.ts';
import { at } from '../src/kernel/pointer.ts';
import type { Fixtures } from '../src/mock/fixtures.ts';
import { SAMPLE_BASE_URL, samplePlans, type SampleCall, type SamplePlan } from './docs-samples.ts';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export const SAMPLE_LANGUAGES = [
  { lang: 'curl', label: 'curl' },
  { lang: 'TypeScript', label: '@mediagen/client' },
  { lang: 'JavaScript', label: 'fetch' },
] as const;

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const json = (value: unknown) => JSON.stringify(value);
/** A JavaScript literal as the house style writes it: single quotes, bare keys. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${literal(v)}`)
      .join(', ')} }`;
  return String(value);
}
/** The path with `{id}` as a shell variable or a JavaScript expression. */
const pathWith = (call: SampleCall, id: string) => call.path.replace('{id}', call.id ?? id);

function curlCall(
  method: string,
  url: string,
  key: string,
  body?: unknown,
  flags = "-sS -i -w '\\n'",
): string {
  return [
    `curl ${flags}${method === 'GET' ? '' : ` -X ${method}`} "${url}"`,
    `  -H "Authorization: Bearer ${key}"`,
    ...(body === undefined
      ? []
      : [`  -H 'Content-Type: application/json'`, `  -d ${shellQuote(json(body))}`]),
  ].join(' \\\n');
}

function curlSample(plan: SamplePlan): string {
  const lines = ['# The key of your account, or any key for the mock: export MEDIAGEN_API_KEY=...'];
  if (plan.start) {
    lines.push(
      '# Start a video and keep its id',
      `id=$(${curlCall('POST', SAMPLE_BASE_URL + plan.startPath, '$MEDIAGEN_API_KEY', plan.start, '-sS')} \\\n` +
        `  | sed -E 's/.*"id":"([^"]+)".*/\\1/')`,
    );
  }
  for (const call of plan.calls) {
    const url = SAMPLE_BASE_URL + pathWith(call, '$id');
    lines.push('', `# ${call.title}`, curlCall(call.method, url, call.key ?? '$MEDIAGEN_API_KEY', call.body));
  }
  return lines.join('\n') + '\n';
}

/** The `switch` on the code of the plan's error case: its fields, and what to do. */
function explainFunction(plan: SamplePlan): string[] {
  const code = plan.calls[1].code!;
  const facts = errorCatalogue[code];
  const fields = facts.fields.map(f => `${f} \${error.${f}}`).join(', ');
  return [
    '/** `switch` on `code` narrows the error to the fields of that code. */',
    'function explain(error: MediagenError): string {',
    "  if (error.kind !== 'api') return `${error.kind}: ${error.message}`;",
    '  switch (error.code) {',
    `    case '${code}':`,
    `      // ${facts.action}`,
    `      return \`\${error.code}${fields ? ` (${fields})` : ''}: see \${error.docUrl}\`;`,
    '    default:',
    '      return `${error.code}: ${error.message}`;',
    '  }',
    '}',
  ];
}

function clientCall(call: SampleCall, client: string, name: string): string[] {
  const init: string[] = [];
  if (call.path.includes('{id}'))
    init.push(`params: { path: { id: ${call.id !== undefined ? literal(call.id) : 'started.data.id'} } }`);
  if (call.body !== undefined) init.push(`body: ${literal(call.body)}`);
  const callLine = `const ${name} = await ${client}.${call.method}(${literal(call.path)}`;
  return [
    `// ${call.title}`,
    ...(init.length ? [`${callLine}, {`, ...init.map(line => `  ${line},`), '});'] : [`${callLine});`]),
    `if (${name}.error) console.log(${name}.error.status, explain(${name}.error));`,
    `else console.log(${name}.response.status, ${name}.data);`,
  ];
}

function clientSample(plan: SamplePlan): string {
  const [minimal, failing] = plan.calls;
  const lines = [
    "import { createClient, type MediagenError } from '@mediagen/client';",
    '',
    '// The key is read from MEDIAGEN_API_KEY; the mock takes any key.',
    `const client = createClient({ baseUrl: ${literal(SAMPLE_BASE_URL)} });`,
    ...(failing.key !== undefined
      ? [
          `const testKey = createClient({ baseUrl: ${literal(SAMPLE_BASE_URL)}, apiKey: ${literal(failing.key)} });`,
        ]
      : []),
    '',
    ...explainFunction(plan),
    '',
  ];
  if (plan.start) {
    lines.push(
      '// Start a video to poll',
      `const started = await client.POST(${literal(plan.startPath)}, { body: ${literal(plan.start)} });`,
      'if (started.error) throw started.error;',
      '',
    );
  }
  lines.push(...clientCall(minimal, 'client', 'first'), '');
  lines.push(...clientCall(failing, failing.key !== undefined ? 'testKey' : 'client', 'second'));
  return lines.join('\n') + '\n';
}

function fetchCall(call: SampleCall, name: string): string[] {
  const body = call.body !== undefined;
  const auth = call.key !== undefined ? `Authorization: ${literal(`Bearer ${call.key}`)}` : '...auth';
  const headers =
    call.key === undefined && !body
      ? 'auth'
      : `{ ${[auth, ...(body ? ["'Content-Type': 'application/json'"] : [])].join(', ')} }`;
  const init = [
    ...(call.method !== 'GET' ? [`method: '${call.method}'`] : []),
    `headers: ${headers}`,
    ...(body ? [`body: JSON.stringify(${literal(call.body)})`] : []),
  ];
  return [
    `// ${call.title}`,
    `const ${name} = await fetch(\`\${baseUrl}${pathWith(call, '${id}')}\`, {`,
    ...init.map(line => `  ${line},`),
    '});',
    `console.log(${name}.status, await ${name}.json());`,
  ];
}

function fetchSample(plan: SamplePlan): string {
  const lines = [
    `const baseUrl = ${literal(SAMPLE_BASE_URL)};`,
    '// The key of your account, or any key for the mock.',
    'const auth = { Authorization: `Bearer ${process.env.MEDIAGEN_API_KEY}` };',
    '',
  ];
  if (plan.start) {
    lines.push(
      '// Start a video and keep its id',
      `const start = await fetch(\`\${baseUrl}${plan.startPath}\`, {`,
      "  method: 'POST',",
      "  headers: { ...auth, 'Content-Type': 'application/json' },",
      `  body: JSON.stringify(${literal(plan.start)}),`,
      '});',
      'const { id } = await start.json();',
      '',
    );
  }
  lines.push(...fetchCall(plan.calls[0], 'first'), '', ...fetchCall(plan.calls[1], 'second'));
  return lines.join('\n') + '\n';
}

/** The operation's `x-codeSamples`, in SAMPLE_LANGUAGES order. */
export function codeSamples(plan: SamplePlan): CodeSample[] {
  const sources = [curlSample(plan), clientSample(plan), fetchSample(plan)];
  return SAMPLE_LANGUAGES.map((l, i) => ({ ...l, source: sources[i]! }));
}

/** A copy of the bundle whose operations carry their samples; the bundle itself is untouched. */
export function withSamples(spec: Record<string, any>, fixtures: Fixtures): Record<string, any> {
  const copy = structuredClone(spec);
  for (const plan of samplePlans(spec, fixtures)) {
    const op = readContract(copy).operations.find(o => o.operationId === plan.operationId)!;
    (at(copy, operationPointer(op)) as Record<string, unknown>)['x-codeSamples'] = codeSamples(plan);
  }
  return copy;
}
