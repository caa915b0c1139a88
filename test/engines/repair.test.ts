/**
 * Detection and repair of pre-template indices on every engine, with the kill-and-resume check: an index
 * filled before any template (timestamps mapped as `long`) is found, the repair is killed at a step (as a
 * crashed process stops: nothing more is written), a fresh runner resumes it from the state persisted in the
 * cluster, and then every document is there exactly once, nothing is left write-blocked or hidden, and the old
 * name resolves to the copy. Uses the engine APIs the repair relies on: write blocks (`_block/write`, 7.9+),
 * `_reindex` tasks, hidden indices (7.7+), `_resolve/index` (7.9+) and alias swaps.
 */
import assert from 'node:assert/strict';
import { afterAll, describe, it } from '@jest/globals';
import type { Logger } from '../../server/osd_port';
import { RepairService } from '../../server/services/repair/repair_service';
import type { RepairHooks, RepairKillPoint } from '../../server/services/repair/types';
import {
  allIds,
  cleanupPrefix,
  loadBeforeTemplate,
  pastDay,
  writeBlocked,
} from '../support/repair_fixtures';
import {
  allEnginesUnderTest,
  enginePrefix,
  type EngineUnderTest,
} from './support/engines_under_test';

const DOCS = 600;
/** One kill during the copy, one at the swap: the two places a lost or duplicated document could come from. */
const KILL_POINTS: RepairKillPoint[] = ['target_created:task-started', 'swapped:before'];
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

class Killed extends Error {}

function killAt(point: RepairKillPoint): RepairHooks & { fired: boolean } {
  const hooks = {
    fired: false,
    at(reached: RepairKillPoint) {
      if (hooks.fired || reached !== point) return;
      hooks.fired = true;
      throw new Killed(`killed at ${point}`);
    },
  };
  return hooks;
}

describe.each(allEnginesUnderTest().map((e) => [e.info.label, e] as const))(
  'repair on %s',
  (_label, engine: EngineUnderTest) => {
    const prefixes: string[] = [];
    afterAll(async () => {
      for (const prefix of prefixes) await cleanupPrefix(engine.client, prefix);
    });

    it.each(KILL_POINTS)(
      'killed at %s, resumed by a fresh runner: 0 lost, 0 duplicated',
      async (point) => {
        const prefix = enginePrefix(`rep${KILL_POINTS.indexOf(point)}`, engine.name);
        prefixes.push(prefix);
        const [index] = await loadBeforeTemplate(engine.client, prefix, [pastDay(3)], DOCS);
        const ids = await allIds(engine.client, `${prefix}*`);
        assert.equal(ids.length, DOCS);

        const detector = new RepairService(engine.client, quiet);
        const candidates = await detector.candidates(prefix);
        assert.deepEqual(
          candidates.map((c) => [c.index, c.refusal]),
          [[index, undefined]]
        );
        assert.ok(
          candidates[0].fields.some((f) => f.field === 'arrival_timestamp' && f.type === 'long')
        );

        const hooks = killAt(point);
        const first = new RepairService(engine.client, quiet, {
          hooks,
          progressIntervalMs: 20,
          sampleSize: 50,
        });
        // The runner reports the crash as RepairInterrupted (or lets the kill through): either way it stopped.
        const crash = await first.repair(index, prefix).then(
          () => undefined,
          (error: unknown) => error
        );
        assert.equal(hooks.fired, true);
        assert.ok(
          crash instanceof Killed || (crash instanceof Error && crash.name === 'RepairInterrupted'),
          `expected the kill, got ${String(crash)}`
        );

        const second = new RepairService(engine.client, quiet, {
          progressIntervalMs: 50,
          sampleSize: 50,
        });
        const state = await second.repair(index, prefix);
        assert.equal(state.step, 'done', JSON.stringify(state));
        assert.equal(state.targetCount, DOCS);

        const after = await allIds(engine.client, `${prefix}*`);
        const seen = new Map<string, number>();
        for (const id of after) seen.set(id, (seen.get(id) ?? 0) + 1);
        assert.equal(ids.filter((id) => !seen.has(id)).length, 0, 'documents lost');
        assert.equal([...seen.values()].filter((n) => n > 1).length, 0, 'documents duplicated');
        assert.deepEqual(
          await writeBlocked(engine.client, prefix),
          [],
          'a write block was left behind'
        );
        const resolved = await engine.http<{
          indices: Array<{ name: string; attributes: string[] }>;
          aliases: Array<{ name: string; indices: string[] }>;
        }>('GET', `/_resolve/index/${prefix}*?expand_wildcards=all`);
        assert.deepEqual(
          resolved.body.indices.map((i) => [i.name, i.attributes.includes('hidden')]),
          [[`${index}-repaired`, false]]
        );
        assert.deepEqual(resolved.body.aliases, [{ name: index, indices: [`${index}-repaired`] }]);
        const mapping = await engine.http<
          Record<string, { mappings: { properties: Record<string, { type?: string }> } }>
        >('GET', `/${index}/_mapping`);
        assert.equal(
          mapping.body[`${index}-repaired`].mappings.properties.arrival_timestamp.type,
          'date'
        );
        assert.deepEqual(await detector.candidates(prefix), [], 'nothing left to repair');
      }
    );
  }
);
