// House conventions of the Mediagen contract, enforced by `redocly lint` (see redocly.yaml).
// Each rule reads the catalogue facts (`x-status`) from the error code schemas themselves.

const ERROR_STATUS = /^[45]\d\d$/;
const ALWAYS = ['401', '403', '429', '500', '502', '503', '504'];
const WITH_INPUT = ['400'];
const WITH_BODY = ['402', '409', '413', '415', '422'];

/**
 * A node with its $refs followed. Refs are relative to the file they are written in, so each step
 * carries that file along: `at(node, from)` returns { node, from }.
 */
function follow(ctx, node, from) {
  let current = node;
  let source = from;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i++) {
    const hit = ctx.resolve(current, source);
    if (!hit.location) return { node: undefined, from: source };
    current = hit.node;
    source = hit.location.source.absoluteRef;
  }
  return { node: current, from: source };
}

/** `follow` down a path of keys, following $refs at every step. */
function walk(ctx, node, from, ...keys) {
  let hit = follow(ctx, node, from);
  for (const key of keys) hit = follow(ctx, hit.node?.[key], hit.from);
  return hit;
}

/** A schema's single admitted value: `enum: [value]` (the house form) or `const`. */
const fixed = schema =>
  schema && 'const' in schema ? schema.const : schema?.enum?.length === 1 ? schema.enum[0] : undefined;

/** The error code schemas a response body allows: [{ code, status, title }], or undefined. */
function errorCodes(ctx, response, from) {
  const error = walk(ctx, response, from, 'content', 'application/json', 'schema', 'properties', 'error');
  if (!error.node) return undefined;
  const members = error.node.oneOf ? error.node.oneOf.map(m => follow(ctx, m, error.from)) : [error];
  return members.map(({ node: schema, from: at }) => {
    const own =
      (schema?.allOf ?? [])
        .map(part => follow(ctx, part, at).node)
        .find(part => fixed(part?.properties?.code) !== undefined) ?? schema;
    return { code: fixed(own?.properties?.code), status: schema?.['x-status'], title: schema?.title };
  });
}

/** Every API operation declares the error statuses that can happen to it. */
function ErrorStatuses() {
  return {
    Paths: {
      Operation(operation, ctx) {
        const declared = Object.keys(operation.responses ?? {});
        const expected = [...ALWAYS];
        // A path parameter that is an opaque id cannot be malformed: an id that names nothing is a 404.
        const input = (operation.parameters ?? []).some(
          p => (p.$ref ? ctx.resolve(p).node : p)?.in !== 'path',
        );
        if (input || operation.requestBody) expected.push(...WITH_INPUT);
        if (operation.requestBody) expected.push(...WITH_BODY);
        for (const status of expected.filter(s => !declared.includes(s))) {
          ctx.report({
            message: `${operation.operationId} must declare a ${status} response.`,
            location: ctx.location.child('responses').key(),
          });
        }
      },
    },
  };
}

/**
 * Every error response: the envelope with typed codes, codes whose catalogue status is the response
 * status, and a named example for each code (and no example of a code the response does not allow).
 */
function ErrorResponses() {
  return {
    Paths: {
      Operation(operation, ctx) {
        for (const [status, raw] of Object.entries(operation.responses ?? {})) {
          if (!ERROR_STATUS.test(status)) continue;
          const at = ctx.location.child(['responses', status]);
          const from = ctx.location.source.absoluteRef;
          const codes = errorCodes(ctx, raw, from);
          if (!codes) {
            ctx.report({
              message: `${operation.operationId} ${status}: the body must be the error envelope { error: <code schema> }.`,
              location: at,
            });
            continue;
          }
          for (const { code, status: codeStatus, title } of codes) {
            if (!code)
              ctx.report({
                message: `${operation.operationId} ${status}: ${title} has no single-value properties.code.enum.`,
                location: at,
              });
            else if (String(codeStatus) !== status)
              ctx.report({
                message: `${operation.operationId} ${status}: code ${code} is catalogued with x-status ${codeStatus}.`,
                location: at,
              });
          }
          const examples = walk(ctx, raw, from, 'content', 'application/json', 'examples');
          const shown = Object.values(examples.node ?? {}).map(
            e => follow(ctx, e, examples.from).node?.value?.error?.code,
          );
          for (const { code } of codes) {
            if (code && !shown.includes(code))
              ctx.report({
                message: `${operation.operationId} ${status}: no named example shows code ${code}.`,
                location: at,
              });
          }
          for (const code of shown) {
            if (!codes.some(c => c.code === code))
              ctx.report({
                message: `${operation.operationId} ${status}: an example uses code ${code}, which this response does not allow.`,
                location: at,
              });
          }
        }
      },
    },
  };
}

/**
 * Response headers: X-Request-Id everywhere; Retry-After on 429 and 503; X-RateLimit-* on every
 * answer of an operation (each is counted in the key's window), required on 429.
 */
