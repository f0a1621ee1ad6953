// One change between two versions of the contract, and who it breaks. Every rule of the diff
// produces these; the gate, the CLI and the changelog only read them.

/** Whose code stops working: client code written against the base, servers held by the contract suite, or both. */
export type Breaks = 'clients' | 'servers' | 'both';
export type Section = 'breaking' | 'added' | 'changed' | 'deprecated';

export interface Change {
  /** A stable name of the rule that found it, e.g. `request-property-required-added`. */
  rule: string;
  section: Section;
  /** Set when the change is breaking. */
  breaks?: Breaks;
  /** One line, e.g. "`duration` became required in the request body". */
  message: string;
  /** The operations (operationId) and error/failure codes it concerns, for the changelog. */
  operations: string[];
  codes: string[];
  /** JSON pointer of the changed node: in the head bundle, or in the base one for something removed. */
  pointer: string;
  side: 'head' | 'base';
  /** `openapi/paths/models.yaml:12`, filled in once all changes are known. */
  where?: string;
  /** The reason of an `x-breaking-allowed` that covers it. */
  allowed?: string;
}

export interface Scope {
  operations: string[];
  codes?: string[];
}

/** What a rule says of a change: whom it breaks, or the changelog section of a change that breaks no one. */
export type Kind = Breaks | Exclude<Section, 'breaking'>;

/** A change found at `pointer`, with its section derived from what it breaks. */
export function change(
  rule: string,
  message: string,
  pointer: string,
  scope: Scope,
  kind: Kind,
  side: 'head' | 'base' = 'head',
): Change {
  const breaking = kind === 'clients' || kind === 'servers' || kind === 'both';
  return {
    rule,
    section: breaking ? 'breaking' : kind,
    ...(breaking ? { breaks: kind } : {}),
    message,
    operations: [...scope.operations],
    codes: [...(scope.codes ?? [])],
    pointer,
    side,
  };
}
