/**
 * Hop 3: the role Pinpoint writes with. pinpoint.amazonaws.com must be trusted (with aws:SourceAccount /
 * aws:SourceArn conditions that match this project, the confused-deputy guard) and the role must be allowed
 * firehose:PutRecordBatch and firehose:DescribeDeliveryStream on the stream. This file reads; the judgements
 * are in judgements/pinpoint.ts.
 */
import { roleNameOfArn } from '../../../common/arn';
import type { CallerIdentity } from '../../aws/sts';
import { SKIP } from './catalogue';
import { type HopContext, isAwsError, readFailure } from './context';
import type { AppStream, Destination } from './event_stream';
import { HopBuilder } from './hop_builder';
import { judgePinpointPermissions, judgeTrust, trustFacts } from './judgements/pinpoint';
import { verdict } from './judgements/verdict';
import { permissionFacts, type Requirement, rolePermissions } from './role_permissions';

interface RoleUse {
  roleArn: string;
  destination: Destination;
  appIds: string[];
}

function requirementsFor(destination: Destination): Requirement[] {
  if (destination.kind === 'kinesis') {
    return [
      { action: 'kinesis:PutRecords', resource: destination.arn, required: true },
      { action: 'kinesis:DescribeStream', resource: destination.arn, required: true },
    ];
  }
  return [
    { action: 'firehose:PutRecordBatch', resource: destination.arn, required: true },
    { action: 'firehose:DescribeDeliveryStream', resource: destination.arn, required: true },
  ];
}

async function checkPermissions(ctx: HopContext, hop: HopBuilder, use: RoleUse): Promise<void> {
  const roleName = roleNameOfArn(use.roleArn);
  const report = await rolePermissions(ctx, use.roleArn, requirementsFor(use.destination));
  const facts = permissionFacts(report, use.roleArn, use.destination.name, use.destination.arn);
  if (report.method === 'none') {
    hop.failure(
      'pinpoint_role.permissions',
      readFailure(report.error),
      `evaluate ${roleName}'s permissions`,
      roleName,
      facts
    );
    return;
  }
  hop.record(judgePinpointPermissions(facts), roleName);
}

async function checkRole(
  ctx: HopContext,
  hop: HopBuilder,
  use: RoleUse,
  identity: Promise<CallerIdentity | undefined>
): Promise<void> {
  const roleName = roleNameOfArn(use.roleArn);
  const region = ctx.request.region;
  // The permissions need nothing from GetRole: evaluate them alongside, then report in reading order.
  const scratch = new HopBuilder(hop.id, Date.now());
  const permissions = checkPermissions(ctx, scratch, use).then(
    () => true,
    (error: unknown) => {
      if (isAwsError(error, 'not_found')) return false;
      throw error;
    }
  );
  const reportPermissions = async () => {
    if (await permissions) for (const check of scratch.checks) hop.keep(check);
  };
  const exists = {
    roleArn: use.roleArn,
    roleName,
    applications: use.appIds,
    account: use.destination.account,
    region,
  };
  let trustPolicy: string;
  let account = use.destination.account;
  try {
    // STS runs alongside; waiting for it here costs nothing on the critical path.
    const [role, caller] = await Promise.all([ctx.aws().iam.getRole(roleName, ctx.call), identity]);
    trustPolicy = role.trustPolicy;
    account = caller?.account || account;
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.record(
        verdict('pinpoint_role.exists', 'fail', 'missing', { ...exists, error: error.describe() }),
        roleName
      );
      hop.skip(SKIP.roleMissing, roleName);
      await permissions.catch(() => undefined);
      return;
    }
    hop.failure('pinpoint_role.exists', readFailure(error), `read ${roleName}`, roleName);
    await reportPermissions();
    return;
  }
  hop.record(verdict('pinpoint_role.exists', 'pass', 'exists', { ...exists, account }), roleName);
  hop.record(
    judgeTrust(trustFacts({ roleName, trustPolicy, account, region, appIds: use.appIds })),
    roleName
  );
  await reportPermissions();
}

export async function checkPinpointRoles(
  ctx: HopContext,
  hop: HopBuilder,
  streams: AppStream[],
  identity: Promise<CallerIdentity | undefined>
): Promise<void> {
  const uses = new Map<string, RoleUse>();
  for (const s of streams) {
    if (s.state !== 'ok' || !s.roleArn || !s.destination || s.destination.kind === 'other')
      continue;
    const key = `${s.roleArn}|${s.destination.arn}`;
    const use = uses.get(key) ?? { roleArn: s.roleArn, destination: s.destination, appIds: [] };
    use.appIds.push(s.appId);
    uses.set(key, use);
  }
  if (uses.size === 0) {
    hop.skip(streams.some((s) => s.state === 'gone') ? SKIP.pinpointGoneRole : SKIP.noRoleToCheck);
    return;
  }
  await Promise.all([...uses.values()].map((use) => checkRole(ctx, hop, use, identity)));
}
