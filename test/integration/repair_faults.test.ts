/**
 * Fault injection: the repair is killed at a random step of its state machine, then run again by a fresh
 * runner (a new process, as far as the repair can tell). Pins: after the re-run, every source document id is
 * present exactly once under `<prefix>*`, the count is equal, no index is left write-blocked or hidden, the
 * original name resolves to the copy. Kills are in-process crashes at a kill point (nothing more is written,
 * as when a process dies), in some trials together with a hard OpenSearch restart (SIGKILL), and in some a
 * restart under the running repair (the reindex task is lost with its node).
 *
 * Uses its OWN OpenSearch node (started here, restarted here): the shared node must not be disturbed.
 * Reproduce a run with REPAIR_FAULT_SEED=<seed printed in the output>.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import { startOpenSearchNode, type OpenSearchNode } from '../../scripts/lib/opensearch_node';
import type { OpenSearchClient } from '../../server/osd_port';
import { RepairService } from '../../server/services/repair/repair_service';
import {
  REPAIR_KILL_POINTS,
  type RepairHooks,
  type RepairKillPoint,
} from '../../server/services/repair/types';
import {
  allIds,
  loadBeforeTemplate,
  pastDay,
  uniquePrefix,
  writeBlocked,
} from '../support/repair_fixtures';

const TRIALS = Number(process.env.REPAIR_FAULT_TRIALS ?? 24);
const MIN_KILLED = 20;
const DOCS = 3000;
const SEED = Number(process.env.REPAIR_FAULT_SEED ?? Date.now() % 1_000_000);

/** Kill points on the success path (the failure path has its own test below). */
const SUCCESS_POINTS = REPAIR_KILL_POINTS.filter((p) => !p.startsWith('failed:'));

type KillMode = 'crash' | 'crash+restart' | 'restart-under-run';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every kill point once, in a random order, then random points up to TRIALS. A third of the kills come with a
 * hard OpenSearch restart; killing the node under a running copy (the task is lost) is always among them.
 */
