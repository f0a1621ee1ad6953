// The repository's root folder (with a trailing slash): what scripts, benches and tests resolve from.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
