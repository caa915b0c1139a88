/**
 * The facts each wiring check is judged on: what the hop read from AWS or the cluster, reduced to plain values.
 * Facts are the check's evidence too (the report shows exactly what the judgement saw). Types only: no reading
 * and no judging here.
 */
import type { IndexRotation } from '../../../common/index_naming';
import type { Json } from '../../../common/validation';
import type { AwsErrorKind } from '../../aws/errors';

/** A call that failed, as a judgement needs it: never a verdict about the pipeline, always `unknown`. */
export interface CallFailure {
  kind: AwsErrorKind;
  /** `service:Operation`, e.g. `firehose:DescribeDeliveryStream`; absent for a non-AWS failure. */
  call?: string;
  /** The IAM action to grant the checker for this call. */
  action?: string;
  /** A host that did not resolve (DNS), when that was the failure. */
  unresolvedHost?: string;
  /** For evidence: the call and what AWS (or the socket) said. */
  error: string;
}

export interface IdentityFacts {
  region: string;
  account?: string;
  arn?: string;
  assumedRole?: string;
  error?: string;
  failureKind?: AwsErrorKind;
}

export interface EventStreamFacts {
  applicationId: string;
  region: string;
  destinationStreamArn?: string;
  roleArn?: string | null;
  lastModifiedDate?: string;
  lastUpdatedBy?: string;
  /** The stream the user named (name or ARN), if any. */
  askedStream?: string;
  error?: string;
  endOfSupport?: string;
}

export interface DestinationFacts {
  applicationId: string;
  region: string;
  destinationStreamArn: string;
  kind: 'firehose' | 'kinesis' | 'other' | 'invalid';
  destinationName?: string;
  destinationAccount?: string;
  asked?: string;
  roleArn?: string;
}

/** Everything a `put-event-stream` command needs. */
export interface RoleSetFacts {
  applicationId: string;
  region: string;
  roleArn: string | null;
  destinationName?: string;
}

export interface PinpointRoleFacts {
  roleArn: string;
  roleName: string;
  applications: string[];
  account: string;
  region: string;
  error?: string;
}

export interface TrustFacts {
  roleName: string;
  account: string;
  region: string;
  trustPolicy: Json | null;
  /** Statements letting pinpoint.amazonaws.com assume the role. */
  trusting: number;
  /** Applications every trusting statement's conditions shut out, with the first reason. */
  blocked: string[];
  blockedDetail?: string;
  /** A trusting statement without conditions (confused deputy). */
  open: boolean;
  /** A condition this check cannot evaluate, when no statement matches outright. */
  unsure?: string;
  invalidJson: boolean;
}

export interface PermissionDecisionFacts {
  action: string;
  resource: string;
  decision: string;
  by?: string[];
}

export interface PermissionFacts {
  roleArn: string;
  roleName: string;
  method: 'simulation' | 'policy documents' | 'none';
  decisions: PermissionDecisionFacts[];
  note?: string;
  /** Required actions denied or not allowed, optional ones, and those allowed only under conditions. */
  missingRequired: string[];
  missingOptional: string[];
  conditional: string[];
  /** What the role writes to (Pinpoint's role) or the domain (Firehose's role). */
  target: string;
  targetArn: string;
}

export interface StreamNamedFacts {
  pinpointGone: boolean;
}

export interface StreamExistsFacts {
  name: string;
  region: string;
  arn?: string;
  versionId?: string;
  /** Given as an ARN: the account it names, and the account the check runs as. */
  askedAccount?: string;
  callerAccount?: string;
  error?: string;
}

export interface StreamStatusFacts {
  name: string;
  status: string;
  failure?: string;
}

export interface StreamSourceFacts {
  deliveryStreamType: string;
  kinesisSource?: string;
  /** The Kinesis source is the data stream Pinpoint writes to. */
  fromPinpoint: boolean;
}

export interface StreamDestinationFacts {
  destination: string;
}

export interface ClusterMatchFacts {
  destinationType: string;
  domainArn?: string;
  domainName?: string;
  domainAccount?: string;
  clusterEndpoint?: string;
  askedDomain?: string;
  /** This cluster as GET / names it; absent when there is no cluster (CLI) or it could not be read. */
  clusterName?: string;
  clusterAccount?: string;
  clusterDomain?: string;
  clusterError?: string;
  noCluster: boolean;
}

