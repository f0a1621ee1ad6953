// Ajv's standalone code as top-level declarations (`const schemaN`, `const patternN`, `function
// validateN` with its `validateN.evaluated = ...`), each with the declarations it uses, so that
// scripts/validators.ts can write what several groups reach once. Read with TypeScript's parser.
import ts from 'typescript';

export interface Declaration {
  name: string;
  /** Its statements as Ajv wrote them. */
  code: string;
  /** The other top-level declarations it names. */
  uses: string[];
  /** The helpers (names given, not declared) it names. */
  helpers: string[];
}

/** The name a top-level statement declares or extends (`validateN.evaluated = ...`), or an export's. */
function statementName(statement: ts.Statement): {
  declares?: string;
  extends?: string;
  exports?: [string, string];
} {
  if (ts.isFunctionDeclaration(statement) && statement.name) return { declares: statement.name.text };
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const name = statement.declarationList.declarations[0]!.name;
    if (ts.isIdentifier(name)) return { declares: name.text };
  }
  if (ts.isExpressionStatement(statement)) {
    const e = statement.expression;
    if (ts.isStringLiteral(e) && e.text === 'use strict') return {};
    if (
      ts.isBinaryExpression(e) &&
      e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(e.left) &&
      ts.isIdentifier(e.left.expression)
    ) {
      if (e.left.expression.text === 'exports' && ts.isIdentifier(e.right))
        return { exports: [e.left.name.text, e.right.text] };
      return { extends: e.left.expression.text };
    }
  }
  throw new Error(
    `scripts/validators.ts: unexpected statement in Ajv's code: ${statement.getText().slice(0, 120)}`,
  );
}

/** Every identifier under `node`. */
function identifiers(node: ts.Node, out = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node)) out.add(node.text);
  ts.forEachChild(node, child => void identifiers(child, out));
  return out;
}

/**
 * The declarations of `code` in their order, and its exports (`exports.pN = validateK`: pN → validateK).
 * `helpers` are names the code uses without declaring them (handed to its module).
 */
export function declarationsOf(code: string, helpers: string[]) {
  const source = ts.createSourceFile('ajv.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const statements = new Map<string, ts.Statement[]>();
  const exported = new Map<string, string>();
  for (const statement of source.statements) {
    const named = statementName(statement);
    if (named.exports) exported.set(...named.exports);
    const name = named.declares ?? named.extends;
    if (name === undefined) continue;
    if (named.declares && statements.has(name))
      throw new Error(`scripts/validators.ts: ${name} declared twice`);
    if (named.extends && !statements.has(name))
      throw new Error(`scripts/validators.ts: ${name} used before its declaration`);
    statements.set(name, [...(statements.get(name) ?? []), statement]);
  }
  const declarations = new Map<string, Declaration>();
  for (const [name, parts] of statements) {
    const named = new Set<string>();
    parts.forEach(part => identifiers(part, named));
    declarations.set(name, {
      name,
      code: parts.map(part => part.getText(source)).join('\n'),
      uses: [...named].filter(n => n !== name && statements.has(n)),
      helpers: helpers.filter(h => named.has(h)),
    });
  }
  return { declarations, exported };
}
