// A bare HTTP client for contract checks: sends exactly the bytes, method and headers it is given
// (malformed JSON, odd methods, no content type) and hands back the raw answer.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { answerLimits, type AnswerLimits } from './answer-limits.ts';

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

/** The answer as the checks read it: headers flattened, the body parsed when it is JSON. */
function rawResponse(res: IncomingMessage, text: string): RawResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  let body: unknown = text === '' ? undefined : text;
  try {
    if (text !== '') body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text, the checker reports it */
  }
  return { status: res.statusCode ?? 0, headers, text, body };
}

/**
 * Sends `req`; an answer over `maxAnswerBytes`, or not whole within `timeoutMs`, is an error saying so.
 * A number for `given` is the timeout alone (as before the byte cap was added).
 */
export function send(
  baseUrl: string,
  req: RawRequest,
  given?: Partial<AnswerLimits> | number,
): Promise<RawResponse> {
  const { timeoutMs, maxAnswerBytes } = answerLimits(
    typeof given === 'number' ? { timeoutMs: given } : given,
  );
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const prefix = url.pathname.replace(/\/$/, '');
  return new Promise((resolve, reject) => {
    // Rejects with `why` first, so that the error of the cut connection is not the one reported.
    const drop = (why: string) => {
      reject(new Error(why));
      outgoing.destroy();
    };
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
      },
      res => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          if (size > maxAnswerBytes) drop(`answer over ${maxAnswerBytes} bytes`);
        });
        res.on('error', reject);
        res.on('end', () => resolve(rawResponse(res, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    // A deadline for the whole answer, not an idle timeout: a server dripping a byte at a time hits it too.
    const deadline = setTimeout(() => drop(`no answer within ${timeoutMs} ms`), timeoutMs);
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
