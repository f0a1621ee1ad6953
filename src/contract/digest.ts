// The fingerprint of a bundle: validators compiled ahead of time are used only for the exact
// bundle they were compiled from, so that a changed or hand-made spec never meets stale code.
import { createHash } from 'node:crypto';

export const specDigest = (spec: object) => createHash('sha256').update(JSON.stringify(spec)).digest('hex');
