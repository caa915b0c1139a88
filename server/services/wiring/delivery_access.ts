/**
 * Hop 6: may Firehose's role write to the domain? Three gates, each able to refuse on its own: the role's IAM
 * permissions (es:ESHttpPost/Put and the describe calls Firehose makes first), the domain's access policy, and
 * with fine-grained access control the security plugin's mapping of the role as a backend role (else every
 * bulk request is a 403 security_exception).
 */
import { roleNameOfArn } from '../../../common/aws_validation';
import type { Json } from '../../../common/validation';
import type { DomainStatus } from '../../aws/opensearch_service';
import { ClusterReadError, readRolesMapping } from './cluster_facts';
import { type HopContext, isAwsError, unknownFromError } from './context';
import type { HopBuilder } from './hop_builder';
import { evaluate, labelStatements, principalMatches, type Statement } from './policy_eval';
import {
  missingActions,
  type PermissionReport,
  permissionEvidence,
  type Requirement,
  rolePermissions,
} from './role_permissions';
import type { StreamInfo } from './stream_info';

export function firehoseRequirements(info: StreamInfo): Requirement[] {
  const domain = info.domainArn ?? `arn:aws:es:${info.region}:*:domain/*`;
  const bucket = `arn:aws:s3:::${info.bucket ?? '*'}`;
  return [
    { action: 'es:DescribeDomain', resource: domain, required: true },
    { action: 'es:DescribeDomains', resource: domain, required: true },
    { action: 'es:DescribeDomainConfig', resource: domain, required: true },
    { action: 'es:ESHttpPost', resource: `${domain}/*`, required: true },
    { action: 'es:ESHttpPut', resource: `${domain}/*`, required: true },
    { action: 'es:ESHttpGet', resource: `${domain}/_all/_settings`, required: false },
    { action: 's3:PutObject', resource: `${bucket}/*`, required: true },
    { action: 's3:GetBucketLocation', resource: bucket, required: false },
  ];
}

async function checkRole(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo
): Promise<PermissionReport | undefined> {
  const roleName = roleNameOfArn(info.roleArn);
  const base = { id: 'role_permissions', title: "Firehose's role may write", subject: info.name };
  let report: PermissionReport;
  try {
    report = await rolePermissions(ctx, info.roleArn, firehoseRequirements(info));
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      hop.add({
        ...base,
        status: 'fail',
        message: `Firehose's role ${info.roleArn} does not exist: nothing is delivered.`,
        evidence: { roleArn: info.roleArn, error: error.describe() },
        remedy: {
          summary:
            'Recreate the role (trusted by firehose.amazonaws.com) or edit the stream to use an existing one.',
          console: `Amazon Data Firehose console → ${info.name} → Configuration → Service access → Edit`,
        },
      });
      return undefined;
    }
    throw error;
  }
  const evidence = { roleArn: info.roleArn, ...permissionEvidence(report) };
  if (report.method === 'none') {
    hop.add(
      unknownFromError({ ...base, evidence }, report.error, `evaluate ${roleName}'s permissions`)
    );
    return report;
  }
  const { required, optional, conditional } = missingActions(report);
  const remedy = {
    summary: `Allow ${[...required, ...optional].map((r) => `${r.action} on ${r.resource}`).join(', ') || 'the actions listed'} to ${roleName}.`,
    console: `IAM console → Roles → ${roleName} → Add permissions → Create inline policy`,
  };
  if (required.length > 0) {
    hop.add({
      ...base,
      status: 'fail',
      message: `${roleName} may not ${required.map((r) => r.action).join(', ')}.`,
      evidence,
      remedy,
    });
  } else if (optional.length > 0 || conditional.length > 0) {
    hop.add({
      ...base,
      status: 'warn',
      message: `${roleName} lacks ${[...optional, ...conditional].map((r) => r.action).join(', ')} (${conditional.length ? 'some only under conditions' : 'not needed to write, used for checks'}).`,
      evidence,
      remedy,
    });
  } else {
    hop.add({
      ...base,
      status: 'pass',
      message: `${roleName} may describe the domain, write to it and back up to S3.`,
      evidence,
    });
  }
  return report;
}

function checkNetwork(hop: HopBuilder, info: StreamInfo, domain: DomainStatus): void {
  const domainInVpc = Boolean(domain.VPCOptions?.VPCId || domain.Endpoints?.vpc);
  if (!domainInVpc && !info.vpc) return;
  const ok = domainInVpc === info.vpc;
  hop.add({
    id: 'network',
    title: 'Network path',
    subject: info.name,
    status: ok ? 'pass' : 'fail',
    message: ok
      ? 'VPC domain, and the stream delivers through the VPC.'
      : domainInVpc
        ? 'The domain lives in a VPC but the stream has no VPC configuration: Firehose cannot reach it.'
        : 'The stream is set to deliver through a VPC but the domain has a public endpoint.',
    evidence: { domainVpc: domain.VPCOptions?.VPCId ?? null, streamVpc: info.vpc },
    remedy: ok
      ? undefined
      : {
          summary:
            'Create the stream with the same network setting as the domain (VPC subnets and security groups).',
        },
  });
}

