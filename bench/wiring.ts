/**
 * The wiring check's wall time against its slowest single chain of calls, on moto with the real SDK clients
 * (and the real OpenSearch node for the cluster side). A chain is one path through the hops' dependencies run
 * alone: identity; event stream -> Pinpoint's role; event stream -> Firehose -> failed records | access |
 * metrics. The full check runs them side by side, so its time should stay near the slowest chain: goal <= 1.3x.
 *
 *   MOTO_URL=http://127.0.0.1:5011 OPENSEARCH_URL=http://127.0.0.1:9200 npx tsx bench/wiring.ts [--runs 7] [--latency 40]
 */
import { createConnection, createServer, type Server } from 'node:net';
import { HOP_IDS, type HopId, type WiringRequest } from '../common/wiring_types';
import { AwsClientFactory } from '../server/aws/client_factory';
import { DEFAULT_CALL_TIMEOUT_MS } from '../server/aws/call';
import type { OpenSearchClient } from '../server/osd_port';
import { readClusterRoot } from '../server/services/wiring/cluster_facts';
import type { HopContext } from '../server/services/wiring/context';
import { checkDeliveryAccess } from '../server/services/wiring/delivery_access';
import { checkDeliveryMetrics } from '../server/services/wiring/delivery_metrics';
import { checkEventStreams } from '../server/services/wiring/event_stream';
import { checkFailedRecords } from '../server/services/wiring/failed_records';
import {
  checkFirehose,
  type DescribedStream,
  resolveTargets,
} from '../server/services/wiring/firehose_stream';
import { HopBuilder } from '../server/services/wiring/hop_builder';
import { checkIdentity } from '../server/services/wiring/identity';
import { checkWiring } from '../server/services/wiring/orchestrator';
import { checkPinpointRoles } from '../server/services/wiring/pinpoint_role';
import {
  buildPipeline,
  destroyPipeline,
  DUMMY_CREDENTIALS,
  MOTO_ACCOUNT,
  putDeliveryMetrics,
} from '../test/support/wiring_pipeline';

export interface WiringBenchResult {
  runs: number;
  fullMs: number[];
  chainMs: Record<string, number[]>;
  slowestChainMs: number[];
  fullMedianMs: number;
  slowestChainMedianMs: number;
  slowestChainName: string;
  /** Median of the medians: full / slowest chain. */
  ratio: number;
  /** Median of each run's own full / slowest-chain ratio: steadier when the machine's load drifts. */
  pairedRatio: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const noopLogger = { debug() {}, info() {}, warn() {}, error() {} };

type Chain = (ctx: HopContext, hops: Record<HopId, HopBuilder>) => Promise<unknown>;

async function describedStream(
  ctx: HopContext,
  hops: Record<HopId, HopBuilder>
): Promise<DescribedStream> {
  const root = ctx.cluster
    ? readClusterRoot(ctx.cluster, ctx.clusterTimeoutMs).catch((e: Error) => e)
    : Promise.resolve(undefined);
  const streams = await checkEventStreams(ctx, hops.event_stream);
  const [target] = resolveTargets(ctx, streams);
  const identity = Promise.resolve({ account: MOTO_ACCOUNT, arn: '', userId: '' });
  const described = await checkFirehose(
    ctx,
    hops.firehose,
    target,
    Promise.resolve(streams),
    root,
    identity
  );
  if (!described) throw new Error('the bench pipeline has no OpenSearch destination');
  return described;
}

/** The dependency paths of the orchestrator's dataflow, each run on its own. */
const CHAINS: Record<string, Chain> = {
  identity: (ctx, hops) => checkIdentity(ctx, hops.identity),
  'event stream -> role': async (ctx, hops) => {
    const streams = await checkEventStreams(ctx, hops.event_stream);
    await checkPinpointRoles(
      ctx,
      hops.pinpoint_role,
      streams,
      Promise.resolve({ account: MOTO_ACCOUNT, arn: '', userId: '' })
    );
  },
  'event stream -> firehose -> failed records': async (ctx, hops) =>
    checkFailedRecords(ctx, hops.failed_records, (await describedStream(ctx, hops)).info),
  'event stream -> firehose -> access': async (ctx, hops) =>
    checkDeliveryAccess(ctx, hops.delivery_access, await describedStream(ctx, hops)),
  'event stream -> firehose -> metrics': async (ctx, hops) =>
    checkDeliveryMetrics(ctx, hops.delivery_metrics, await describedStream(ctx, hops)),
};

function context(
  request: WiringRequest,
  aws: AwsClientFactory,
  cluster?: OpenSearchClient
): HopContext {
  return {
    request,
    aws: (region) => aws.forRegion(region ?? request.region),
    cluster,
    call: { timeoutMs: DEFAULT_CALL_TIMEOUT_MS },
    clusterTimeoutMs: 5_000,
    now: new Date(),
  };
}

/**
 * A TCP relay to moto that holds each response chunk back by `latencyMs`: an AWS API answers from across a
 * network (tens of ms), moto from the same CPU. Without it every call competes for the same two cores and
 * the bench measures CPU, not the parallelism of the check.
 */
export async function latencyRelay(
  target: string,
  latencyMs: number
): Promise<{ url: string; close(): void }> {
  const { hostname, port } = new URL(target);
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => setTimeout(() => client.write(chunk), latencyMs));
    upstream.on('end', () => setTimeout(() => client.end(), latencyMs));
    client.on('end', () => upstream.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => server.close(),
  };
}

