/**
 * The repair on the real OpenSearch node, through each door: the service, the routes and the CLI.
 *
 * Pins: events indexed before the template reproduce the seed's failure (timestamps mapped as `long`, the
 * report fails `indices.timestamps`); a repair leaves every document id under `<prefix>*` exactly once, with
 * equal counts, the timestamps mapped as dates, the original name resolving (alias of the copy) and its
 * aliases carried over; the report is clean afterwards. The doors refuse what they must: bad names (400), the
 * index Firehose writes today (409, saying when it can be repaired), an index with nothing to repair (409).
 */
import { findCheck } from '../../common/check';
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import { main } from '../../cli/index';
import { API_PATHS } from '../../common/constants';
import { dailyIndexName } from '../../common/index_naming';
import type { RepairJob } from '../../common/repair';
import { applySetup, buildReport } from '../../server/services/index_engine';
import type { OpenSearchClient, RequestHandlerContext } from '../../server/osd_port';
import { registerRepairRoutes } from '../../server/routes/repair';
import { RepairService } from '../../server/services/repair/repair_service';
import { RepairRunRegistry } from '../../server/services/repair/run_registry';
import { FakeRouter } from '../support/fake_router';
import {
  allIds,
  cleanupPrefix,
  countOf,
  loadBeforeTemplate,
  pastDay,
  uniquePrefix,
  writeBlocked,
} from '../support/repair_fixtures';
import { bulkIndex } from '../../dev/demo/bulk_index';
import { generateDayEvents, utcDay } from '../../dev/demo/pinpoint_events';

function requireUrl(): string {
  const url = process.env.OPENSEARCH_URL;
  if (!url) throw new Error('OPENSEARCH_URL is not set: run through `npm test` or export it');
  return url;
}

const url = requireUrl();
const client = new Client({ node: url, requestTimeout: 120_000 }) as unknown as OpenSearchClient;
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const prefix = uniquePrefix('repair');
const PER_DAY = 1500;

async function mappingType(index: string, field: string): Promise<string | undefined> {
  const { body } = await client.transport.request<
    Record<string, { mappings: { properties: Record<string, { type?: string }> } }>
  >({ method: 'GET', path: `/${encodeURIComponent(index)}/_mapping` });
  return Object.values(body)[0]?.mappings.properties[field]?.type;
}

async function resolve(name: string): Promise<{ indices: string[]; aliases: string[] }> {
  const { body } = await client.transport.request<{
    indices: Array<{ name: string }>;
    aliases: Array<{ name: string; indices: string[] }>;
  }>({ method: 'GET', path: `/_resolve/index/${encodeURIComponent(name)}` });
  return {
    indices: body.indices.map((i) => i.name),
    aliases: body.aliases.flatMap((a) => a.indices),
  };
}

function timestampsStatus(report: Awaited<ReturnType<typeof buildReport>>): string | undefined {
  return findCheck(report.checks, 'indices.timestamps')?.status;
}

let indices: string[] = [];
let originalIds: string[] = [];

beforeAll(async () => {
  indices = await loadBeforeTemplate(client, prefix, [pastDay(5), pastDay(4), pastDay(3)], PER_DAY);
  originalIds = await allIds(client, `${prefix}*`);
  // A user alias on one source: the repair must carry it over to the copy.
  await client.transport.request({
    method: 'PUT',
    path: `/${indices[0]}/_alias/${prefix}_campaign_view`,
  });
});

afterAll(async () => {
  await cleanupPrefix(client, prefix);
});

describe('the seed failure, reproduced', () => {
  test('events indexed before the template have long timestamps and the report fails them', async () => {
    assert.equal(originalIds.length, 3 * PER_DAY);
    for (const index of indices) {
      assert.equal(await mappingType(index, 'arrival_timestamp'), 'long');
      assert.equal(await mappingType(index, 'event_timestamp'), 'long');
    }
    const report = await buildReport({ client, logger }, prefix);
    assert.equal(timestampsStatus(report), 'fail');
    const candidates = await new RepairService(client, logger).candidates(prefix);
    assert.deepEqual(
      candidates.map((c) => c.index),
      indices
    );
    assert.ok(
      candidates[0].fields.some((f) => f.field === 'arrival_timestamp' && f.type === 'long')
    );
  });
});

