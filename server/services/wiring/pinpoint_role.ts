/**
 * Hop 3: the role Pinpoint writes with. pinpoint.amazonaws.com must be trusted (with aws:SourceAccount /
 * aws:SourceArn conditions that match this project, the confused-deputy guard) and the role must be allowed
 * firehose:PutRecordBatch and firehose:DescribeDeliveryStream on the stream.
 */
import { roleNameOfArn } from '../../../common/aws_validation';
import type { Json } from '../../../common/validation';
import type { CallerIdentity } from '../../aws/sts';
import { type HopContext, isAwsError, unknownFromError } from './context';
import type { AppStream, Destination } from './event_stream';
import { HopBuilder } from './hop_builder';
import {
  actionMatches,
  asList,
  servicePrincipalMatches,
  statementsOf,
  wildcardMatch,
} from './policy_eval';
import {
  missingActions,
  permissionEvidence,
  type Requirement,
  rolePermissions,
} from './role_permissions';

const PINPOINT_SERVICE = 'pinpoint.amazonaws.com';

interface RoleUse {
  roleArn: string;
  destination: Destination;
  appIds: string[];
}

function trustPolicyFor(account: string, region: string, partition = 'aws'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: PINPOINT_SERVICE },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: {
            'aws:SourceArn': `arn:${partition}:mobiletargeting:${region}:${account}:apps/*`,
          },
        },
      },
    ],
  });
}

type ConditionVerdict = { result: 'match' | 'mismatch' | 'unknown'; detail: string };

/** Evaluate the conditions we can (SourceAccount, SourceArn) against the context Pinpoint sends. */
function conditionVerdict(
  condition: Record<string, Record<string, string | string[] | boolean>>,
  context: Record<string, string>
): ConditionVerdict {
  const unknown: string[] = [];
  for (const [operator, entries] of Object.entries(condition)) {
    for (const [key, raw] of Object.entries(entries)) {
      const contextKey = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
      const values = asList(typeof raw === 'boolean' ? String(raw) : raw);
      const op = operator.replace(/IfExists$/, '');
      if (!contextKey || !/^(StringEquals|StringLike|ArnEquals|ArnLike)$/.test(op)) {
        unknown.push(`${operator} ${key}`);
        continue;
      }
      const actual = context[contextKey];
      const like = op.endsWith('Like');
      if (!values.some((v) => (like ? wildcardMatch(v, actual) : v === actual))) {
        return {
          result: 'mismatch',
          detail: `${key} must be ${values.join(' or ')}, Pinpoint sends ${actual}`,
        };
      }
    }
  }
  if (unknown.length > 0)
    return { result: 'unknown', detail: `cannot evaluate ${unknown.join(', ')}` };
  return { result: 'match', detail: 'conditions match' };
}

