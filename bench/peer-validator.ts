// The peer of bench/validators.ts: openapi-backend checking responses against the same bundle.
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { ObservedResponse } from '../src/contract/index.ts';

/** openapi-backend, ready to check any response: Ajv with the same formats and allErrors, every operation's response validators built. */
export async function peerValidator(spec: object) {
  const api = new OpenAPIBackend({
    definition: structuredClone(spec) as Document,
    // Its document check knows OpenAPI 3.0 only and rejects this 3.1 bundle; `quick` skips it (and compiles lazily: forced below).
    quick: true,
    ajvOpts: { allErrors: true },
    customizeAjv: ajv => ((addFormats as unknown as (a: typeof ajv) => void)(ajv), ajv),
  });
  await api.init();
  // Given the operation object (as a handler gets it in context.operation): looking it up by id costs openapi-backend a scan per call.
  const operations = new Map(api.getOperations().map(op => [op.operationId!, op]));
  for (const id of operations.keys()) {
    api.validator.getStatusBasedResponseValidatorForOperation(id);
    api.validator.getResponseHeadersValidatorForOperation(id);
  }
  return (operationId: string, r: ObservedResponse) => {
    const operation = operations.get(operationId)!;
    // Both, always: a check reports everything wrong, as ours does.
    const body = api.validateResponse(r.body, operation, r.status);
    const headers = api.validateResponseHeaders(r.headers, operation, {
      statusCode: r.status,
      setMatchType: 'superset' as never,
    });
    return body.valid && headers.valid;
  };
}
