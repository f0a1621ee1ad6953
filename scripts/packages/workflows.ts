// test:packages: the contract's workflows under `redocly respect` fail against the broken API
// (broken-api.ts): a replay charged again, and a video that never finishes within the run's bound.
// That they pass against the mock is the CI line `npm run workflows -- --mock`.
import { loadContract } from '../../src/kernel/load.ts';
import { respectWorkflows } from '../respect.ts';
import { startBrokenApi } from './broken-api.ts';

/** A bound for the whole respect run that ends the never-finished poll (180 polls a second apart). */
const NEVER_FINISHES_MS = 3000;

export async function respectFailsAgainstBrokenApi(): Promise<string> {
  const api = await startBrokenApi(loadContract());
  try {
    const base = { baseUrl: api.url, apiKey: 'mg_test_packages', output: 'pipe' } as const;
    const replay = await respectWorkflows({ ...base, workflows: ['idempotent-replay-charged-once'] });
    if (replay.code === 0 || !/✗ GET \/v2\/billing\/balance - step balance-after/.test(replay.output))
      throw new Error(`a replay charged again passed (exit ${replay.code}):\n${replay.output}`);
    const video = await respectWorkflows({
      ...base,
      workflows: ['video-completes'],
      maxTimeMs: NEVER_FINISHES_MS,
    });
    if (video.code === 0 || !/Retrying step poll/.test(video.output))
      throw new Error(`a video that never finishes passed (exit ${video.code}):\n${video.output}`);
    return `exit ${replay.code}: the replay's balance-after step fails; exit ${video.code}: the poll is retried until the ${NEVER_FINISHES_MS} ms bound`;
  } finally {
    await api.close();
  }
}