export async function runWiringBench(options: {
  motoUrl: string;
  cluster?: OpenSearchClient;
  runs: number;
  /** Added to every AWS response (0: moto as is). */
  latencyMs: number;
  log: (line: string) => void;
}): Promise<WiringBenchResult> {
  const region = 'ca-central-1';
  const pipeline = await buildPipeline(region, 'failed_records');
  await putDeliveryMetrics(region, pipeline.streamName, {
    incoming: 50,
    delivered: 50,
    success: 1,
    freshness: 61,
  });
  const request: WiringRequest = { region, appIds: [pipeline.appId] };
  const relay =
    options.latencyMs > 0 ? await latencyRelay(options.motoUrl, options.latencyMs) : undefined;
  const aws = new AwsClientFactory({
    endpoint: relay?.url ?? options.motoUrl,
    credentials: async () => DUMMY_CREDENTIALS,
  });
  const chainMs: Record<string, number[]> = Object.fromEntries(
    Object.keys(CHAINS).map((k) => [k, []])
  );
  const fullMs: number[] = [];
  const slowest: number[] = [];
  try {
    // Warm-up: connections, credential resolution, moto's first-request costs.
    await checkWiring(request, { aws, cluster: options.cluster, logger: noopLogger });
    for (let run = 0; run < options.runs; run += 1) {
      // Alternate which goes first, so drifting machine load or warm sockets favour neither side.
      const full = async () => {
        const t = performance.now();
        const report = await checkWiring(request, {
          aws,
          cluster: options.cluster,
          logger: noopLogger,
        });
        fullMs.push(performance.now() - t);
        if (!report.complete) throw new Error('the full check hit its deadline');
      };
      const chains = async () => {
        const times: number[] = [];
        for (const [name, chain] of Object.entries(CHAINS)) {
          const hops = Object.fromEntries(
            HOP_IDS.map((id) => [id, new HopBuilder(id, Date.now())])
          ) as Record<HopId, HopBuilder>;
          const t = performance.now();
          await chain(context(request, aws, options.cluster), hops);
          const ms = performance.now() - t;
          chainMs[name].push(ms);
          times.push(ms);
        }
        slowest.push(Math.max(...times));
      };
      if (run % 2 === 0) {
        await chains();
        await full();
      } else {
        await full();
        await chains();
      }
      options.log(
        `run ${run + 1}: full ${fullMs[run].toFixed(0)} ms, slowest chain ${slowest[run].toFixed(0)} ms`
      );
    }
  } finally {
    aws.destroy();
    relay?.close();
    await destroyPipeline(pipeline);
  }
  const medians = Object.entries(chainMs).map(([name, xs]) => [name, median(xs)] as const);
  const [slowestChainName] = medians.reduce((a, b) => (b[1] > a[1] ? b : a));
  const fullMedianMs = median(fullMs);
  const slowestChainMedianMs = median(slowest);
  const pairedRatio = median(fullMs.map((ms, i) => ms / slowest[i]));
  return {
    runs: options.runs,
    fullMs,
    chainMs,
    slowestChainMs: slowest,
    fullMedianMs,
    slowestChainMedianMs,
    slowestChainName,
    ratio: fullMedianMs / slowestChainMedianMs,
    pairedRatio,
  };
}

async function main(): Promise<number> {
  const motoUrl = process.env.MOTO_URL;
  if (!motoUrl) {
    process.stderr.write(
      'MOTO_URL is not set: start moto (.venv/bin/moto_server -p 5011) and export MOTO_URL\n'
    );
    return 2;
  }
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const runs = arg('runs', 7);
  const latencyMs = arg('latency', 0);
  let cluster: OpenSearchClient | undefined;
  if (process.env.OPENSEARCH_URL) {
    const { Client } = await import('@opensearch-project/opensearch');
    cluster = new Client({ node: process.env.OPENSEARCH_URL }) as unknown as OpenSearchClient;
  }
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const r = await runWiringBench({
    motoUrl,
    cluster,
    runs,
    latencyMs,
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.stdout.write(
    [
      `wiring check on moto${latencyMs ? ` (+${latencyMs} ms per AWS response)` : ''}${cluster ? ' + OpenSearch' : ''}, median of ${r.runs} runs:`,
      ...Object.entries(r.chainMs).map(([name, xs]) => `  chain ${name}: ${fmt(median(xs))}`),
      `  slowest chain per run: ${fmt(r.slowestChainMedianMs)} (usually: ${r.slowestChainName})`,
      `  full check: ${fmt(r.fullMedianMs)}  (runs: ${r.fullMs.map(fmt).join(', ')})`,
      `  ratio of medians full/slowest chain: ${r.ratio.toFixed(2)}x`,
      `  median of per-run ratios: ${r.pairedRatio.toFixed(2)}x (goal <= 1.3x)`,
      '',
    ].join('\n')
  );
  return r.pairedRatio <= 1.3 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? error.message : String(error)}\n`
      );
      process.exitCode = 2;
    }
  );
}
