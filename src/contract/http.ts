// A bare HTTP client for contract checks: sends exactly the bytes, method and headers it is given
// (malformed JSON, odd methods, no content type) and hands back the raw answer.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface RawRequest {
  method: string;
  /** Path and query, e.g. `/v2/models?type=video`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body, the text when it is not JSON, undefined when empty. */
  body: unknown;
}

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
};

export function send(baseUrl: string, req: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const prefix = url.pathname.replace(/\/$/, '');
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? httpsRequest : httpRequest)(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        method: req.method,
        path: prefix + req.path,
        headers: {
          ...req.headers,
          ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}),
        },
        agent: secure ? agents.https : agents.http,
        timeout: timeoutMs,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          let body: unknown = text === '' ? undefined : text;
          try {
            if (text !== '') body = JSON.parse(text);
          } catch {
            /* not JSON: keep the text, the checker reports it */
          }
          resolve({ status: res.statusCode ?? 0, headers, text, body });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