function checkAccessPolicy(
  hop: HopBuilder,
  info: StreamInfo,
  domain: DomainStatus,
  role: PermissionReport | undefined
): void {
  const base = {
    id: 'access_policy',
    title: 'Domain access policy lets Firehose in',
    subject: info.name,
  };
  const domainArn = domain.ARN ?? info.domainArn ?? '';
  const account = domainArn.split(':')[4] ?? '';
  const who = { arn: info.roleArn, account: info.roleArn.split(':')[4] ?? '' };
  let statements;
  try {
    statements = domain.AccessPolicies
      ? labelStatements(domain.AccessPolicies, 'access policy')
      : [];
  } catch {
    hop.add({
      ...base,
      status: 'unknown',
      message: 'The domain access policy is not valid JSON.',
      evidence: { accessPolicies: domain.AccessPolicies ?? null },
    });
    return;
  }
  // aws:SourceIp conditions never match Firehose (it calls from AWS's own addresses): such a statement does not apply.
  const applies = (s: Statement) => {
    if (!principalMatches(s.Principal, who)) return 'no' as const;
    const keys = Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c));
    if (keys.some((k) => k.toLowerCase() === 'aws:sourceip')) return 'no' as const;
    return keys.length > 0 ? ('conditional' as const) : ('yes' as const);
  };
  const verdicts = ['es:ESHttpPost', 'es:ESHttpPut'].map((action) =>
    evaluate(statements, action, `${domainArn}/_bulk`, applies)
  );
  const evidence = {
    accessPolicies: domain.AccessPolicies ? (JSON.parse(domain.AccessPolicies) as Json) : null,
    decisions: verdicts.map((v, i) => ({
      action: i === 0 ? 'es:ESHttpPost' : 'es:ESHttpPut',
      decision: v.decision,
      by: v.by,
    })),
  };
  const identityAllows =
    role?.method !== 'none' &&
    role?.results
      .filter((r) => r.action === 'es:ESHttpPost' || r.action === 'es:ESHttpPut')
      .every((r) => r.decision === 'allowed');
  const sameAccount = who.account === account;
  const policyJson = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: info.roleArn },
        Action: ['es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpGet'],
        Resource: `${domainArn}/*`,
      },
    ],
  });
  const remedy = {
    summary: `Add a statement allowing ${info.roleArn} es:ESHttp* on ${domainArn}/* (keep your other statements).`,
    console: `Amazon OpenSearch Service console → Domains → ${domain.DomainName ?? info.domainName} → Security configuration → Edit → Access policy`,
    cli: `aws opensearch update-domain-config --domain-name ${domain.DomainName ?? info.domainName} --access-policies '<current policy with this statement added: ${policyJson}>'`,
  };
  if (verdicts.some((v) => v.decision === 'denied')) {
    hop.add({
      ...base,
      status: 'fail',
      message: 'The access policy explicitly denies Firehose’s role.',
      evidence,
      remedy,
    });
  } else if (verdicts.every((v) => v.decision === 'allowed')) {
    hop.add({
      ...base,
      status: 'pass',
      message: 'The access policy allows Firehose’s role.',
      evidence,
    });
  } else if (sameAccount && identityAllows) {
    hop.add({
      ...base,
      status: 'pass',
      message:
        'The access policy does not name the role, but in the same account the role’s own es: permissions are enough.',
      evidence,
    });
  } else if (verdicts.some((v) => v.decision === 'conditional')) {
    hop.add({
      ...base,
      status: 'warn',
      message:
        'The access policy allows the role only under conditions this check cannot evaluate.',
      evidence,
      remedy,
    });
  } else {
    hop.add({
      ...base,
      status: role?.method === 'none' && sameAccount ? 'unknown' : 'fail',
      message: sameAccount
        ? 'Neither the access policy nor (as far as could be read) the role’s own policies allow Firehose to write: every delivery is a 403.'
        : 'The role is in another account and the access policy does not name it: every delivery is a 403.',
      evidence,
      remedy,
    });
  }
}

