import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { toJob } from './job_view';
import type { RepairState } from './types';

const base: RepairState = {
  source: 'pinpoint-2020-05-18',
  target: 'pinpoint-2020-05-18-repaired',
  jobId: 'j',
  step: 'planned',
  sourceUuid: 'u',
  priorWriteBlock: false,
  sourceShards: 1,
  sourceReplicas: 1,
  reindexRuns: 0,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
};

test('progress while copying comes from the task counters, resumed copies included', () => {
  const job = toJob({ ...base, step: 'reindexing', sourceCount: 100, taskId: 'n:1' }, true, {
    total: 100,
    created: 30,
    updated: 0,
    version_conflicts: 20,
    batches: 1,
  });
  assert.deepEqual(job.docs, { total: 100, copied: 50 });
  assert.equal(job.stepNumber, 4);
  assert.equal(job.stepCount, 8);
  assert.equal(job.taskId, 'n:1');
  assert.equal(job.active, true);
});

test('before copying nothing is copied; after it everything is', () => {
  assert.equal(toJob(base, false).docs, undefined);
  assert.deepEqual(toJob({ ...base, step: 'write_blocked', sourceCount: 7 }, false).docs, {
    total: 7,
    copied: 0,
  });
  assert.deepEqual(toJob({ ...base, step: 'done', sourceCount: 7, targetCount: 7 }, false).docs, {
    total: 7,
    copied: 7,
  });
});

test('a failed job says where it failed and why, and carries no task', () => {
  const job = toJob(
    {
      ...base,
      step: 'failed',
      failedAfter: 'reindexed',
      failure: 'verification failed',
      taskId: 'n:1',
    },
    false
  );
  assert.equal(job.stepNumber, 5);
  assert.equal(job.failure, 'verification failed');
  assert.equal(job.taskId, undefined);
});
