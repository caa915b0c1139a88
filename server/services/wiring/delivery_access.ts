/**
 * Hop 6: may Firehose's role write to the domain? Three gates, each able to refuse on its own: the role's IAM
 * permissions (es:ESHttpPost/Put and the describe calls Firehose makes first), the domain's access policy, and
 * with fine-grained access control the security plugin's mapping of the role as a backend role (else every
 * bulk request is a 403 security_exception). This file reads; judgements/delivery.ts judges.
 */
import { arnIn, bucketArn, roleNameOfArn } from '../../../common/arn';
import { parseDomain } from '../../../common/aws_validation';
import type { DomainStatus } from '../../aws/opensearch_service';
import { ClusterReadError, readRolesMapping } from './cluster_facts';
import { type HopContext, isAwsError, readFailure } from './context';
import type { MappingFacts } from './facts';
import type { DescribedStream } from './firehose_stream';
import type { HopBuilder } from './hop_builder';
import {
  accessPolicyFacts,
  judgeAccessPolicy,
  judgeDomain,
  judgeFirehoseRole,
  judgeMapping,
  judgeNetwork,
} from './judgements/delivery';
import { verdict } from './judgements/verdict';
import {
  type PermissionReport,
  permissionFacts,
  type Requirement,
  rolePermissions,
} from './role_permissions';
import type { StreamInfo } from './stream_info';

export function firehoseRequirements(info: StreamInfo): Requirement[] {
  const domain = info.domainArn ?? arnIn(info.region, 'es', '*', 'domain/*', info.partition);
  const bucket = bucketArn(info.partition, info.bucket ?? '*');
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

const ROLE_CHECK = 'delivery_access.role_permissions' as const;

async function checkRole(
  ctx: HopContext,
  hop: HopBuilder,
  info: StreamInfo
): Promise<PermissionReport | undefined> {
  const roleName = roleNameOfArn(info.roleArn);
  let report: PermissionReport;
  try {
    report = await rolePermissions(ctx, info.roleArn, firehoseRequirements(info));
  } catch (error) {
    if (isAwsError(error, 'not_found')) {
      const facts = permissionFacts(
        { method: 'none', results: [] },
        info.roleArn,
        info.name,
        info.domainArn ?? ''
      );
      hop.record(
        verdict(ROLE_CHECK, 'fail', 'missing_role', {
          ...facts,
          stream: info.name,
          error: error.describe(),
        }),
        info.name
      );
      return undefined;
    }
    throw error;
  }
  const facts = permissionFacts(report, info.roleArn, info.name, info.domainArn ?? '');
  if (report.method === 'none') {
    hop.failure(
      ROLE_CHECK,
      readFailure(report.error),
      `evaluate ${roleName}'s permissions`,
      info.name,
      facts
    );
    return report;
  }
  hop.record(judgeFirehoseRole(facts), info.name);
  return report;
}

async function checkMapping(
  ctx: HopContext,
  hop: HopBuilder,
  stream: DescribedStream,
  domain: DomainStatus
): Promise<void> {
  const { info } = stream;
  const facts: MappingFacts = {
    fineGrainedAccessControl: domain.AdvancedSecurityOptions?.Enabled === true,
    roleArn: info.roleArn,
    indexName: info.indexName,
    domainName: info.domainName,
    endpoint: domain.Endpoint ?? domain.Endpoints?.vpc,
    readable: !ctx.cluster
      ? 'no_cluster'
      : stream.isThisCluster === false
        ? 'other_cluster'
        : 'yes',
  };
  if (facts.fineGrainedAccessControl && facts.readable === 'yes' && ctx.cluster) {
    try {
      const mapping = await readRolesMapping(ctx.cluster, ctx.clusterTimeoutMs);
      facts.mappedRoles = Object.entries(mapping)
        .filter(([, m]) => (m.backend_roles ?? []).includes(info.roleArn))
        .map(([name]) => name);
    } catch (error) {
      facts.readStatus = error instanceof ClusterReadError ? error.statusCode : undefined;
      facts.readError = error instanceof Error ? error.message : String(error);
    }
  }
  hop.record(judgeMapping(facts), info.name);
}

type Described = { domain: DomainStatus } | { error: unknown } | undefined;

export async function checkDeliveryAccess(
  ctx: HopContext,
  hop: HopBuilder,
  stream: DescribedStream
): Promise<void> {
  const { info } = stream;
  // A domain asked for by ARN is described where its ARN says.
  const asked = ctx.request.domain ? parseDomain(ctx.request.domain) : undefined;
  const domainName = info.domainName ?? asked?.name;
  const describe: Promise<Described> = domainName
    ? ctx
        .aws(info.domainRegion || (info.domainName ? undefined : asked?.region) || info.region)
        .opensearch.describeDomain(domainName, ctx.call)
        .then(
          (domain) => ({ domain }),
          (error: unknown) => ({ error })
        )
    : Promise.resolve(undefined);
  const [role, described] = await Promise.all([
    checkRole(ctx, hop, info).catch((error: unknown) => {
      hop.failure(ROLE_CHECK, readFailure(error), 'evaluate the role', info.name);
      return undefined;
    }),
    describe,
  ]);
  const base = { domain: domainName, clusterEndpoint: info.clusterEndpoint, deleted: false };
  if (described === undefined) {
    hop.record(judgeDomain({ ...base, missing: false }), info.name);
    return;
  }
  if ('error' in described) {
    const { error } = described;
    if (isAwsError(error, 'not_found')) {
      hop.record(judgeDomain({ ...base, missing: true, error: error.describe() }), info.name);
      return;
    }
    hop.failure(
      'delivery_access.domain',
      readFailure(error),
      `describe domain ${domainName}`,
      info.name,
      { domain: domainName }
    );
    return;
  }
  const { domain } = described;
  hop.record(
    judgeDomain({
      ...base,
      missing: false,
      deleted: domain.Deleted === true,
      arn: domain.ARN,
      engineVersion: domain.EngineVersion,
      endpoint: domain.Endpoint ?? domain.Endpoints?.vpc,
      fineGrainedAccessControl: domain.AdvancedSecurityOptions?.Enabled === true,
    }),
    info.name
  );
  const network = judgeNetwork({
    domainVpc: domain.VPCOptions?.VPCId ?? (domain.Endpoints?.vpc ? 'vpc' : null),
    streamVpc: info.vpc,
  });
  if (network) hop.record(network, info.name);
  hop.record(
    judgeAccessPolicy(
      accessPolicyFacts({
        roleArn: info.roleArn,
        domainArn: domain.ARN ?? info.domainArn ?? '',
        domainName: domain.DomainName ?? info.domainName ?? domainName ?? '',
        accessPolicies: domain.AccessPolicies,
        roleDecisions: role?.results,
        roleUnreadable: role?.method === 'none',
      })
    ),
    info.name
  );
  await checkMapping(ctx, hop, stream, domain);
}
