/**
 * `npm start`'s AWS side: a moto server holding the two demo pipelines and the broken one's failed records,
 * this process's AWS environment pointed at it (the dev host runs in this process, so its SDK clients find
 * moto through AWS_ENDPOINT_URL and dummy credentials through the default chain), and, once the host answers,
 * the Pipeline section's inputs saved (region and both project ids) so the first page load shows real
 * verdicts. PINPOINT_DEMO_AWS=0 leaves AWS alone.
 */
import { startMotoServer, type MotoServer } from '../../scripts/lib/moto_server';
import { putDeliveryMetrics } from '../../test/support/wiring_moto_data';
import { putDemoFailedRecords } from './failed_records';
import { buildDemoPipelines, DEMO_CREDENTIALS, type DemoPipeline } from './pipelines';

export const DEMO_REGION = 'us-east-1';

export interface DemoAws {
  moto: MotoServer;
  good: DemoPipeline;
  broken: DemoPipeline;
  failedRecords: number;
  stop(): Promise<void>;
}

export async function startDemoAws(say: (m: string) => void): Promise<DemoAws | undefined> {
  if (process.env.PINPOINT_DEMO_AWS === '0') return undefined;
  const moto = await startMotoServer({
    port: process.env.MOTO_PORT ? Number(process.env.MOTO_PORT) : undefined,
  });
  try {
    const { good, broken } = await buildDemoPipelines(moto.url, DEMO_REGION);
    const failedRecords = await putDemoFailedRecords(moto.url, DEMO_REGION, broken);
    // The fixtures' CloudWatch writer finds moto through MOTO_URL.
    process.env.MOTO_URL = moto.url;
    await putDeliveryMetrics(DEMO_REGION, good.streamName, {
      incoming: 1200,
      delivered: 1200,
      success: 1,
      freshness: 75,
    });
    await putDeliveryMetrics(DEMO_REGION, broken.streamName, {
      incoming: 400,
      delivered: 310,
      success: 0.78,
      freshness: 640,
    });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: moto.url,
      AWS_REGION: DEMO_REGION,
      AWS_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEMO_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_SESSION_TOKEN;
    say(
      `demo AWS (moto) at ${moto.url}: pipelines ${good.streamName} (wired correctly) and ${broken.streamName} (broken, ${failedRecords} failed records in s3://${broken.bucket})`
    );
    return { moto, good, broken, failedRecords, stop: () => moto.stop() };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}

/** Saves the Pipeline section's inputs through the plugin's own route, as a user pressing Check would. */
export async function prefillWiringSettings(hostUrl: string, aws: DemoAws): Promise<void> {
  const res = await fetch(`${hostUrl}/api/pinpoint/wiring/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'osd-xsrf': 'true' },
    body: JSON.stringify({ region: DEMO_REGION, appIds: [aws.broken.appId, aws.good.appId] }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok)
    throw new Error(`saving the demo wiring inputs: HTTP ${res.status} ${await res.text()}`);
}
