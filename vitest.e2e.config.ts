// `npm run test:e2e`: the end-to-end files only (`*.e2e.test.ts`), with the suite's other settings.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({ test: { ...base.test, include: ['test/**/*.e2e.test.ts'], exclude: [] } });