function ResponseHeaders() {
  const need = status => [
    'X-Request-Id',
    ...(status === '429' || status === '503' ? ['Retry-After'] : []),
    'X-RateLimit-Limit',
    'X-RateLimit-Remaining',
    'X-RateLimit-Reset',
  ];
  const check = (responses, ctx, operationId) => {
    for (const [status, raw] of Object.entries(responses ?? {})) {
      const headers = walk(ctx, raw, ctx.location.source.absoluteRef, 'headers').node ?? {};
      for (const name of need(status).filter(h => !headers[h])) {
        ctx.report({
          message: `${operationId} ${status} must declare the ${name} header.`,
          location: ctx.location.child(['responses', status]),
        });
      }
    }
  };
  return {
    Paths: { Operation: (operation, ctx) => check(operation.responses, ctx, operation.operationId) },
    Components: {
      NamedResponses(responses, ctx) {
        for (const [name, raw] of Object.entries(responses)) {
          const headers = walk(ctx, raw, ctx.location.source.absoluteRef, 'headers').node ?? {};
          if (!headers['X-Request-Id'])
            ctx.report({
              message: `Response ${name} must declare the X-Request-Id header.`,
              location: ctx.location.child([name]),
            });
        }
      },
    },
  };
}

/** Every error code schema carries its catalogue facts. */
function CatalogueEntries() {
  return {
    Root: {
      leave(root, ctx) {
        const from = ctx.location.source.absoluteRef;
        for (const [union, facts] of [
          ['ApiError', ['x-status', 'x-retryable', 'x-action']],
          ['TaskError', ['x-retryable', 'x-action']],
        ]) {
          const members = walk(ctx, root, from, 'components', 'schemas', union);
          if (!members.node?.oneOf)
            ctx.report({
              message: `components.schemas.${union} must be a oneOf of the error code schemas.`,
              location: ctx.location.child(['components', 'schemas']),
            });
          for (const member of members.node?.oneOf ?? []) {
            const schema = follow(ctx, member, members.from).node;
            for (const fact of facts.filter(f => schema?.[f] === undefined)) {
              ctx.report({
                message: `${schema?.title ?? member.$ref}: the catalogue fact ${fact} is missing.`,
                location: ctx.location.child(['components', 'schemas', union]),
              });
            }
          }
        }
      },
    },
  };
}

/**
 * A discriminating value is `type` + `enum: [value]`: openapi-zod-client reads only `enum` as a
 * literal, orval only a typed schema; `const`, or an untyped enum, is `unknown` to one of them.
 */
function DiscriminatorValues() {
  return {
    Schema(schema, ctx) {
      if ('const' in schema)
        ctx.report({
          message: `const ${JSON.stringify(schema.const)}: write a single value as type + enum: [value].`,
          location: ctx.location.child('const'),
        });
      else if (schema.enum?.length === 1 && schema.type === undefined)
        ctx.report({
          message: `enum [${JSON.stringify(schema.enum[0])}] must say its type.`,
          location: ctx.location.child('enum'),
        });
    },
  };
}

/**
 * Every property says what it is: its own description, that of the schema it references, or (in an
 * allOf) that of the same property in another member, as an error code's `code` narrows ErrorBase's.
 */
function PropertyDescriptions() {
  const described = (ctx, property, from) =>
    Boolean(property?.description || follow(ctx, property, from).node?.description);
  return {
    Schema(schema, ctx) {
      // An inline allOf member is checked with its siblings, by the schema that holds them.
      if (/\/allOf\/\d+$/.test(ctx.location.pointer)) return;
      const from = ctx.location.source.absoluteRef;
      const members = [{ node: schema, from, at: [] }].concat(
        (schema.allOf ?? []).map((m, i) => ({ ...follow(ctx, m, from), at: m.$ref ? null : ['allOf', i] })),
      );
      const known = new Set();
      for (const m of members)
        for (const [name, p] of Object.entries(m.node?.properties ?? {}))
          if (described(ctx, p, m.from)) known.add(name);
      for (const m of members.filter(m => m.at)) {
        for (const name of Object.keys(m.node?.properties ?? {}).filter(n => !known.has(n)))
          ctx.report({
            message: `Property ${name} has no description.`,
            location: ctx.location.child([...m.at, 'properties', name]),
          });
      }
    },
  };
}

/** OpenAPI 3.1 deprecates `example` in a schema: `examples` is JSON Schema's list. */
function SchemaExamples() {
  return {
    Schema(schema, ctx) {
      if ('example' in schema)
        ctx.report({
          message: 'A schema takes `examples: [...]`, not the deprecated `example`.',
          location: ctx.location.child('example'),
        });
    },
  };
}

/** An `x-breaking-allowed` exception to the breaking-change gate (`npm run diff`) says why. */
function BreakingAllowed() {
  return {
    any(node, ctx) {
      if (!node || typeof node !== 'object' || !('x-breaking-allowed' in node)) return;
      const reason = node['x-breaking-allowed'];
      if (typeof reason !== 'string' || !reason.trim())
        ctx.report({
          message: 'x-breaking-allowed must give the reason, as a non-empty string.',
          location: ctx.location.child('x-breaking-allowed'),
        });
    },
  };
}

export default function housePlugin() {
  return {
    id: 'house',
    rules: {
      oas3: {
        'error-statuses': ErrorStatuses,
        'error-responses': ErrorResponses,
        'response-headers': ResponseHeaders,
        'catalogue-entries': CatalogueEntries,
        'breaking-allowed': BreakingAllowed,
        'discriminator-values': DiscriminatorValues,
        'property-descriptions': PropertyDescriptions,
        'schema-examples': SchemaExamples,
      },
    },
  };
}
