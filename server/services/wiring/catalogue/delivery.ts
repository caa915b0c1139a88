/**
 * Wording of the last three hops: documents OpenSearch refused (kept in S3), whether Firehose may write to the
 * domain (role, network, access policy, fine-grained access control), and whether anything is flowing.
 */
import type {
  AccessPolicyFacts,
  DomainFacts,
  FailedRecordsFacts,
  FlowFactsEvidence,
  FreshnessFacts,
  LatestDocumentFacts,
  MappingFacts,
  NetworkFacts,
  PermissionFacts,
  RoleExistsFacts,
  SuccessFacts,
} from '../facts';
import { IAM_INLINE_POLICY_CONSOLE } from './commands';
import { forReasons, wording } from './wording';

const mappingRemedy = (f: MappingFacts) => ({
  text: `Map ${f.roleArn} as a backend role of a role that may write ${f.indexName}* (all_access, or a custom role with indices:data/write/bulk* and create_index). Use PATCH: a PUT replaces the whole mapping.`,
  console:
    'OpenSearch Dashboards → Security → Roles → (role) → Mapped users → Manage mapping → Backend roles',
  command: `curl -XPATCH "https://${f.endpoint ?? '<endpoint>'}/_plugins/_security/api/rolesmapping/all_access" -H 'Content-Type: application/json' -d '[{"op":"add","path":"/backend_roles/-","value":"${f.roleArn}"}]'`,
});

function accessPolicyRemedy(f: AccessPolicyFacts) {
  const statement = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: f.roleArn },
        Action: ['es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpGet'],
        Resource: `${f.domainArn}/*`,
      },
    ],
  });
  return {
    text: `Add a statement allowing ${f.roleArn} es:ESHttp* on ${f.domainArn}/* (keep your other statements).`,
    console: `Amazon OpenSearch Service console → Domains → ${f.domainName} → Security configuration → Edit → Access policy`,
    command: `aws opensearch update-domain-config --domain-name ${f.domainName} --access-policies '<current policy with this statement added: ${statement}>'`,
  };
}