function scheduleTrials(random: () => number): Array<{ point: RepairKillPoint; mode: KillMode }> {
  const points: RepairKillPoint[] = [...SUCCESS_POINTS];
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  while (points.length < TRIALS)
    points.push(SUCCESS_POINTS[Math.floor(random() * SUCCESS_POINTS.length)]);
  const trials = points.map((point): { point: RepairKillPoint; mode: KillMode } => {
    const mode: KillMode = random() < 1 / 3 ? 'crash+restart' : 'crash';
    return { point, mode };
  });
  trials.push({ point: 'reindexing:waiting', mode: 'restart-under-run' });
  return trials;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let node: OpenSearchNode;
let client: OpenSearchClient;

beforeAll(async () => {
  node = await startOpenSearchNode({ heap: '768m' });
  client = new Client({
    node: node.url,
    requestTimeout: 60_000,
    maxRetries: 0,
  }) as unknown as OpenSearchClient;
});

afterAll(async () => {
  await node?.stop();
});

class Killed extends Error {}

/** A hook that acts at the `nth` time `point` is reached, once. */
function killAt(
  point: RepairKillPoint,
  nth: number,
  act: () => Promise<void>
): RepairHooks & { fired: boolean } {
  let seen = 0;
  const hooks = {
    fired: false,
    async at(reached: RepairKillPoint) {
      if (hooks.fired || reached !== point) return;
      seen += 1;
      if (seen < nth) return;
      hooks.fired = true;
      await act();
    },
  };
  return hooks;
}

async function resolveAll(pattern: string): Promise<{
  indices: Array<{ name: string; attributes: string[] }>;
  aliases: Array<{ name: string; indices: string[] }>;
}> {
  const { body } = await client.transport.request<{
    indices: Array<{ name: string; attributes: string[] }>;
    aliases: Array<{ name: string; indices: string[] }>;
  }>({
    method: 'GET',
    path: `/_resolve/index/${encodeURIComponent(pattern)}`,
    querystring: { expand_wildcards: 'all' },
  });
  return body;
}

async function checkRepaired(prefix: string, index: string, ids: string[]): Promise<void> {
  const after = await allIds(client, `${prefix}*`);
  const seen = new Map<string, number>();
  for (const id of after) seen.set(id, (seen.get(id) ?? 0) + 1);
  const lost = ids.filter((id) => !seen.has(id));
  const duplicated = [...seen.entries()].filter(([, n]) => n > 1);
  assert.equal(lost.length, 0, `${lost.length} documents lost`);
  assert.equal(duplicated.length, 0, `${duplicated.length} documents duplicated`);
  assert.equal(after.length, ids.length);
  assert.deepEqual(await writeBlocked(client, prefix), [], 'a write block was left behind');
  const resolved = await resolveAll(`${prefix}*`);
  assert.deepEqual(
    resolved.indices.map((i) => [i.name, i.attributes.includes('hidden')]),
    [[`${index}-repaired`, false]],
    'exactly the repaired copy, not hidden'
  );
  assert.deepEqual(resolved.aliases, [{ name: index, indices: [`${index}-repaired`] }]);
}

test(`killed at random steps (${TRIALS + 1} trials, seed ${SEED}): 0 lost, 0 duplicated after a re-run`, async () => {
  const random = rng(SEED);
  const day = pastDay(3);
  const tally = { killed: 0, restarts: 0 };
  const byPoint = new Map<string, number>();
  const schedule = scheduleTrials(random);
  for (const [trial, { point, mode }] of schedule.entries()) {
    const prefix = uniquePrefix(`fault${trial}`);
    const [index] = await loadBeforeTemplate(client, prefix, [day], DOCS);
    const ids = await allIds(client, `${prefix}*`);
    assert.equal(ids.length, DOCS);

    const hooks = killAt(point, 1, async () => {
      if (mode !== 'crash') {
        tally.restarts += 1;
        await node.restart({ hard: true });
      }
      if (mode !== 'restart-under-run') throw new Killed(`killed at ${point}`);
    });

    const first = new RepairService(client, quiet, {
      hooks,
      progressIntervalMs: 20,
      sampleSize: 50,
    });
    let firstError: unknown;
    try {
      await first.repair(index, prefix);
    } catch (error) {
      firstError = error;
    }
    if (hooks.fired) {
      tally.killed += 1;
      byPoint.set(`${point} (${mode})`, (byPoint.get(`${point} (${mode})`) ?? 0) + 1);
    }
    if (firstError && !(firstError instanceof Error && firstError.name === 'RepairInterrupted')) {
      throw firstError;
    }

    // A fresh runner, as after a process restart.
    const second = new RepairService(client, quiet, { progressIntervalMs: 50, sampleSize: 50 });
    const state = await second.repair(index, prefix);
    assert.equal(
      state.step,
      'done',
      `trial ${trial} at ${point} (${mode}): ${JSON.stringify(state)}`
    );
    assert.equal(state.targetCount, DOCS);
    await checkRepaired(prefix, index, ids);
    await client.transport.request({
      method: 'DELETE',
      path: `/${encodeURIComponent(`${prefix}*`)}`,
      querystring: { expand_wildcards: 'all' },
    });
  }
  // The tally is the figure the closing note quotes: keep it in the run's log.
  console.info(
    `seed ${SEED}: ${tally.killed} of ${schedule.length} trials killed, ${tally.restarts} OpenSearch restarts; lost 0, duplicated 0`
  );
  console.info(
    [...byPoint.entries()]
      .sort()
      .map(([p, n]) => `${p}: ${n}`)
      .join('; ')
  );
  assert.ok(tally.killed >= MIN_KILLED, `only ${tally.killed} trials were killed`);
});

test('two runners on the same job at once: both end done, nothing duplicated (5 races)', async () => {
  for (let race = 0; race < 5; race++) {
    const prefix = uniquePrefix(`faultpair${race}`);
    const [index] = await loadBeforeTemplate(client, prefix, [pastDay(4)], DOCS);
    const ids = await allIds(client, `${prefix}*`);
    const a = new RepairService(client, quiet, { progressIntervalMs: 20 });
    const b = new RepairService(client, quiet, { progressIntervalMs: 20 });
    await a.start(index, prefix);
    const [sa, sb] = await Promise.all([a.run(index), b.run(index)]);
    assert.equal(sa.step, 'done');
    assert.equal(sb.step, 'done');
    assert.equal(sa.jobId, sb.jobId);
    await checkRepaired(prefix, index, ids);
  }
});

test('a failed job rolls back, killed half-way through the rollback too; an index not ours is never touched', async () => {
  const prefix = uniquePrefix('faultrollback');
  const [index] = await loadBeforeTemplate(client, prefix, [pastDay(5)], 500);
  const target = `${index}-repaired`;
  // Someone creates an index under the copy's name while the repair runs: the job must fail, not take it.
  const hooks: RepairHooks = {
    async at(point) {
      if (point === 'write_blocked:before') {
        await client.transport.request({ method: 'PUT', path: `/${target}`, body: {} });
      }
      if (point === 'failed:acted') throw new Killed('killed during the rollback');
    },
  };
  const first = new RepairService(client, quiet, { hooks });
  await assert.rejects(first.repair(index, prefix), { name: 'RepairInterrupted' });

  const second = new RepairService(client, quiet);
  const progress = await second.progress(index);
  assert.equal(progress.step, 'failed');
  assert.match(progress.failure ?? '', /exists that the repair did not make/);
  // The re-run finishes the rollback and then refuses to plan over the foreign index.
  await assert.rejects(second.repair(index, prefix), (error: Error) => {
    assert.equal(error.name, 'ConflictError');
    assert.match(error.message, /was not made by a repair/);
    return true;
  });
  assert.deepEqual(await writeBlocked(client, prefix), [], 'the source is writable again');
  const resolved = await resolveAll(`${prefix}*`);
  assert.deepEqual(resolved.indices.map((i) => i.name).sort(), [index, target]);
  assert.equal((await allIds(client, index)).length, 500);
});