async function checkMapping(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo,
  domain: DomainStatus
): Promise<void> {
  const base = { id: 'fgac_mapping', title: 'Role mapped as a backend role', subject: info.name };
  if (domain.AdvancedSecurityOptions?.Enabled !== true) {
    hop.add({
      ...base,
      status: 'pass',
      message: 'Fine-grained access control is off: IAM alone decides.',
      evidence: { fineGrainedAccessControl: false },
    });
    return;
  }
  const remedy = {
    summary: `Map ${info.roleArn} as a backend role of a role that may write ${info.indexName}* (all_access, or a custom role with indices:data/write/bulk* and create_index). Use PATCH: a PUT replaces the whole mapping.`,
    console:
      'OpenSearch Dashboards → Security → Roles → (role) → Mapped users → Manage mapping → Backend roles',
    cli: `curl -XPATCH "https://${domain.Endpoint ?? domain.Endpoints?.vpc ?? '<endpoint>'}/_plugins/_security/api/rolesmapping/all_access" -H 'Content-Type: application/json' -d '[{"op":"add","path":"/backend_roles/-","value":"${info.roleArn}"}]'`,
  };
  const evidence = { fineGrainedAccessControl: true, roleArn: info.roleArn };
  if (!ctx.cluster || info.isThisCluster === false) {
    hop.add({
      ...base,
      status: 'unknown',
      message: `Fine-grained access control is on. Check on ${info.domainName}'s Dashboards that ${info.roleArn} is a backend role of a role that may write the indices.`,
      evidence,
      remedy,
    });
    return;
  }
  try {
    const mapping = await readRolesMapping(ctx.cluster, ctx.clusterTimeoutMs);
    const roles = Object.entries(mapping)
      .filter(([, m]) => (m.backend_roles ?? []).includes(info.roleArn))
      .map(([name]) => name);
    hop.add({
      ...base,
      status: roles.length > 0 ? 'pass' : 'fail',
      message:
        roles.length > 0
          ? `Mapped to ${roles.join(', ')}.`
          : `Fine-grained access control is on and ${info.roleArn} is not a backend role of any role: bulk requests fail with 403 security_exception.`,
      evidence: { ...evidence, mappedRoles: roles },
      remedy: roles.length > 0 ? undefined : remedy,
    });
  } catch (error) {
    const status = error instanceof ClusterReadError ? error.statusCode : undefined;
    hop.add({
      ...base,
      status: 'unknown',
      message:
        status === 401 || status === 403
          ? `You may not read the security configuration. Ask an administrator to check that ${info.roleArn} is a backend role of a role that may write ${info.indexName}*.`
          : `Could not read the role mappings (${error instanceof Error ? error.message : String(error)}).`,
      evidence,
      remedy,
    });
  }
}

type Described = { domain: DomainStatus } | { error: unknown } | undefined;

export async function checkDeliveryAccess(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo
): Promise<void> {
  const domainName = info.domainName ?? ctx.request.domain;
  const describe: Promise<Described> = domainName
    ? ctx
        .aws(info.domainRegion || info.region)
        .opensearch.describeDomain(domainName, ctx.call)
        .then(
          (domain) => ({ domain }),
          (error: unknown) => ({ error })
        )
    : Promise.resolve(undefined);
  const [role, described] = await Promise.all([
    checkRole(ctx, hop, info).catch((error: unknown) => {
      hop.add(
        unknownFromError(
          { id: 'role_permissions', title: "Firehose's role may write", subject: info.name },
          error,
          'evaluate the role'
        )
      );
      return undefined;
    }),
    describe,
  ]);
  const base = { id: 'domain', title: 'Domain exists', subject: info.name };
  if (described === undefined) {
    hop.add({
      ...base,
      status: 'unknown',
      message: `The stream names an endpoint (${info.clusterEndpoint}), not a domain: give the domain name to check its policy.`,
      evidence: { clusterEndpoint: info.clusterEndpoint },
    });
    return;
  }
  if ('error' in described) {
    const { error } = described;
    if (isAwsError(error, 'not_found')) {
      hop.add({
        ...base,
        status: 'fail',
        message: `Domain ${domainName} does not exist: Firehose has nowhere to deliver.`,
        evidence: { domain: domainName, error: error.describe() },
        remedy: { summary: 'Create the domain, or a new stream that delivers to an existing one.' },
      });
      return;
    }
    hop.add(
      unknownFromError(
        { ...base, evidence: { domain: domainName } },
        error,
        `describe domain ${domainName}`
      )
    );
    return;
  }
  const { domain } = described;
  hop.add({
    ...base,
    status: domain.Deleted ? 'fail' : 'pass',
    message: domain.Deleted
      ? `Domain ${domainName} is being deleted.`
      : `${domain.ARN} (${domain.EngineVersion ?? 'unknown version'}).`,
    evidence: {
      arn: domain.ARN,
      engineVersion: domain.EngineVersion,
      endpoint: domain.Endpoint ?? domain.Endpoints?.vpc,
      fineGrainedAccessControl: domain.AdvancedSecurityOptions?.Enabled === true,
    },
  });
  checkNetwork(hop, info, domain);
  checkAccessPolicy(hop, info, domain, role);
  await checkMapping(ctx, hop, info, domain);
}