/** The coordinates an `aws firehose update-destination` command needs. */
export interface StreamCoordinates {
  name: string;
  region: string;
  versionId: string;
  destinationId: string;
  destType: 'opensearch' | 'elasticsearch';
}

export interface IndexNameFacts {
  stream: StreamCoordinates;
  indexName: string;
  rotation: IndexRotation;
  todaysIndex?: string;
  tomorrowsIndex?: string;
  templatePattern: string;
  covered: boolean;
  /** Set when IndexName itself is refused by OpenSearch. */
  invalid?: string;
}

export interface RotationFacts {
  stream: StreamCoordinates;
  rotation: IndexRotation;
}

export interface BufferingFacts {
  stream: StreamCoordinates;
  intervalSeconds: number;
  sizeMb: number;
}

export interface RetryFacts {
  stream: StreamCoordinates;
  durationInSeconds: number;
}

export interface BackupFacts {
  stream: StreamCoordinates;
  s3BackupMode: string;
  bucket?: string;
  prefix: string;
  errorOutputPrefix?: string;
}

export interface LoggingFacts {
  stream: StreamCoordinates;
  enabled: boolean;
  logGroup?: string;
}

export interface FailedRecordsFacts {
  stream: string;
  region: string;
  bucket: string;
  prefixes: string[];
  windowDays: number;
  files: number;
  /** The listing stopped at its limit: there are more files than counted. */
  more: boolean;
  newestKey?: string;
  newestAt?: string;
  /** The newest file is under a day old. */
  recent: boolean;
  groups: Json;
  /** The first group's fix, for the remedy. */
  firstFix?: string;
  summary?: string;
  readError?: string;
  /** The bucket does not exist. */
  missingBucket: boolean;
  error?: string;
}

export interface RoleExistsFacts {
  roleArn: string;
  stream: string;
  error?: string;
}

export interface DomainFacts {
  domain?: string;
  arn?: string;
  engineVersion?: string;
  endpoint?: string;
  fineGrainedAccessControl?: boolean;
  clusterEndpoint?: string;
  deleted: boolean;
  missing: boolean;
  error?: string;
}

export interface NetworkFacts {
  domainVpc: string | null;
  streamVpc: boolean;
}

export interface AccessPolicyFacts {
  roleArn: string;
  domainArn: string;
  domainName: string;
  accessPolicies: Json | null;
  invalidJson: boolean;
  decisions: PermissionDecisionFacts[];
  sameAccount: boolean;
  /** The role's own es: permissions allow the writes (same account is then enough). */
  identityAllows: boolean;
  /** The role's policies could not be read at all. */
  roleUnreadable: boolean;
}

export interface MappingFacts {
  fineGrainedAccessControl: boolean;
  roleArn: string;
  indexName: string;
  domainName?: string;
  endpoint?: string;
  /** Where the mapping could be read: this cluster, or it is another one / no cluster at all. */
  readable: 'yes' | 'other_cluster' | 'no_cluster';
  mappedRoles?: string[];
  readStatus?: number;
  readError?: string;
}

export interface SuccessFacts {
  metricPrefix: string;
  incomingRecords: number;
  deliveredRecords: number;
  successRatio?: number;
  window: string;
}

export interface FreshnessFacts {
  metricPrefix: string;
  stream: string;
  dataFreshnessMaxSeconds?: number;
  limitSeconds: number;
  intervalSeconds: number;
}

export interface LatestDocumentFacts {
  pattern: string;
  source: 'read' | 'other_cluster' | 'no_cluster' | 'error';
  latestArrival?: string;
  ageSeconds?: number;
  limitSeconds: number;
  intervalSeconds: number;
  incomingRecords: number;
  readError?: string;
}

export interface FlowFactsEvidence {
  verdict: 'flowing' | 'stalled' | 'idle' | 'unknown';
  incomingRecords?: number;
  deliveredRecords?: number;
  newestDocumentAgeSeconds?: number;
  intervalSeconds: number;
}

export interface DeadlineFacts {
  cancelled: boolean;
  deadlineMs: number;
}