export const DELIVERY_CHECKS = {
  'failed_records.recent': wording<FailedRecordsFacts>()({
    title: 'No recently failed documents',
    message: {
      none: (f) => `No failed documents in s3://${f.bucket} in the last ${f.windowDays} days.`,
      missing_bucket: (f) =>
        `The backup bucket ${f.bucket} does not exist: documents OpenSearch refuses are lost.`,
      recent: (f) => failedSummary(f),
      older: (f) => failedSummary(f),
    },
    remedy: {
      missing_bucket: (f) => ({
        text: `Create the bucket ${f.bucket} (same region), or point the stream's S3 backup at an existing one.`,
        command: `aws s3 mb s3://${f.bucket} --region ${f.region}`,
      }),
      ...forReasons(['recent', 'older'], (f: FailedRecordsFacts) => ({
        text:
          (f.firstFix ?? 'Read the error message of the failed documents.') +
          " Once fixed, re-drive the documents from S3 (each record's rawData is the original event, base64).",
        console: `S3 console → ${f.bucket} → ${(f.newestKey ?? '').split('/').slice(0, -1).join('/')}/`,
        command: `aws s3 ls s3://${f.bucket}/${f.prefixes[0] ?? ''} --recursive | tail`,
      })),
    },
  }),

  'delivery_access.role_permissions': wording<PermissionFacts & Partial<RoleExistsFacts>>()({
    title: "Firehose's role may write",
    message: {
      missing_role: (f) => `Firehose's role ${f.roleArn} does not exist: nothing is delivered.`,
      lacks_required: (f) => `${f.roleName} may not ${f.missingRequired.join(', ')}.`,
      lacks_optional: (f) =>
        `${f.roleName} lacks ${[...f.missingOptional, ...f.conditional].join(', ')} (${f.conditional.length ? 'some only under conditions' : 'not needed to write, used for checks'}).`,
      allowed: (f) => `${f.roleName} may describe the domain, write to it and back up to S3.`,
    },
    remedy: {
      missing_role: (f) => ({
        text: 'Recreate the role (trusted by firehose.amazonaws.com) or edit the stream to use an existing one.',
        console: `Amazon Data Firehose console → ${f.stream ?? f.target} → Configuration → Service access → Edit`,
      }),
      ...forReasons(['lacks_required', 'lacks_optional'], (f: PermissionFacts) => {
        const missing = new Set([...f.missingRequired, ...f.missingOptional]);
        const list = f.decisions
          .filter((d) => missing.has(d.action))
          .map((d) => `${d.action} on ${d.resource}`)
          .join(', ');
        return {
          text: `Allow ${list || 'the actions listed'} to ${f.roleName}.`,
          console: IAM_INLINE_POLICY_CONSOLE(f.roleName),
        };
      }),
    },
  }),

  'delivery_access.domain': wording<DomainFacts>()({
    title: 'Domain exists',
    message: {
      endpoint_only: (f) =>
        `The stream names an endpoint (${f.clusterEndpoint}), not a domain: give the domain name to check its policy.`,
      missing: (f) => `Domain ${f.domain} does not exist: Firehose has nowhere to deliver.`,
      deleted: (f) => `Domain ${f.domain} is being deleted.`,
      exists: (f) => `${f.arn} (${f.engineVersion ?? 'unknown version'}).`,
    },
    remedy: {
      missing: () => ({
        text: 'Create the domain, or a new stream that delivers to an existing one.',
      }),
    },
  }),

  'delivery_access.network': wording<NetworkFacts>()({
    title: 'Network path',
    message: {
      vpc: () => 'VPC domain, and the stream delivers through the VPC.',
      domain_vpc_only: () =>
        'The domain lives in a VPC but the stream has no VPC configuration: Firehose cannot reach it.',
      stream_vpc_only: () =>
        'The stream is set to deliver through a VPC but the domain has a public endpoint.',
    },
    remedy: forReasons(['domain_vpc_only', 'stream_vpc_only'], () => ({
      text: 'Create the stream with the same network setting as the domain (VPC subnets and security groups).',
    })),
  }),

  'delivery_access.access_policy': wording<AccessPolicyFacts>()({
    title: 'Domain access policy lets Firehose in',
    message: {
      invalid: () => 'The domain access policy is not valid JSON.',
      denied: () => 'The access policy explicitly denies Firehose’s role.',
      allowed: () => 'The access policy allows Firehose’s role.',
      identity_enough: () =>
        'The access policy does not name the role, but in the same account the role’s own es: permissions are enough.',
      conditional: () =>
        'The access policy allows the role only under conditions this check cannot evaluate.',
      closed: () =>
        'Neither the access policy nor (as far as could be read) the role’s own policies allow Firehose to write: every delivery is a 403.',
      closed_unreadable: () =>
        'The access policy does not name the role and the role’s own policies could not be read: whether Firehose may write is not known.',
      other_account: () =>
        'The role is in another account and the access policy does not name it: every delivery is a 403.',
    },
    remedy: forReasons(
      ['denied', 'conditional', 'closed', 'closed_unreadable', 'other_account'],
      accessPolicyRemedy
    ),
  }),

  'delivery_access.fgac_mapping': wording<MappingFacts>()({
    title: 'Role mapped as a backend role',
    message: {
      off: () => 'Fine-grained access control is off: IAM alone decides.',
      elsewhere: (f) =>
        `Fine-grained access control is on. Check on ${f.domainName}'s Dashboards that ${f.roleArn} is a backend role of a role that may write the indices.`,
      mapped: (f) => `Mapped to ${(f.mappedRoles ?? []).join(', ')}.`,
      unmapped: (f) =>
        `Fine-grained access control is on and ${f.roleArn} is not a backend role of any role: bulk requests fail with 403 security_exception.`,
      forbidden: (f) =>
        `You may not read the security configuration. Ask an administrator to check that ${f.roleArn} is a backend role of a role that may write ${f.indexName}*.`,
      unreadable: (f) => `Could not read the role mappings (${f.readError}).`,
    },
    remedy: forReasons(['elsewhere', 'unmapped', 'forbidden', 'unreadable'], mappingRemedy),
  }),

  'delivery_metrics.success': wording<SuccessFacts>()({
    title: 'Delivery success (CloudWatch)',
    message: {
      none: () => 'No delivery attempts in the last hour.',
      ok: (f) => successSummary(f),
      failing: (f) => successSummary(f),
    },
    remedy: {
      failing: () => ({
        text: 'Records are being refused: see the failed documents and the access hop.',
      }),
    },
  }),

  'delivery_metrics.freshness': wording<FreshnessFacts>()({
    title: 'Data freshness (CloudWatch)',
    message: {
      none: () => 'No records waited in the stream in the last hour.',
      ok: (f) => freshnessSummary(f),
      stale: (f) => freshnessSummary(f),
    },
    remedy: {
      stale: (f) => ({
        text: 'Records are stuck in Firehose (retrying). Look at the failed documents, the CloudWatch error log and the domain’s health.',
        console: `CloudWatch console → Alarms → Create alarm → AWS/Firehose ${f.metricPrefix}.DataFreshness, DeliveryStreamName=${f.stream}, > ${f.limitSeconds}`,
      }),
    },
  }),

  'delivery_metrics.latest_document': wording<LatestDocumentFacts>()({
    title: 'Newest document in the cluster',
    message: {
      other_cluster: () => 'The stream delivers to another cluster: not read here.',
      no_cluster: () => 'No cluster to read.',
      unreadable: (f) => `Could not read ${f.pattern}: ${f.readError}`,
      empty: (f) => `No document with an arrival_timestamp under ${f.pattern}.`,
      recent: (f) => latestSummary(f),
      old: (f) => latestSummary(f),
      missing: (f) => latestSummary(f),
    },
    remedy: {
      missing: () => ({
        text: 'Records come in but none reached these indices recently: see the failed documents and the access hop.',
      }),
    },
  }),

  'delivery_metrics.flow': wording<FlowFactsEvidence>()({
    title: 'Events flowing',
    message: {
      flowing: () => 'Flowing: events reach the cluster within the buffer interval.',
      stalled: () => 'Stalled: events come in but are not delivered in time.',
      idle: () =>
        'Idle: no events came in during the last hour, so delivery cannot be confirmed. Expected when nothing is sending (Pinpoint reached end of support on 2026-10-30).',
      unknown: () => 'Neither CloudWatch nor the cluster could tell whether events flow.',
    },
    remedy: {
      stalled: () => ({
        text: 'Look at the failed documents (hop 5) and the access checks (hop 6): they name the cause.',
      }),
      idle: () => ({
        text: 'Send a test event (or an SES/End User Messaging event to the same stream) and run the check again.',
      }),
    },
  }),
} as const;

function failedSummary(f: FailedRecordsFacts): string {
  return (
    `${f.files}${f.more ? '+' : ''} failed-document files in the last ${f.windowDays} days, newest ${f.newestAt ?? f.newestKey}` +
    ` (${f.summary ?? 'the files could not be decoded'}).`
  );
}

function successSummary(f: SuccessFacts): string {
  return `${((f.successRatio ?? 0) * 100).toFixed(1)}% of records indexed in the last hour (${f.deliveredRecords} delivered, ${f.incomingRecords} in; ${f.metricPrefix}.Success).`;
}

function freshnessSummary(f: FreshnessFacts): string {
  return `The oldest record waited at most ${Math.round(f.dataFreshnessMaxSeconds ?? 0)} s (limit ${f.limitSeconds} s for a ${f.intervalSeconds} s buffer; ${f.metricPrefix}.DataFreshness).`;
}

function latestSummary(f: LatestDocumentFacts): string {
  return `Newest arrival_timestamp ${f.latestArrival} (${Math.round(f.ageSeconds ?? 0)} s ago; a ${f.intervalSeconds} s buffer allows ${f.limitSeconds} s).`;
}
