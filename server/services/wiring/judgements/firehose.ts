/** Judgements of the Firehose stream itself, pure: it exists and is ACTIVE, takes Direct PUT, delivers here. */
import type {
  ClusterMatchFacts,
  StreamDestinationFacts,
  StreamExistsFacts,
  StreamSourceFacts,
  StreamStatusFacts,
} from '../facts';
import { verdict } from './verdict';

export function judgeStreamExists(f: StreamExistsFacts, found: boolean) {
  if (f.askedAccount && f.callerAccount && f.askedAccount !== f.callerAccount)
    return verdict('firehose.exists', 'unknown', 'other_account', f);
  return found
    ? verdict('firehose.exists', 'pass', 'exists', f)
    : verdict('firehose.exists', 'fail', 'missing', f);
}

export function judgeStreamStatus(f: StreamStatusFacts) {
  if (f.status === 'ACTIVE') return verdict('firehose.status', 'pass', 'active', f);
  if (f.status === 'CREATING') return verdict('firehose.status', 'warn', 'creating', f);
  return verdict('firehose.status', 'fail', 'broken', f);
}

export function judgeStreamSource(f: StreamSourceFacts) {
  if (f.deliveryStreamType === 'DirectPut') return verdict('firehose.source', 'pass', 'direct', f);
  if (f.deliveryStreamType === 'KinesisStreamAsSource' && f.fromPinpoint)
    return verdict('firehose.source', 'pass', 'from_pinpoint', f);
  return verdict('firehose.source', 'fail', 'wrong', f);
}

export function judgeStreamDestination(f: StreamDestinationFacts) {
  switch (f.destination) {
    case 'AmazonopensearchserviceDestination':
    case 'opensearch':
      return verdict('firehose.destination', 'pass', 'opensearch', f);
    case 'ElasticsearchDestination':
    case 'elasticsearch':
      return verdict('firehose.destination', 'pass', 'elasticsearch', f);
    case 'AmazonOpenSearchServerless':
      return verdict('firehose.destination', 'fail', 'serverless', f);
    default:
      return verdict('firehose.destination', 'fail', 'other', f);
  }
}

/** The domain asked for, by name or (kept as given) by ARN: an ARN must match the stream's domain ARN. */
function askedOtherDomain(f: ClusterMatchFacts): boolean {
  if (!f.askedDomain) return false;
  if (f.askedDomain.startsWith('arn:'))
    return f.domainArn !== undefined && f.askedDomain !== f.domainArn;
  return f.domainName !== undefined && f.askedDomain !== f.domainName;
}

/**
 * Is the stream's domain the cluster these dashboards read? Amazon OpenSearch Service names a domain's cluster
 * `<account>:<domain>`; any other name cannot be compared. `undefined`: not known either way.
 */
export function isThisCluster(f: ClusterMatchFacts): boolean | undefined {
  if (askedOtherDomain(f)) return false;
  if (!f.clusterDomain || !f.domainName) return undefined;
  return (
    f.domainName === f.clusterDomain && (!f.domainAccount || f.domainAccount === f.clusterAccount)
  );
}

export function judgeClusterMatch(f: ClusterMatchFacts) {
  if (askedOtherDomain(f)) return verdict('firehose.domain', 'fail', 'not_asked', f);
  if (f.noCluster) return verdict('firehose.domain', 'unknown', 'no_cluster', f);
  if (f.clusterError) return verdict('firehose.domain', 'unknown', 'cluster_unreadable', f);
  if (!f.clusterDomain) return verdict('firehose.domain', 'unknown', 'unmanaged_name', f);
  if (!f.domainName) return verdict('firehose.domain', 'unknown', 'endpoint_only', f);
  return isThisCluster(f)
    ? verdict('firehose.domain', 'pass', 'match', f)
    : verdict('firehose.domain', 'fail', 'mismatch', f);
}
