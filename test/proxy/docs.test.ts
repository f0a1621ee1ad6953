// The proxy's docs stay true: the guide is a section of the docs site, every proxy command in it
// and in the README parses, and the strict-mode 502 it shows is a contract-valid answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from '../../src/contract/index.ts';
import { parseProxyArgs } from '../../src/proxy/cli.ts';
import { createUpstream } from '../../src/proxy/forward.ts';
import { readGuides, withGuides } from '../../scripts/docs-guides.ts';
import { root } from '../../scripts/root.ts';

const guide = readFileSync(join(root, 'docs/proxy.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The arguments after `proxy` of every `mediagen-contract proxy` / `npm run proxy --` command shown. */
const commands = (markdown: string) =>
  [...markdown.matchAll(/(?:mediagen-contract proxy|npm run proxy --) ([^\n#`]+)/g)].map(m =>
    m[1]!.trim().split(/\s+/),
  );

describe('the proxy docs', () => {
  it('are a top-level section of the docs site, after the overview', async () => {
    const spec = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8'));
    const description: string = withGuides(spec, await readGuides()).info.description;
    expect(description.startsWith(spec.info.description.trimEnd())).toBe(true);
    expect(description).toContain('\n\n# Validating proxy\n');
  });

  it('name the proxy where it ships: the contract package, not the mock', () => {
    for (const text of [guide, readme])
      expect(text.match(/mediagen-mock proxy|npm start -- proxy|@mediagen\/mock\/proxy/g)).toBeNull();
  });

  it('show only commands the proxy accepts', () => {
    const shown = [...commands(guide), ...commands(readme)].filter(args => !args[0]!.startsWith('<'));
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const args of shown) {
      const options = parseProxyArgs(args, {});
      expect(options, args.join(' ')).not.toBe('help');
      if (options !== 'help') createUpstream(options.upstream).agent.destroy(); // throws on a URL it cannot use
    }
  });

  it('show a strict-mode 502 the contract allows', () => {
    const [, head, body] = /(HTTP\/1\.1 502[^\n]*\n(?:[^\n]+\n)+)\n(\{[^\n]+\})/.exec(guide)!;
    const headers = Object.fromEntries(
      head!
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map(line =>
          line
            .split(/: (.*)/)
            .slice(0, 2)
            .map(s => s.trim()),
        ),
    );
    expect(
      createContractValidator().checkResponse('getBalance', {
        status: 502,
        headers,
        body: JSON.parse(body!),
      }),
    ).toEqual([]);
  });
});
