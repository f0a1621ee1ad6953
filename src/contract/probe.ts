// Before the suite: is a server of this API answering at the base URL? One unauthenticated
// `GET /v2/models`, which the contract answers 401 with its error envelope and an X-Request-Id. No
// answer at all, or an answer with neither (a web server's HTML 404, another API), and the run stops
// with exit 3 rather than report every scenario as a violation of a server that is not there.
import type { AnswerLimits } from './answer-limits.ts';
import { send } from './http.ts';
import { isObject } from '../kernel/json.ts';

const PROBE = { method: 'GET', path: '/v2/models' } as const;

/** Why the base URL is not a server of this API, or undefined when it looks like one. */
export async function probeServer(baseUrl: string, limits: AnswerLimits): Promise<string | undefined> {
  let answer;
  try {
    answer = await send(baseUrl, { ...PROBE, headers: { accept: 'application/json' } }, limits);
  } catch (error) {
    return `${baseUrl} is unreachable: ${PROBE.method} ${PROBE.path} got no answer (${(error as Error).message})`;
  }
  const enveloped = isObject(answer.body) && isObject(answer.body.error);
  if (answer.headers['x-request-id'] !== undefined || enveloped) return undefined;
  return (
    `${baseUrl} does not look like this API: ${PROBE.method} ${PROBE.path} without a key answered ` +
    `${answer.status} with neither an X-Request-Id header nor an error envelope`
  );
}