function checkTrust(
  hop: HopBuilder,
  use: RoleUse,
  trustPolicy: string,
  account: string,
  region: string
): void {
  const base = {
    id: 'trust',
    title: 'Trusted by pinpoint.amazonaws.com',
    subject: roleNameOfArn(use.roleArn),
  };
  const remedy = {
    summary: 'Let Pinpoint assume the role, limited to your account and its projects.',
    console: `IAM console → Roles → ${roleNameOfArn(use.roleArn)} → Trust relationships → Edit trust policy`,
    cli: `aws iam update-assume-role-policy --role-name ${roleNameOfArn(use.roleArn)} --policy-document '${trustPolicyFor(account, region)}'`,
  };
  let statements;
  try {
    statements = statementsOf(trustPolicy);
  } catch {
    hop.add({ ...base, status: 'fail', message: 'The trust policy is not valid JSON.', remedy });
    return;
  }
  const trusting = statements.filter(
    (s) =>
      String(s.Effect).toLowerCase() === 'allow' &&
      actionMatches(s, 'sts:AssumeRole') &&
      servicePrincipalMatches(s.Principal, PINPOINT_SERVICE)
  );
  const evidence: Record<string, Json> = { trustPolicy: JSON.parse(trustPolicy) as Json, account };
  if (trusting.length === 0) {
    hop.add({
      ...base,
      status: 'fail',
      message: `${PINPOINT_SERVICE} may not assume this role, so Pinpoint cannot deliver events.`,
      evidence,
      remedy,
    });
    return;
  }
  const verdicts = use.appIds.map((appId) => {
    const context = {
      'aws:SourceAccount': account,
      'aws:SourceArn': `arn:aws:mobiletargeting:${region}:${account}:apps/${appId}`,
    };
    const perStatement = trusting.map((s) =>
      s.Condition
        ? conditionVerdict(s.Condition, context)
        : { result: 'open' as const, detail: 'no condition' }
    );
    return { appId, perStatement };
  });
  const blocked = verdicts.filter((v) => v.perStatement.every((p) => p.result === 'mismatch'));
  if (blocked.length > 0) {
    hop.add({
      ...base,
      status: 'fail',
      message: `The trust policy's conditions shut Pinpoint out for ${blocked.map((b) => b.appId).join(', ')}: ${blocked[0].perStatement[0].detail}.`,
      evidence,
      remedy,
    });
    return;
  }
  const open = verdicts.some((v) => v.perStatement.some((p) => p.result === 'open'));
  if (open) {
    hop.add({
      ...base,
      status: 'warn',
      message:
        'Pinpoint may assume the role, but without an aws:SourceAccount or aws:SourceArn condition any account’s Pinpoint could use it (confused deputy).',
      evidence,
      remedy,
    });
    return;
  }
  const unsure = verdicts.flatMap((v) => v.perStatement.filter((p) => p.result === 'unknown'));
  if (
    unsure.length > 0 &&
    !verdicts.every((v) => v.perStatement.some((p) => p.result === 'match'))
  ) {
    hop.add({
      ...base,
      status: 'warn',
      message: `Pinpoint is trusted under conditions this check cannot evaluate (${unsure[0].detail}).`,
      evidence,
      remedy,
    });
    return;
  }
  hop.add({
    ...base,
    status: 'pass',
    message:
      'Pinpoint may assume the role, limited by aws:SourceAccount/aws:SourceArn to this account.',
    evidence,
  });
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
  const base = { id: 'permissions', title: `Allowed to write to the stream`, subject: roleName };
  const requirements = requirementsFor(use.destination);
  const report = await rolePermissions(ctx, use.roleArn, requirements);
  const evidence = permissionEvidence(report);
  if (report.method === 'none') {
    hop.add(
      unknownFromError({ ...base, evidence }, report.error, `evaluate ${roleName}'s permissions`)
    );
    return;
  }
  const { required, conditional } = missingActions(report);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: requirements.map((r) => r.action), Resource: use.destination.arn },
    ],
  });
  const remedy = {
    summary: `Allow ${requirements.map((r) => r.action).join(' and ')} on ${use.destination.arn}.`,
    console: `IAM console → Roles → ${roleName} → Add permissions → Create inline policy`,
    cli: `aws iam put-role-policy --role-name ${roleName} --policy-name pinpoint-event-stream --policy-document '${policy}'`,
  };
  if (required.length > 0) {
    hop.add({
      ...base,
      status: 'fail',
      message: `${roleName} may not ${required.map((r) => `${r.action} (${r.decision === 'denied' ? 'explicitly denied' : 'not allowed'})`).join(', ')} on ${use.destination.name}.`,
      evidence,
      remedy,
    });
    return;
  }
  if (conditional.length > 0) {
    hop.add({
      ...base,
      status: 'warn',
      message: `${conditional.map((r) => r.action).join(', ')} are allowed only under conditions this check cannot evaluate.`,
      evidence,
      remedy,
    });
    return;
  }
  hop.add({
    ...base,
    status: 'pass',
    message: `${roleName} may ${requirements.map((r) => r.action).join(' and ')} on ${use.destination.name}.`,
    evidence,
  });
}

async function checkRole(
  ctx: HopContext,
  hop: HopBuilder,
  use: RoleUse,
  identity: Promise<CallerIdentity | undefined>
): Promise<void> {
  const roleName = roleNameOfArn(use.roleArn);
  let trustPolicy: string;
  let account = use.destination.account;
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
    if (await permissions) for (const check of scratch.checks) hop.add(check);
  };
  try {
    // STS runs alongside; waiting for it here costs nothing on the critical path.
    const [role, caller] = await Promise.all([ctx.aws().iam.getRole(roleName, ctx.call), identity]);
    trustPolicy = role.trustPolicy;
    account = caller?.account || account;
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.add({
        id: 'exists',
        title: 'Role exists',
        subject: roleName,
        status: 'fail',
        message: `The event stream's role ${use.roleArn} does not exist.`,
        evidence: { roleArn: use.roleArn, error: error.describe() },
        remedy: {
          summary:
            'Create the role (trusted by pinpoint.amazonaws.com) or point the event stream at an existing one.',
          cli: `aws iam create-role --role-name ${roleName} --assume-role-policy-document '${trustPolicyFor(account, ctx.request.region)}'`,
        },
      });
      hop.skip('The role does not exist.', roleName);
      await permissions.catch(() => undefined);
      return;
    }
    hop.add(
      unknownFromError(
        { id: 'exists', title: 'Role exists', subject: roleName },
        error,
        `read ${roleName}`
      )
    );
    await reportPermissions();
    return;
  }
  hop.add({
    id: 'exists',
    title: 'Role exists',
    subject: roleName,
    status: 'pass',
    message: `${use.roleArn}, used by ${use.appIds.join(', ')}.`,
    evidence: { roleArn: use.roleArn, applications: use.appIds },
  });
  checkTrust(hop, use, trustPolicy, account, ctx.request.region);
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
    hop.skip(
      streams.some((s) => s.state === 'gone')
        ? 'Pinpoint no longer answers, so its role is not known.'
        : 'No event stream with a role and a stream destination to check.'
    );
    return;
  }
  await Promise.all([...uses.values()].map((use) => checkRole(ctx, hop, use, identity)));
}
