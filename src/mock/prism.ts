// Prism, in-process: its router, request validator (security, content type, body, parameters) and
// example negotiation, called once per request without an HTTP hop or Prism's own server.
import { createLogger } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpConfig,
  type IHttpRequest,
  type IHttpResponse,
} from '@stoplight/prism-http';
import { type Spec } from '../kernel/index.ts';
import type { PrismViolation } from './errors.ts';

export type PrismAnswer =
  | { kind: 'response'; output: IHttpResponse; violations: PrismViolation[] }
  | { kind: 'error'; name: string; status: number; detail: string };

export type AskPrism = (
  input: IHttpRequest,
  prefer: { code?: number; example?: string },
) => Promise<PrismAnswer>;

export async function createPrism(spec: Spec): Promise<AskPrism> {
  // Prism would fire an operation's callbacks itself, unsigned (the mock's webhooks deliver them),
  // and would answer a `Prefer: code` the operation lacks with its `default` (UnlistedError).
  const operations = (await getHttpOperationsFromSpec(structuredClone(spec) as never)).map(
    ({ callbacks: _callbacks, ...operation }) => ({
      ...operation,
      responses: operation.responses.filter(r => r.code !== 'default'),
    }),
  );
  // The mock writes its own one-line log; Prism's pino logger stays silent.
  const logger = createLogger('prism', { level: 'silent' });
  const config: IHttpConfig = {
    mock: { dynamic: false },
    validateRequest: true,
    // The mock checks its answers against the contract in its tests; per request this would only cost time.
    validateResponse: false,
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
  const prism = createInstance(config, { logger });
  return async (input, prefer) => {
    const mock = {
      dynamic: false,
      ...(prefer.code !== undefined ? { code: prefer.code } : {}),
      ...(prefer.example !== undefined ? { exampleKey: prefer.example } : {}),
    };
    const result = await prism.request(input, operations, { ...config, mock })();
    if (result._tag === 'Right') {
      return {
        kind: 'response',
        output: result.right.output,
        violations: result.right.validations.input as PrismViolation[],
      };
    }
    const error = result.left as Error & { status?: number; detail?: string };
    return {
      kind: 'error',
      name: error.name ?? 'Error',
      status: error.status ?? 500,
      detail: error.detail ?? error.message ?? String(error),
    };
  };
}
