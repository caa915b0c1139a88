/**
 * `tsx dev/host/main.ts [--port 5601] [--opensearch http://127.0.0.1:9200] [--zip build/pinpoint-2.19.3.zip]`
 * Runs the built plugin in the development host until Ctrl-C.
 */
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_OSD_VERSION } from '../../common/constants';
import { defaultZipPath, startDevHost } from './dev_host';
import type { LogLevel } from './logger';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number');
  return n;
}

async function main(): Promise<void> {
  const program = new Command('dev-host')
    .description('Run the built Pinpoint plugin the way OpenSearch Dashboards does')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--port <port>',
      'port to listen on (0 = any free port)',
      port,
      Number(process.env.DEV_HOST_PORT ?? 5601)
    )
    .option(
      '--opensearch <url>',
      'the OpenSearch cluster',
      process.env.OPENSEARCH_URL ?? `http://127.0.0.1:${process.env.OPENSEARCH_PORT ?? 9200}`
    )
    .option('--osd-version <x.y.z>', 'the Dashboards release to act as', DEFAULT_OSD_VERSION)
    .option('--zip <path>', 'the plugin zip (default: build/pinpoint-<osd-version>.zip)')
    .option('--base-path <path>', 'serve under this path prefix, like server.basePath', '')
    .option('--log-level <level>', 'debug, info, warn or error', 'info')
    .parse();
  const opts = program.opts<{
    host: string;
    port: number;
    opensearch: string;
    osdVersion: string;
    zip?: string;
    basePath: string;
    logLevel: LogLevel;
  }>();

  const host = await startDevHost({
    zipPath: opts.zip ?? defaultZipPath(opts.osdVersion),
    opensearchUrl: opts.opensearch,
    host: opts.host,
    port: opts.port,
    osdVersion: opts.osdVersion,
    basePath: opts.basePath,
    logLevel: opts.logLevel,
  });
  process.stdout.write(`Pinpoint app: ${host.url}/app/${host.plugin.manifest.id}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`dev host: ${error.message}\n`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`dev host: ${error.message}\n`);
  process.exit(1);
});
