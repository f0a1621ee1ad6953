// Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.
import type { ValidateFunction } from 'ajv';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: string;
/** Schema pointer (`#/paths/...`, `#/components/...`) → its compiled validator (instantiated when first read). */
export declare const validators: Record<string, ValidateFunction>;
/** A string's length in code points, exactly as Ajv's ucs2length counts it (minLength, maxLength). */
export declare function codePoints(text: string): number;
/** Whether a string is a URI, exactly as ajv-formats' full `uri` format judges it. */
export declare function uri(text: string): boolean;
