// Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.
import type { PrecompiledBuild } from '../src/contract/precompiled.ts';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: PrecompiledBuild['bundleDigest'];
/** Requires the module of the code two or more groups share. */
export declare const shared: PrecompiledBuild['shared'];
/** Requires group g's module: `groups[g]()`. */
export declare const groups: PrecompiledBuild['groups'];
/** Schema pointer (`#/paths/...`, `#/components/...`) → its group and its function's name there. */
export declare const entries: PrecompiledBuild['entries'];
