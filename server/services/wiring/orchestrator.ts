/**
 * Runs the seven hops as a dataflow: every hop starts as soon as what it needs is known (identity, the event
 * streams and the cluster's name start at once; a named Firehose stream is described without waiting for
 * Pinpoint; failed records, access and metrics run side by side once the stream is described). Every AWS call
 * has its own timeout and the SDK's retries; the whole check ends at the deadline (20 s) and returns what it
 * has, marking unfinished hops `unknown`.
 */
import {
  countStatuses,
  HOP_IDS,
  type HopId,
  type WiringReport,
  type WiringRequest,
  worstStatus,
} from '../../../common/wiring_types';
import type { AwsPortSource } from '../../aws/client_factory';
import { DEFAULT_CALL_TIMEOUT_MS } from '../../aws/call';
import type { Logger, OpenSearchClient } from '../../osd_port';
import { type ClusterRoot, readClusterRoot } from './cluster_facts';
import type { HopContext } from './context';
import { checkDeliveryAccess } from './delivery_access';
import { checkDeliveryMetrics } from './delivery_metrics';
import { type AppStream, checkEventStreams } from './event_stream';
import { checkFailedRecords } from './failed_records';
import { checkFirehose, resolveTargets, type StreamTarget } from './firehose_stream';
import { HopBuilder } from './hop_builder';
import { checkIdentity, type IdentityResult } from './identity';
import { checkPinpointRoles } from './pinpoint_role';
import type { StreamInfo } from './stream_info';

export const WIRING_DEADLINE_MS = 20_000;

export interface WiringDeps {
  aws: AwsPortSource;
  /** The cluster these dashboards read, as the current user. */
  cluster?: OpenSearchClient;
  logger: Logger;
  now?: () => Date;
}

export interface WiringOptions {
  deadlineMs?: number;
  callTimeoutMs?: number;
  clusterTimeoutMs?: number;
  /** Cancels the check (the HTTP request went away). */
  signal?: AbortSignal;
}

type Hops = Record<HopId, HopBuilder>;

/** Runs one hop's work; a bug in it becomes an `unknown` check and a log line, never a failed report. */
async function guard<T>(
  hop: HopBuilder,
  logger: Logger,
  fallback: T,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    logger.error(
      `pinpoint wiring: hop ${hop.id} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`
    );
    hop.add({
      id: 'internal',
      title: 'Check',
      status: 'unknown',
      message: 'This hop could not be checked (internal error; see the server log).',
    });
    return fallback;
  } finally {
    hop.close();
  }
}

interface Described {
  target: StreamTarget;
  info?: StreamInfo;
}

function skipDownstream(hops: Hops, described: Described[], reason: string): void {
  for (const id of ['failed_records', 'delivery_access', 'delivery_metrics'] as const) {
    if (described.length === 0) hops[id].skip(reason);
    for (const d of described)
      if (!d.info)
        hops[id].skip(
          `Firehose stream ${d.target.name} could not be checked (see the Firehose hop).`,
          d.target.name
        );
  }
}

