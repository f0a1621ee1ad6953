// Each way an answer or a workflow leaves the contract, in one closed table: the kind a violation
// carries from where it is made (never read back from its wording), what the proxy's summary counts by,
// the rule a SARIF report files a result under (its description the rule's text) and a JUnit failure's type.

/** The kinds of a response's (or a delivery's) violations, each with what it means. */
const ANSWER_KINDS = {
  'undeclared status':
    'The status is not one the operation declares, or a path outside the contract is not answered 404.',
  'status other than the scenario expects':
    'The status is not the one the scenario is written to get from the server.',
  'no answer': 'The request got no answer in full: refused, cut, too slow, or over the size the check reads.',
  'request_id differs from X-Request-Id': "The error body's request_id is not the X-Request-Id header's id.",
  'code not allowed under the status':
    'The error code is not one the contract declares for this status of the operation.',
  'error other than expected': 'The error envelope does not say what the scenario is written to get.',
  'differs from the example': 'The body is not the named example the scenario asks the server for.',
  'body not JSON': 'The body the contract declares is not JSON.',
  'no body': 'The answer has no body where the contract declares one.',
  schema: 'A value breaks its schema in the contract.',
} as const;

/** What a workflow's own checks find beyond each answer's: its steps, its amounts, its waits, its webhook. */
const WORKFLOW_KINDS = {
  'request not built':
    "A step's request cannot be built: an expression without a value, a parameter the suite does not send.",
  'criterion not met':
    "A step's success criterion does not hold, or cannot be read, once its retries are spent.",
  'output not read': "A step's output has no value in its answer.",
  'output not an amount': "A step's output that the suite adds up is not an amount of money.",
  'balance differs from the answers':
    'The balance did not move by what the answers of the workflow say it cost.',
  'total_cost not unit_price × quantity': "A usage's total_cost is not its unit_price times its quantity.",
  'Retry-After longer than the suite waits': 'A Retry-After asks for a longer wait than the suite waits out.',
  'no webhook delivery': 'No webhook delivery came within the time the suite waits for one.',
  'webhook for another generation':
    "The webhook's event is of a generation other than the one the workflow created.",
} as const;

/** The kinds said of one header, named with it: `missing header X-Request-Id`, a rule per header. */
const HEADER_KINDS = {
  'missing header': 'A header the contract requires is missing.',
  'bad header':
    "A header's value is not what the contract declares: its schema, JSON's content type, a signature that verifies.",
} as const;

/** What the proxy reports of an upstream that gave no usable answer: the caller got none either. */
const UPSTREAM_KINDS = {
  'upstream unreachable': 'The proxy could not connect to the upstream.',
  'upstream timeout': "The upstream gave no complete answer within the proxy's timeout.",
  'upstream cut the connection': 'The upstream closed the connection before its answer was complete.',
  'upstream body unreadable': "The upstream's body could not be decoded, or is not JSON.",
  'upstream body over the decoded limit': "The upstream's body decodes to more than the proxy reads.",
} as const;

type HeaderFamily = keyof typeof HEADER_KINDS;
export type HeaderKind = `${HeaderFamily} ${string}`;
/** The kind of a Violation: a name from the tables (a header kind with the header's name). */
export type ViolationKind = keyof typeof ANSWER_KINDS | keyof typeof WORKFLOW_KINDS | HeaderKind;
export type UpstreamKind = keyof typeof UPSTREAM_KINDS;
/** The kind of a report's finding: a violation, or an upstream that gave no usable answer. */
export type FindingKind = ViolationKind | UpstreamKind;

/** The header kind for a header: `headerKind('missing header', 'X-Request-Id')`. */
export const headerKind = (family: HeaderFamily, header: string): HeaderKind => `${family} ${header}`;

export const isUpstreamKind = (kind: string): kind is UpstreamKind => Object.hasOwn(UPSTREAM_KINDS, kind);

/** Every kind with its description, a header kind once as `missing header <Name>`: the table as a list. */
export const KINDS: readonly { kind: string; description: string }[] = [
  ...Object.entries(ANSWER_KINDS).map(([kind, description]) => ({ kind, description })),
  ...Object.entries(WORKFLOW_KINDS).map(([kind, description]) => ({ kind, description })),
  ...Object.entries(HEADER_KINDS).map(([family, description]) => ({ kind: `${family} <Name>`, description })),
  ...Object.entries(UPSTREAM_KINDS).map(([kind, description]) => ({ kind, description })),
];

const NAMED: Record<string, string> = { ...ANSWER_KINDS, ...WORKFLOW_KINDS, ...UPSTREAM_KINDS };

/** What a kind means: a SARIF rule's text. */
export function kindDescription(kind: FindingKind): string {
  const family = (Object.keys(HEADER_KINDS) as HeaderFamily[]).find(f => kind.startsWith(`${f} `));
  return family ? HEADER_KINDS[family] : NAMED[kind]!;
}
