/**
 * The one reading and writing of ARNs and region codes, partition-aware. AWS runs separate partitions (the
 * commercial `aws`, China `aws-cn`, GovCloud `aws-us-gov`, the isolated `aws-iso*` and the European sovereign
 * cloud `aws-eusc`); a region belongs to exactly one, and every ARN, trust-policy condition and console path
 * we write for a resource has to carry that partition. Nothing else in the code writes `arn:aws:` by hand.
 *
 * Region formats follow the SDK's partitions.json (`regionRegex`): a region that matches none of them is not
 * an AWS region, whatever it looks like.
 */
import { InvalidInputError } from './validation';

export interface PartitionInfo {
  id: string;
  regionPattern: RegExp;
  /** A region of the partition, for messages. */
  example: string;
}

/** Most specific first: `us-gov-west-1` must not be read as a commercial `us-*` region. */
export const PARTITIONS: readonly PartitionInfo[] = [
  { id: 'aws-us-gov', regionPattern: /^us-gov-[a-z]+-\d{1,2}$/, example: 'us-gov-west-1' },
  { id: 'aws-iso', regionPattern: /^us-iso-[a-z]+-\d{1,2}$/, example: 'us-iso-east-1' },
  { id: 'aws-iso-b', regionPattern: /^us-isob-[a-z]+-\d{1,2}$/, example: 'us-isob-east-1' },
  { id: 'aws-iso-e', regionPattern: /^eu-isoe-[a-z]+-\d{1,2}$/, example: 'eu-isoe-west-1' },
  { id: 'aws-iso-f', regionPattern: /^us-isof-[a-z]+-\d{1,2}$/, example: 'us-isof-south-1' },
  { id: 'aws-cn', regionPattern: /^cn-[a-z]+-\d{1,2}$/, example: 'cn-north-1' },
  { id: 'aws-eusc', regionPattern: /^eusc-(de)-[a-z]+-\d{1,2}$/, example: 'eusc-de-east-1' },
  {
    id: 'aws',
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d{1,2}$/,
    example: 'us-east-1',
  },
];

const ACCOUNT = /^\d{12}$/;
const SERVICE = /^[a-z0-9-]+$/;

export interface Arn {
  partition: string;
  service: string;
  /** Empty for global resources (IAM, S3 buckets). */
  region: string;
  /** Empty for S3 buckets. */
  account: string;
  /** Everything after the fifth colon, e.g. `deliverystream/pinpoint-events` or `role/path/name`. */
  resource: string;
}

/** Shown in messages, cut so a pasted document does not fill the error. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** The partition a region belongs to, or undefined when it is no AWS region. */
export function partitionOfRegion(region: string): PartitionInfo | undefined {
  return PARTITIONS.find((p) => p.regionPattern.test(region));
}

/** The partition id for writing ARNs in a region; `aws` when the region is unknown (messages only). */
export function partitionFor(region: string | undefined): string {
  return (region && partitionOfRegion(region)?.id) || 'aws';
}

export function isRegion(value: string): boolean {
  return partitionOfRegion(value) !== undefined;
}

/** A region code valid in some partition; the refusal says what one looks like. */
export function validateRegionCode(value: unknown, what = 'region'): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  const region = value.trim();
  if (region.length === 0) throw new InvalidInputError(`${what} must not be empty`);
  if (!isRegion(region)) {
    throw new InvalidInputError(
      `${what} ${quoteValue(region)} is not an AWS region code; use one like us-east-1, eu-west-2, cn-north-1 or us-gov-west-1 (the code, not the name)`
    );
  }
  return region;
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>`. The partition must be one we know and agree with
 * the region; the account is 12 digits or empty.
 */
export function parseArn(value: unknown, what = 'ARN'): Arn {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  const text = value.trim();
  if (text.length === 0) throw new InvalidInputError(`${what} must not be empty`);
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    throw new InvalidInputError(
      `${what} ${quoteValue(text)} is not an ARN; expected arn:<partition>:<service>:<region>:<account>:<resource>`
    );
  }
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  const known = PARTITIONS.find((p) => p.id === partition);
  if (!known) {
    throw new InvalidInputError(
      `${what} ${quoteValue(text)}: unknown partition "${partition}" (one of ${PARTITIONS.map((p) => p.id).join(', ')})`
    );
  }
  if (!SERVICE.test(service)) {
    throw new InvalidInputError(`${what} ${quoteValue(text)}: "${service}" is not a service name`);
  }
  if (region !== '') {
    const regionPartition = partitionOfRegion(region);
    if (!regionPartition) {
      throw new InvalidInputError(`${what} ${quoteValue(text)}: "${region}" is not a region code`);
    }
    if (regionPartition.id !== partition) {
      throw new InvalidInputError(
        `${what} ${quoteValue(text)}: region ${region} is in partition ${regionPartition.id}, not ${partition}`
      );
    }
  }
  if (account !== '' && !ACCOUNT.test(account)) {
    throw new InvalidInputError(`${what} ${quoteValue(text)}: the account must be 12 digits`);
  }
  if (resource.length === 0) {
    throw new InvalidInputError(`${what} ${quoteValue(text)}: the resource is missing`);
  }
  return { partition, service, region, account, resource };
}

/** parseArn, or undefined for text that is no valid ARN (values read from AWS, judged elsewhere). */
export function tryParseArn(value: string | undefined): Arn | undefined {
  if (!value) return undefined;
  try {
    return parseArn(value);
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** An ARN in a region's partition: `arnIn('eu-west-1', 'firehose', '1234…', 'deliverystream/x')`. */
export function arnIn(
  region: string,
  service: string,
  account: string,
  resource: string,
  partition = partitionFor(region)
): string {
  return formatArn({ partition, service, region, account, resource });
}

/** A global resource (IAM) in a partition: `arn:<p>:iam::<account>:<resource>`. */
export function globalArn(
  partition: string,
  service: string,
  account: string,
  resource: string
): string {
  return formatArn({ partition, service, region: '', account, resource });
}

/** `arn:<p>:s3:::<bucket>` */
export function bucketArn(partition: string, bucket: string): string {
  return formatArn({ partition, service: 's3', region: '', account: '', resource: bucket });
}

/** The last path segment of a role ARN (`role/path/name` -> `name`). */
export function roleNameOfArn(roleArn: string): string {
  const arn = tryParseArn(roleArn);
  const resource = arn?.resource ?? roleArn;
  return resource.split('/').pop() ?? roleArn;
}

/** The name after `<type>/` in a resource (`deliverystream/x` -> `x`), or undefined for another type. */
export function resourceName(arn: Arn, type: string): string | undefined {
  return arn.resource.startsWith(`${type}/`) ? arn.resource.slice(type.length + 1) : undefined;
}
