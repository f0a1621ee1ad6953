// A fetch Request in the core's plain values, and the core's answer as a Response: what
// `Mock.handle`, createMockFetch and the MSW handlers answer with.
import type { MockInput, MockOutput, RequestContext } from '../types.ts';

/** The body's bytes; a body over `limit` is not kept (the answer is a 413). */
async function readBytes(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.length > limit ? undefined : bytes;
}

/** The core's answer to a fetch Request: a transport fault is a `Response.error()`. */
export async function handleRequest(
  respond: (input: MockInput) => Promise<MockOutput>,
  limit: number,
  request: Request,
  context: RequestContext,
): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const bytes = context.bodyTooLarge ? undefined : await readBytes(request, limit);
  const out = await respond({
    ...context,
    method: request.method,
    target: url.pathname + url.search,
    origin: url.origin,
    headers,
    bytes,
    signal: request.signal,
  });
  return out.kind === 'transport_fault'
    ? Response.error()
    : // The core's bytes are never over a SharedArrayBuffer, which is all that Uint8Array<ArrayBufferLike> adds.
      new Response(out.body as string | Uint8Array<ArrayBuffer> | null, {
        status: out.status,
        headers: out.headers,
      });
}