async function runPipeline(ctx: HopContext, hops: Hops, logger: Logger): Promise<IdentityResult> {
  const clusterRoot: Promise<ClusterRoot | Error | undefined> = ctx.cluster
    ? readClusterRoot(ctx.cluster, ctx.clusterTimeoutMs).catch((e: unknown) =>
        e instanceof Error ? e : new Error(String(e))
      )
    : Promise.resolve(undefined);
  const identity = guard(hops.identity, logger, { noCredentials: false }, () =>
    checkIdentity(ctx, hops.identity)
  );
  const streams = guard<AppStream[]>(hops.event_stream, logger, [], () =>
    checkEventStreams(ctx, hops.event_stream)
  );
  const roles = streams.then((s) =>
    guard(hops.pinpoint_role, logger, undefined, () =>
      checkPinpointRoles(
        ctx,
        hops.pinpoint_role,
        s,
        identity.then((i) => i.identity)
      )
    )
  );
  // A named stream does not wait for Pinpoint: after its end of support that wait may be the longest one.
  const targets = ctx.request.firehoseStream
    ? Promise.resolve(resolveTargets(ctx, []))
    : streams.then((s) => resolveTargets(ctx, s));
  const described = targets.then((list) =>
    guard<Described[]>(hops.firehose, logger, [], async () => {
      if (list.length === 0) {
        const gone = (await streams).some((s) => s.state === 'gone');
        if (gone) {
          hops.firehose.add({
            id: 'stream_named',
            title: 'Stream to check',
            status: 'unknown',
            message:
              'Pinpoint no longer answers, so the Firehose stream cannot be found from the event stream.',
            remedy: {
              summary:
                'Give the Firehose delivery stream name (firehoseStream, or --firehose-stream) to check it and the hops after it.',
            },
          });
        } else hops.firehose.skip('No event stream points at a Firehose delivery stream.');
        return [];
      }
      return Promise.all(
        list.map(async (target) => ({
          target,
          info: await checkFirehose(ctx, hops.firehose, target, streams, clusterRoot),
        }))
      );
    })
  );
  const downstream = described.then(async (list) => {
    const ok = list.flatMap((d) => (d.info ? [d.info] : []));
    skipDownstream(hops, list, 'No Firehose stream to follow.');
    await Promise.all([
      guard(hops.failed_records, logger, undefined, async () => {
        await Promise.all(ok.map((info) => checkFailedRecords(ctx, hops.failed_records, info)));
      }),
      guard(hops.delivery_access, logger, undefined, async () => {
        await Promise.all(ok.map((info) => checkDeliveryAccess(ctx, hops.delivery_access, info)));
      }),
      guard(hops.delivery_metrics, logger, undefined, async () => {
        await Promise.all(ok.map((info) => checkDeliveryMetrics(ctx, hops.delivery_metrics, info)));
      }),
    ]);
  });
  await Promise.all([roles, downstream]);
  return identity;
}

function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export async function checkWiring(
  request: WiringRequest,
  deps: WiringDeps,
  options: WiringOptions = {}
): Promise<WiringReport> {
  const startedAt = Date.now();
  const deadlineMs = options.deadlineMs ?? WIRING_DEADLINE_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), deadlineMs);
  const cancel = () => deadline.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  const hops = Object.fromEntries(HOP_IDS.map((id) => [id, new HopBuilder(id, startedAt)])) as Hops;
  const ctx: HopContext = {
    request,
    aws: (region) => deps.aws.forRegion(region ?? request.region, request.roleArn),
    cluster: deps.cluster,
    call: {
      signal: deadline.signal,
      timeoutMs: Math.min(options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, deadlineMs),
    },
    clusterTimeoutMs: options.clusterTimeoutMs ?? 5_000,
    now: deps.now?.() ?? new Date(),
  };
  let identity: IdentityResult | undefined;
  const work = runPipeline(ctx, hops, deps.logger).then((result) => {
    identity = result;
  });
  await Promise.race([work, whenAborted(deadline.signal)]);
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', cancel);
  const complete = identity !== undefined;
  if (!complete) deadline.abort();

  for (const hop of Object.values(hops)) {
    if (hop.isClosed) continue;
    hop.add({
      id: 'deadline',
      title: 'Finished in time',
      status: 'unknown',
      message: options.signal?.aborted
        ? 'The check was cancelled before this hop finished.'
        : `Not finished within ${deadlineMs / 1000} s: the checks above are what was known by then.`,
      remedy: { summary: 'Run the check again; a slow or throttled AWS API is the usual cause.' },
    });
  }
  if (identity?.noCredentials) {
    for (const hop of Object.values(hops)) {
      if (hop.id === 'identity') continue;
      hop.checks.splice(0);
      hop.skip('No usable AWS credentials (see Identity).');
    }
  }
  const snapshots = HOP_IDS.map((id) => hops[id].snapshot());
  const allChecks = snapshots.flatMap((h) => h.checks);
  const report: WiringReport = {
    request,
    status: worstStatus(allChecks.map((c) => c.status)),
    counts: countStatuses(allChecks),
    hops: snapshots,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    complete,
    deadlineMs,
  };
  deps.logger.debug(
    `pinpoint wiring: ${request.appIds.length} app(s) in ${request.region}: ${report.status} in ${report.durationMs} ms` +
      `${complete ? '' : ' (deadline)'}; ${HOP_IDS.map((id, i) => `${id}=${snapshots[i].status}`).join(' ')}`
  );
  return report;
}
