/**
 * Runs the seven hops as a dataflow: every hop starts as soon as what it needs is known (identity, the event
 * streams and the cluster's name start at once; a named Firehose stream is described without waiting for
 * Pinpoint; failed records, access and metrics run side by side once the stream is described). Every AWS call
 * has its own timeout and the SDK's retries; the whole check ends at the deadline (20 s) and returns what it
 * has, marking unfinished hops `unknown`.
 */
import {
  HOP_IDS,
  type HopId,
  summarizeWiring,
  type WiringReport,
  type WiringRequest,
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
import { SKIP } from './catalogue';
import {
  checkFirehose,
  type DescribedStream,
  resolveTargets,
  type StreamTarget,
} from './firehose_stream';
import { HopBuilder } from './hop_builder';
import { checkIdentity, type IdentityResult } from './identity';
import { checkPinpointRoles } from './pinpoint_role';
import { verdict } from './judgements/verdict';

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
    hop.internal();
    return fallback;
  } finally {
    hop.close();
  }
}

interface Described {
  target: StreamTarget;
  /** What the Firehose hop learnt, handed to the hops after it (never written back into shared state). */
  stream?: DescribedStream;
}

function skipDownstream(hops: Hops, described: Described[], reason: string): void {
  for (const id of ['failed_records', 'delivery_access', 'delivery_metrics'] as const) {
    if (described.length === 0) hops[id].skip(reason);
    for (const d of described)
      if (!d.stream) hops[id].skip(SKIP.streamUnchecked(d.target.name), d.target.name);
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
        const known = await streams;
        const gone = known.some((s) => s.state === 'gone');
        const unreadable = known.some((s) => s.state === 'unknown');
        if (gone || unreadable) {
          hops.firehose.record(
            verdict('firehose.stream_named', 'unknown', gone ? 'unknown' : 'unreadable', {
              pinpointGone: gone,
            })
          );
        } else hops.firehose.skip(SKIP.noEventStreamPoints);
        return [];
      }
      return Promise.all(
        list.map(async (target) => ({
          target,
          stream: await checkFirehose(
            ctx,
            hops.firehose,
            target,
            streams,
            clusterRoot,
            identity.then((i) => i.identity)
          ),
        }))
      );
    })
  );
  const downstream = described.then(async (list) => {
    const ok = list.flatMap((d) => (d.stream ? [d.stream] : []));
    skipDownstream(hops, list, SKIP.noStreamToFollow);
    await Promise.all([
      guard(hops.failed_records, logger, undefined, async () => {
        await Promise.all(ok.map((d) => checkFailedRecords(ctx, hops.failed_records, d.info)));
      }),
      guard(hops.delivery_access, logger, undefined, async () => {
        await Promise.all(ok.map((d) => checkDeliveryAccess(ctx, hops.delivery_access, d)));
      }),
      guard(hops.delivery_metrics, logger, undefined, async () => {
        await Promise.all(ok.map((d) => checkDeliveryMetrics(ctx, hops.delivery_metrics, d)));
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
    hop.deadline({ cancelled: options.signal?.aborted === true, deadlineMs });
  }
  if (identity?.noCredentials) {
    for (const hop of Object.values(hops)) {
      if (hop.id === 'identity') continue;
      hop.checks.splice(0);
      hop.skip(SKIP.noCredentials);
    }
  }
  const snapshots = HOP_IDS.map((id) => hops[id].snapshot());
  const allChecks = snapshots.flatMap((h) => h.checks);
  // The verdict, not just the worst check: a report of which nothing could be confirmed is not "wired".
  const summary = summarizeWiring(allChecks);
  const report: WiringReport = {
    request,
    status: summary.status,
    counts: summary.counts,
    headline: summary.headline,
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
