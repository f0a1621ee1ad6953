// The video jobs on a fake clock: by default each poll moves a job one step; with the realistic
// latency profile only time does, so a video takes its minutes however often a UI polls it.
import { loadContract } from '../../src/kernel/load.ts';
import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/kernel/contract.ts';
import { createMock } from '../../src/mock/index.ts';
import { jobTemplates } from '../../src/mock/state/job-bodies.ts';
import { VideoJobs } from '../../src/mock/state/jobs.ts';

const templates = jobTemplates(findOperation(loadContract(), 'getVideoGeneration')!);

function jobsAt(advanceOnPoll: boolean) {
  const clock = { now: 0 };
  const jobs = new VideoJobs(templates, {
    stepMs: 30_000,
    defaultSteps: 4,
    advanceOnPoll,
    now: () => clock.now,
  });
  const usage = { total_cost: 0.5, billable_unit: 'video_second' as const, unit_price: 0.1, quantity: 5 };
  const video = {
    ...{ origin: 'http://127.0.0.1:4010', width: 1920, height: 1080, duration: 5, fps: 24 },
    ...{ hasSound: false, deletesAt: 86_400_000, label: 'a lighthouse' },
  };
  const job = jobs.create({ model: 'seedance-v1-pro', usage, video }, { kind: 'completed' });
  return { clock, statusOf: () => jobs.poll(job).body.status };
}

describe('video jobs over polls and time', () => {
  it('move one step per poll by default', () => {
    const { statusOf } = jobsAt(true);
    expect([statusOf(), statusOf(), statusOf(), statusOf(), statusOf()]).toEqual([
      'pending',
      'processing',
      'processing',
      'processing',
      'completed',
    ]);
  });

  it('move only with time when polls do not advance them', () => {
    const { clock, statusOf } = jobsAt(false);
    expect([statusOf(), statusOf(), statusOf(), statusOf(), statusOf()]).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    clock.now = 30_000;
    expect(statusOf()).toBe('processing');
    clock.now = 119_999;
    expect(statusOf()).toBe('processing');
    clock.now = 120_000;
    expect(statusOf()).toBe('completed');
  });

  it('the realistic latency profile makes a video take two minutes, polled or not', async () => {
    const mock = await createMock({ latency: 'realistic', log: () => {} });
    try {
      const headers = { authorization: 'Bearer mg_test_realistic', 'content-type': 'application/json' };
      const created = await mock.handle(
        new Request('http://mock.local/v2/videos/generations', {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'slow' }),
        }),
      );
      const { id } = (await created.json()) as { id: string };
      const job = mock.state.job(id)!;
      expect(job.endsAt - job.createdAt).toBe(4 * 30_000);
      const polled = await mock.handle(
        new Request(`http://mock.local/v2/videos/generations/${id}`, { headers }),
      );
      expect(((await polled.json()) as { status: string }).status).toBe('pending');
    } finally {
      await mock.close();
    }
  }, 30_000);
});
