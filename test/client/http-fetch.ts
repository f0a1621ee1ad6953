// A fetch over node:http without keep-alive, for the fake-timer tests: Node's built-in fetch sets
// timers of its own (keep-alive, 499 ms ticks) that a fake clock would advance along with ours.
import { request as httpRequest } from 'node:http';

export async function httpFetch(request: Request): Promise<Response> {
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      request.url,
      { method: request.method, headers: Object.fromEntries(request.headers), agent: false },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          resolve(
            new Response(chunks.length ? Buffer.concat(chunks) : null, {
              status: res.statusCode ?? 0,
              headers,
            }),
          );
        });
      },
    );
    req.on('error', reject);
    if (request.signal.aborted) req.destroy(new Error('aborted'));
    request.signal.addEventListener('abort', () => req.destroy(new Error('aborted')));
    req.end(body);
  });
}
