// Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.
import type { ValidateFunction } from 'ajv';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: string;
/** Schema pointer (`#/paths/...`, `#/components/...`) → its compiled validator. */
export declare const validators: Record<string, ValidateFunction>;
