// Links each error response of the docs site to the catalogue entries of the codes it can carry,
// so a reader goes from "402" on an operation to what to do about it; the entries link back
// (docs-catalogue.ts, "Returned by"). Codes come from the contract: a new code gets its link.
import { readContract } from '../src/kernel/contract.ts';
import { at } from '../src/kernel/pointer.ts';
import { anchorOf, type CatalogueTables } from './docs-catalogue.ts';

type Spec = Record<string, any>;

/** The line appended to an error response's description: its codes, each a link to its entry. */
const codeLinks = (codes: string[], errorCatalogue: CatalogueTables['errorCatalogue']) =>
  `**Error codes:** ${codes
    .map(code => {
      const entry = errorCatalogue[code];
      if (!entry) throw new Error(`error code ${code} is in the contract but not in generated/catalogue.ts`);
      return `[\`${code}\`](#${anchorOf(entry.docUrl)})`;
    })
    .join(', ')}`;

/** A copy of the bundle whose error responses link to their codes' entries; the bundle is untouched. */
export function withErrorLinks(
  spec: Spec,
  { errorCatalogue }: Pick<CatalogueTables, 'errorCatalogue'>,
): Spec {
  const copy = structuredClone(spec);
  // Responses are shared (components/responses): each is described once, with the codes it carries.
  const done = new Set<string>();
  for (const op of readContract(copy).operations) {
    for (const response of op.responses.filter(r => r.status >= 400 && r.errorCodes.length)) {
      if (done.has(response.pointer)) continue;
      done.add(response.pointer);
      const node = at(copy, response.pointer) as Record<string, unknown>;
      const description = String(node.description ?? '').trimEnd();
      node.description = `${description}\n\n${codeLinks(response.errorCodes, errorCatalogue)}`;
    }
  }
  return copy;
}
