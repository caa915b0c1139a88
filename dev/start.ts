/**
 * `npm start` after the build: an OpenSearch node on OPENSEARCH_PORT (default 9200; one already answering
 * there is reused and left running), the demo data (Pinpoint events indexed before any template, so there
 * is something to repair), and the development host on DEV_HOST_PORT (default 5601) running the built zip.
 * Runs until Ctrl-C, then stops what it started.
 */
import { Client } from '@opensearch-project/opensearch';
import { startOpenSearchNode, type OpenSearchNode } from '../scripts/lib/opensearch_node';
import { loadDemoData } from './demo/load_demo_data';
import {
  prefillWiringSettings,
  startDemoAws,
  type DemoAws,
} from './demo_pipeline/start_demo_pipeline';
import { defaultZipPath, startDevHost, type DevHost } from './host/dev_host';
import { asPortClient } from './host/request_context';

function say(message: string): void {
  process.stdout.write(`start: ${message}\n`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const osPort = Number(process.env.OPENSEARCH_PORT ?? 9200);
  const hostPort = Number(process.env.DEV_HOST_PORT ?? 5601);
  let node: OpenSearchNode | undefined;
  let host: DevHost | undefined;
  let demoAws: DemoAws | undefined;
  const startedAt = Date.now();

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    await host?.stop().catch((e: Error) => say(`dev host: ${e.message}`));
    await node?.stop().catch((e: Error) => say(`OpenSearch: ${e.message}`));
    await demoAws?.stop().catch((e: Error) => say(`moto: ${e.message}`));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    // moto and the pipelines build while OpenSearch starts.
    const awsStarting = startDemoAws(say).then((aws) => (demoAws = aws));
    awsStarting.catch(() => undefined);
    let opensearchUrl = `http://127.0.0.1:${osPort}`;
    if (await answers(opensearchUrl)) {
      say(`reusing the OpenSearch already answering at ${opensearchUrl}`);
    } else {
      say(
        `starting OpenSearch on port ${osPort} (data: ${process.env.OPENSEARCH_DATA ?? 'a fresh temp dir'})`
      );
      node = await startOpenSearchNode({
        port: osPort,
        dataDir: process.env.OPENSEARCH_DATA || undefined,
      });
      opensearchUrl = node.url;
      say(
        `OpenSearch ready at ${opensearchUrl} after ${Math.round(node.startupMs / 1000)} s (log ${node.logFile})`
      );
    }

    const client = new Client({ node: opensearchUrl });
    try {
      await loadDemoData(asPortClient(client), say);
    } finally {
      await client.close();
    }

    await awsStarting;
    host = await startDevHost({ zipPath: defaultZipPath(), opensearchUrl, port: hostPort });
    if (demoAws) await prefillWiringSettings(host.url, demoAws);
    process.stdout.write(`\nPinpoint app: ${host.url}/app/${host.plugin.manifest.id}\n\n`);
    say(`ready ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the build`);
    say('Ctrl-C stops the dev host, moto and the OpenSearch node it started');
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    await stop(1);
  }
}

void main();