describe('repair through the service', () => {
  test('repairs one index: equal counts, same ids once, dates, name and aliases kept', async () => {
    await applySetup(
      { client, logger },
      {
        prefix,
        template: true,
        overwrite: false,
        indexPattern: false,
        makeDefault: false,
      }
    );
    const service = new RepairService(client, logger, { progressIntervalMs: 200 });
    const steps: string[] = [];
    const state = await service.repair(indices[0], prefix, (job) => steps.push(job.step));
    assert.equal(state.step, 'done');
    assert.equal(state.sourceCount, PER_DAY);
    assert.equal(state.targetCount, PER_DAY);
    assert.ok(state.contentCheck && state.contentCheck.sampledDocuments > 0);
    for (const step of [
      'planned',
      'write_blocked',
      'target_created',
      'reindexing',
      'verified',
      'done',
    ]) {
      assert.ok(steps.includes(step), `progress never reported ${step}: ${steps.join(',')}`);
    }

    const target = `${indices[0]}-repaired`;
    assert.deepEqual(await resolve(indices[0]), { indices: [], aliases: [target] });
    assert.deepEqual(
      (await resolve(`${prefix}_campaign_view`)).aliases,
      [target],
      "the source's own alias moved to the copy"
    );
    assert.equal(await mappingType(target, 'arrival_timestamp'), 'date');
    assert.equal(await mappingType(target, 'event_timestamp'), 'date');
    assert.equal(await countOf(client, indices[0]), PER_DAY, 'the original name still counts');

    const ids = await allIds(client, `${prefix}*`);
    assert.equal(ids.length, originalIds.length, 'nothing counted twice or lost under <prefix>*');
    assert.deepEqual([...ids].sort(), [...originalIds].sort());
    assert.deepEqual(await writeBlocked(client, prefix), []);

    // Asking again is idempotent: the job is done, nothing is written.
    const again = await service.repair(indices[0], prefix);
    assert.equal(again.jobId, state.jobId);
    assert.equal(again.step, 'done');
  });

  test('a time range query on the repaired name works as a date', async () => {
    const { body } = await client.transport.request<{ hits: { total: { value: number } } }>({
      method: 'POST',
      path: `/${indices[0]}/_search`,
      body: {
        size: 0,
        track_total_hits: true,
        // A date format in the query is only accepted by a date field.
        query: {
          range: {
            arrival_timestamp: {
              gte: `${utcDay(new Date(), -5)}T00:00:00Z`,
              format: 'strict_date_optional_time',
            },
          },
        },
      },
    });
    assert.equal(body.hits.total.value, PER_DAY);
  });
});

describe('repair through the routes', () => {
  const router = new FakeRouter();
  const registry = registerRepairRoutes(router, logger, { progressIntervalMs: 200 });
  const context = {
    core: { opensearch: { client: { asCurrentUser: client, asInternalUser: client } } },
  } as unknown as RequestHandlerContext;

  test('bad input is a 400 that says what to fix', async () => {
    const bad = await router.call('post', API_PATHS.repair, context, {
      body: { index: 'Bad*Name' },
    });
    assert.equal(bad.status, 400);
    assert.match((bad.body as { message: string }).message, /lowercase/);
    const missing = await router.call('post', API_PATHS.repair, context, { body: {} });
    assert.equal(missing.status, 400);
    assert.match((missing.body as { message: string }).message, /"index" is required/);
    const extra = await router.call('post', API_PATHS.repair, context, {
      body: { index: indices[1], force: true },
    });
    assert.equal(extra.status, 400);
    const path = await router.call('get', API_PATHS.repairIndex, context, {
      params: { index: '_all' },
    });
    assert.equal(path.status, 400);
  });

  test('POST answers 202 with the job, GET follows it to done', async () => {
    const started = await router.call('post', API_PATHS.repair, context, {
      body: { index: indices[1], prefix },
    });
    assert.equal(started.status, 202);
    const job = (started.body as { job: RepairJob }).job;
    assert.equal(job.index, indices[1]);
    assert.equal(job.active, true);

    let latest = job;
    const seen = new Set<string>();
    for (let i = 0; i < 600 && latest.step !== 'done' && latest.step !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await router.call('get', API_PATHS.repairIndex, context, {
        params: { index: indices[1] },
      });
      assert.equal(res.status, 200);
      latest = (res.body as { job: RepairJob }).job;
      seen.add(latest.step);
      if (latest.docs) assert.ok(latest.docs.copied <= latest.docs.total);
    }
    await registry.settled();
    assert.equal(latest.step, 'done', JSON.stringify(latest));
    assert.equal(latest.targetCount, PER_DAY);
    assert.deepEqual(latest.docs, { total: PER_DAY, copied: PER_DAY });

    const list = await router.call('get', API_PATHS.repair, context);
    assert.equal(list.status, 200);
    const jobs = (list.body as { jobs: RepairJob[] }).jobs.filter((j) =>
      j.index.startsWith(prefix)
    );
    assert.deepEqual(jobs.map((j) => j.index).sort(), [indices[0], indices[1]]);

    const done = await router.call('post', API_PATHS.repair, context, {
      body: { index: indices[1], prefix },
    });
    assert.equal(done.status, 200, 'a finished repair is answered, not started again');
  });

  test('an unknown index is a 404; a repaired one has nothing more to do', async () => {
    const unknown = await router.call('get', API_PATHS.repairIndex, context, {
      params: { index: `${prefix}-1999-01-01` },
    });
    assert.equal(unknown.status, 404);
    const post = await router.call('post', API_PATHS.repair, context, {
      body: { index: `${prefix}-1999-01-01`, prefix },
    });
    assert.equal(post.status, 404);
    assert.match((post.body as { message: string }).message, /does not exist/);
  });
});

