/**
 * The wiring check's doors with the SDK's standard environment (credentials and AWS_ENDPOINT_URL from env,
 * nothing passed in code) against moto: the CLI's `check --aws` (exit codes, --json, repeatable --app-id,
 * AWS_REGION) and the route. No response, CLI output or log line carries a credential, on success or failure.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { API_PATHS } from '../../common/constants';
import type { WiringReport } from '../../common/wiring_types';
import { main } from '../../cli';
import { awsCheckSection } from '../../cli/commands/check_aws';
import type { Connection } from '../../cli/common_options';
import { registerWiringRoutes } from '../../server/routes/wiring';
import { AwsClientFactory } from '../../server/aws/client_factory';
import type { RequestHandlerContext } from '../../server/osd_port';
import { countingClient, opensearchUrl, uniquePrefix } from '../support/counting_client';
import { FakeRouter } from '../support/fake_router';
import { FakeSavedObjects } from '../support/fake_saved_objects';
import { capturingLogger, findCheck } from '../support/wiring_mocks';
import {
  buildPipeline,
  destroyPipeline,
  DUMMY_CREDENTIALS,
  motoUrl,
  type Pipeline,
} from '../support/wiring_pipeline';

const REGION = 'us-west-2';
// The SDK's standard environment: this is how an operator points the CLI and the server at credentials and an endpoint.
process.env.AWS_ENDPOINT_URL = motoUrl();
process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
process.env.AWS_SESSION_TOKEN = DUMMY_CREDENTIALS.sessionToken;
process.env.AWS_REGION = REGION;
delete process.env.AWS_PROFILE;

const SECRETS = Object.values(DUMMY_CREDENTIALS);
const captured: string[] = [];

function assertNoSecret(text: string, where: string): void {
  captured.push(text);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} contains a credential`);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  assertNoSecret(out + err, `pinpoint-dashboards ${args.join(' ')}`);
  return { code, out, err };
}

describe('wiring doors with the standard AWS environment', () => {
  let good: Pipeline;
  let broken: Pipeline;
  const prefix = uniquePrefix('wdoors');
  beforeAll(async () => {
    [good, broken] = await Promise.all([
      buildPipeline(REGION),
      buildPipeline(REGION, 'pinpoint_role_no_permission'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([good, broken].filter(Boolean).map(destroyPipeline));
  });

  it('check --aws --json: exit 1 when a check fails, the report under "aws"', async () => {
    const { code, out } = await cli([
      'check',
      '--opensearch',
      opensearchUrl(),
      '--prefix',
      prefix,
      '--aws',
      '--region',
      REGION,
      '--app-id',
      broken.appId,
      '--json',
    ]);
    assert.equal(code, 1);
    const report = (JSON.parse(out) as { aws: WiringReport }).aws;
    assert.equal(findCheck(report, 'pinpoint_role.permissions').status, 'fail');
    assert.equal(findCheck(report, 'identity.caller').evidence.account, '123456789012');
  });

  it('--app-id repeats, AWS_REGION stands in for --region, text output names each hop and the fix', async () => {
    const { out } = await cli([
      'check',
      '--opensearch',
      opensearchUrl(),
      '--prefix',
      prefix,
      '--aws',
      '--app-id',
      good.appId,
      '--app-id',
      broken.appId,
    ]);
    assert.match(out, new RegExp(`AWS wiring in ${REGION} for ${good.appId}, ${broken.appId} in`));
    assert.match(out, /Not wired: something breaks delivery: \d+ failures?/);
    assert.match(out, /3\. Pinpoint's role: fail/);
    assert.match(out, /fix: Allow firehose:PutRecordBatch/);
    assert.match(out, /run: aws iam put-role-policy/);
  });

  it('the AWS section alone has no findings on a correct pipeline, and has them on a broken one', async () => {
    const connection = {
      client: countingClient(),
      opensearchUrl: opensearchUrl(),
      prefix,
    } as Connection;
    const io = { out: () => undefined, err: (s: string) => assertNoSecret(s, 'stderr') };
    const flags = (appId: string) => ({
      aws: true,
      region: REGION,
      appId: [appId],
      opensearch: opensearchUrl(),
      prefix,
    });
    const ok = await awsCheckSection.run({ connection, flags: flags(good.appId), io });
    const bad = await awsCheckSection.run({ connection, flags: flags(broken.appId), io });
    assert.equal(ok?.hasFindings, false, ok?.text);
    assert.equal(bad?.hasFindings, true);
    assertNoSecret(`${ok?.text}${bad?.text}${JSON.stringify(ok?.json)}`, 'section output');
  });

  it('usage errors exit 2 with what to fix', async () => {
    const badId = await cli([
      'check',
      '--opensearch',
      opensearchUrl(),
      '--aws',
      '--region',
      REGION,
      '--app-id',
      'ABC',
    ]);
    assert.equal(badId.code, 2);
    assert.match(badId.err, /32 lowercase hexadecimal/);
    const noAws = await cli(['check', '--opensearch', opensearchUrl(), '--app-id', good.appId]);
    assert.equal(noAws.code, 2);
    assert.match(noAws.err, /--app-id needs --aws/);
  });

  it('the route, with credentials from the default chain: report and logs carry no credential, also when calls fail', async () => {
    const logger = capturingLogger();
    const aws = new AwsClientFactory();
    const router = new FakeRouter();
    // The role below is one an administrator allowed (pinpoint.wiring.assumableRoleArns), so it is tried.
    registerWiringRoutes(router, logger, aws, () => ({
      wiring: { assumableRoleArns: ['arn:aws:iam::999999999999:role/none'] },
    }));
    const context = {
      core: {
        opensearch: { client: { asCurrentUser: countingClient() } },
        savedObjects: { client: new FakeSavedObjects() },
      },
    } as unknown as RequestHandlerContext;
    try {
      const ok = await router.call('post', API_PATHS.wiring, context, {
        body: { region: REGION, appIds: [good.appId] },
      });
      assert.equal(ok.status, 200);
      assert.equal(
        (ok.body as WiringReport).counts.fail,
        0,
        JSON.stringify(ok.body).slice(0, 2000)
      );
      // A role the caller may not assume in a region moto does not know: every call fails, and says why.
      const failing = await router.call('post', API_PATHS.wiring, context, {
        body: {
          region: 'ap-southeast-4',
          appIds: [good.appId],
          firehoseStream: 'nope',
          roleArn: 'arn:aws:iam::999999999999:role/none',
        },
      });
      assert.equal(failing.status, 200);
      assertNoSecret(JSON.stringify(ok.body) + JSON.stringify(failing.body), 'route response');
      assertNoSecret(logger.lines.join('\n'), 'server log');
    } finally {
      aws.destroy();
    }
  });

  it('Pinpoint unreachable through AWS_ENDPOINT_URL_PINPOINT: the CLI says so and does not fail for it', async () => {
    process.env.AWS_ENDPOINT_URL_PINPOINT = 'http://127.0.0.1:9';
    try {
      const { out } = await cli([
        'check',
        '--opensearch',
        opensearchUrl(),
        '--prefix',
        prefix,
        '--aws',
        '--region',
        REGION,
        '--app-id',
        good.appId,
        '--firehose-stream',
        good.streamName,
        '--json',
      ]);
      const report = (JSON.parse(out) as { aws: WiringReport }).aws;
      assert.equal(findCheck(report, 'event_stream.exists').status, 'unknown');
      assert.equal(report.counts.fail, 0);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_PINPOINT;
    }
  });

  it('every output and log line above was grepped for the credentials', () => {
    assert.ok(captured.length >= 8, `only ${captured.length} outputs checked`);
  });
});
