// Size of the browser entry as a browser app would ship it: bundled, minified, gzipped.
// Fails (exit 1) over the budget. Run: npx tsx bench/client-size.ts
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { versionOf, writeSection } from './results.ts';

const budget = 5000; // bytes, gzipped
const result = await build({
  entryPoints: ['src/client/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const code = result.outputFiles[0]!.contents;
const gzip = gzipSync(code, { level: 9 }).length;
const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
console.log('client-size: src/client/index.ts, esbuild --bundle --minify --platform=browser, gzip -9');
for (const [file, { bytesInOutput }] of Object.entries(inputs).sort(
  (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
)) {
  if (bytesInOutput > 0) console.log(`  ${file.padEnd(48)} ${String(bytesInOutput).padStart(6)} B minified`);
}
console.log(`  total ${code.length} B minified, ${gzip} B gzipped (budget ${budget} B)`);
await writeSection({
  id: '10-client-size',
  title: 'Client size in a browser bundle',
  method:
    'src/client/index.ts bundled by esbuild (--bundle --minify --platform=browser), then gzip -9. The same at every setting: size does not depend on the machine.',
  command: 'npx tsx bench/client-size.ts',
  figures: [
    { name: 'client, minified', value: code.length, unit: 'B' },
    {
      name: 'client, minified + gzipped',
      value: gzip,
      unit: 'B',
      peer: { name: 'budget', value: budget },
      ratio: gzip / budget,
      target: `≤ ${budget} B`,
      met: gzip <= budget,
    },
  ],
  tools: { esbuild: await versionOf('esbuild') },
});
if (gzip > budget) {
  console.error(`client-size: FAIL, ${gzip - budget} B over budget`);
  process.exit(1);
}
console.log('client-size: OK');