describe('repair through the CLI', () => {
  test('repair --all repairs the rest with progress lines and exit 0; the report is clean', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['repair', '--all', '--prefix', prefix, '--opensearch', url, '--yes'], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    assert.equal(code, 0, `stdout:\n${out.join('')}\nstderr:\n${err.join('')}`);
    assert.match(out.join(''), new RegExp(`${indices[2]}: done: ${PER_DAY} documents`));
    assert.match(err.join(''), /step 4\/8 copying documents/);

    for (const index of indices) {
      assert.equal(await mappingType(`${index}-repaired`, 'arrival_timestamp'), 'date');
    }
    const ids = await allIds(client, `${prefix}*`);
    assert.deepEqual([...ids].sort(), [...originalIds].sort());
    const report = await buildReport({ client, logger }, prefix);
    assert.equal(timestampsStatus(report), 'pass', JSON.stringify(report.checks, null, 2));
    assert.deepEqual(await new RepairService(client, logger).candidates(prefix), []);

    const again = await main(
      ['repair', '--all', '--prefix', prefix, '--opensearch', url, '--yes'],
      {
        out: (s) => out.push(s),
        err: () => {},
      }
    );
    assert.equal(again, 0);
    assert.match(out.join(''), /nothing to repair/);
  });

  test('bad names are usage errors (exit 2)', async () => {
    const err: string[] = [];
    const code = await main(['repair', 'UPPER', '--opensearch', url, '--yes'], {
      out: () => {},
      err: (s) => err.push(s),
    });
    assert.equal(code, 2);
    assert.match(err.join(''), /lowercase/);
    assert.equal(await main(['repair', '--opensearch', url], { out: () => {}, err: () => {} }), 2);
  });
});

describe("today's index", () => {
  // Not under `<prefix>*`, whose template (installed above) would map it right from the start.
  const todayPrefix = uniquePrefix('repair_today');
  const today = dailyIndexName(todayPrefix, new Date());

  beforeAll(async () => {
    await bulkIndex(
      client,
      today,
      generateDayEvents({ day: utcDay(new Date()), count: 50, until: Date.now() })
    );
  });
  afterAll(async () => {
    await cleanupPrefix(client, todayPrefix);
  });

  test('is refused by every door with the time it can be repaired, and left untouched', async () => {
    const service = new RepairService(client, logger);
    await assert.rejects(
      service.start(today, todayPrefix),
      (error: Error & { details?: Record<string, unknown> }) => {
        assert.equal(error.name, 'ConflictError');
        assert.match(
          error.message,
          /Firehose is writing now; it can be repaired after \d{4}-\d\d-\d\dT00:20:00/
        );
        assert.ok(typeof error.details?.repairableAfter === 'string');
        return true;
      }
    );
    const router = new FakeRouter();
    registerRepairRoutes(router, logger);
    const context = {
      core: { opensearch: { client: { asCurrentUser: client, asInternalUser: client } } },
    } as unknown as RequestHandlerContext;
    const res = await router.call('post', API_PATHS.repair, context, {
      body: { index: today, prefix: todayPrefix },
    });
    assert.equal(res.status, 409);
    assert.match((res.body as { message: string }).message, /can be repaired after/);

    const err: string[] = [];
    const code = await main(
      ['repair', today, '--prefix', todayPrefix, '--opensearch', url, '--yes'],
      {
        out: (s) => err.push(s),
        err: (s) => err.push(s),
      }
    );
    assert.equal(code, 1);
    assert.match(err.join(''), /can be repaired after/);
    assert.deepEqual(await writeBlocked(client, todayPrefix), []);
    assert.deepEqual((await resolve(today)).indices, [today]);
    assert.equal(await mappingType(today, 'arrival_timestamp'), 'long');
  });
});

