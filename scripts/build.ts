// `npm run build`: bundle openapi/ and regenerate generated/.
// `npm run check`: fail when the committed generated/ differs from what openapi/ produces.
import { BuildError, buildArtifacts, syncArtifacts } from './artifacts.ts';

const check = process.argv.includes('--check');
try {
  const stale = await syncArtifacts(await buildArtifacts(), { write: !check });
  if (check && stale.length) {
    console.error(`generated/ is stale; run \`npm run build\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    check
      ? 'generated/ is current.'
      : stale.length
        ? `updated ${stale.join(', ')}`
        : 'generated/ was already current.',
  );
} catch (err) {
  console.error(err instanceof BuildError ? err.message : err);
  process.exit(1);
}
