// The workflows' artifacts of generated/: openapi/workflows.arazzo.yaml as shipped (its source
// description, `./openapi.yaml`, then names the bundle beside it) and as JSON, which the contract
// suite reads without a YAML parser (src/contract/workflows/arazzo.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';

export const WORKFLOWS_SOURCE = 'openapi/workflows.arazzo.yaml';

/** The workflows' files of generated/, path → content; the source must name the bundle it ships beside. */
export async function workflowArtifacts(dir: string, banner: string): Promise<[string, string][]> {
  const text = await readFile(join(dir, WORKFLOWS_SOURCE), 'utf8');
  const arazzo = YAML.parse(text) as { sourceDescriptions?: { url?: string }[] };
  const urls = (arazzo.sourceDescriptions ?? []).map(d => d.url);
  if (urls.length !== 1 || urls[0] !== './openapi.yaml')
    throw new Error(
      `${WORKFLOWS_SOURCE}: sourceDescriptions must be the one url ./openapi.yaml, not ${urls}`,
    );
  return [
    ['generated/workflows.arazzo.yaml', `# ${banner}\n${text}`],
    ['generated/workflows.arazzo.json', JSON.stringify(arazzo, null, 2) + '\n'],
  ];
}