// Bug 1: the probe's `POST /api/pinpoint/repair {"index":"customer-2026-11-21"}` answered 202, deleted the
// customer's index and made its name an alias of a copy under the Pinpoint mapping (`name` text -> keyword).
// Verified on the old code: 202, and afterwards `customer-…` resolved as an alias.
describe('indices that are not the archive', () => {
  const customerPrefix = uniquePrefix('customer');
  const customer = `${customerPrefix}-2026-11-21`;
  const archive = uniquePrefix('archive');
  const notEvents = `${archive}-2026-11-21`;

  async function uuidOf(index: string): Promise<string | undefined> {
    const { body } = await client.transport.request<
      Record<string, { settings: { index: { uuid: string } } }>
    >({
      method: 'GET',
      path: `/${encodeURIComponent(index)}/_settings`,
    });
    return body[index]?.settings.index.uuid;
  }

  beforeAll(async () => {
    for (const [index, body] of [
      [
        customer,
        {
          mappings: { properties: { name: { type: 'text' }, arrival_timestamp: { type: 'long' } } },
        },
      ],
      [notEvents, { mappings: { properties: { name: { type: 'text' } } } }],
    ] as const) {
      await client.transport.request({ method: 'PUT', path: `/${index}`, body });
      await client.transport.request({
        method: 'POST',
        path: `/${index}/_doc`,
        querystring: { refresh: 'true' },
        body: { name: 'Ada Lovelace', arrival_timestamp: 1764000000000 },
      });
    }
  });
  afterAll(async () => {
    await cleanupPrefix(client, customerPrefix);
    await cleanupPrefix(client, archive);
  });

  test('an index outside the prefix is a 400 on every door, and stays the index it was', async () => {
    const before = await uuidOf(customer);
    const router = new FakeRouter();
    registerRepairRoutes(router, logger);
    const context = {
      core: { opensearch: { client: { asCurrentUser: client, asInternalUser: client } } },
    } as unknown as RequestHandlerContext;
    const res = await router.call('post', API_PATHS.repair, context, { body: { index: customer } });
    assert.equal(res.status, 400);
    assert.match(
      (res.body as { message: string }).message,
      /not a daily index of the Pinpoint archive pinpoint\*/
    );
    const code = await main(['repair', customer, '--opensearch', url, '--yes'], {
      out: () => undefined,
      err: () => undefined,
    });
    assert.equal(code, 2);
    assert.deepEqual((await resolve(customer)).indices, [customer]);
    assert.deepEqual((await resolve(customer)).aliases, []);
    assert.equal(await uuidOf(customer), before);
    assert.equal(await mappingType(customer, 'name'), 'text');
  });

  test('an index of the prefix without Pinpoint events: "nothing to repair" says why, and it is untouched', async () => {
    const before = await uuidOf(notEvents);
    await assert.rejects(
      new RepairService(client, logger).start(notEvents, archive),
      (error: Error) => {
        assert.equal(error.name, 'ConflictError');
        assert.match(
          error.message,
          /holds no Pinpoint events \(its mapping has no arrival_timestamp or event_type field\)/
        );
        assert.doesNotMatch(error.message, /already maps its timestamps as dates/);
        return true;
      }
    );
    assert.equal(await uuidOf(notEvents), before);
    assert.equal(await mappingType(notEvents, 'name'), 'text');
  });
});

// The registry is the plugin's (made in setup); its stop() lets a running repair reach a safe point and the
// job resumes on the next run with nothing lost or doubled.
describe('stopping the server during a repair', () => {
  const stopPrefix = uniquePrefix('repair_stop');
  afterAll(async () => {
    await cleanupPrefix(client, stopPrefix);
  });

  test('stop() waits for the run to reach a safe point; the next run finishes the job', async () => {
    const [index] = await loadBeforeTemplate(client, stopPrefix, [pastDay(6)], 300);
    const ids = await allIds(client, index);
    const registry = new RepairRunRegistry(logger);
    let stopping: Promise<void> | undefined;
    const service = new RepairService(client, logger, {
      hooks: {
        async at(point) {
          if (point === 'write_blocked:acted') stopping ??= registry.stop(10_000);
        },
      },
    });
    await service.start(index, stopPrefix);
    registry.launch(service, index);
    await registry.settled();
    await stopping;
    const paused = await service.progress(index);
    assert.equal(
      paused.step,
      'target_created',
      'stopped at the next step boundary (the hook fires as the step after the write block acts)'
    );
    assert.equal(registry.isActive(index), false);
    registry.launch(service, index);
    assert.equal(registry.isActive(index), false, 'a stopped registry starts nothing');

    const done = await new RepairService(client, logger).repair(index, stopPrefix);
    assert.equal(done.step, 'done');
    assert.deepEqual((await allIds(client, index)).sort(), ids.sort());
  });
});
