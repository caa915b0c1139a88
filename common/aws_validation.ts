/**
 * Pure validators for the AWS identifiers the wiring check takes: region, Pinpoint application id, ARNs,
 * Firehose stream and OpenSearch domain names. Each refusal names the value and says what a valid one looks
 * like, so a 400 (route) or exit code 2 (CLI) tells the user what to type instead.
 */
import {
  type Arn,
  parseArn,
  partitionFor,
  quoteValue,
  resourceName,
  roleNameOfArn,
  validateRegionCode,
} from './arn';
import type { WiringRequest, WiringSettings } from './wiring_types';
import { InvalidInputError, asObject, optionalString, rejectUnknownKeys } from './validation';

export { type Arn, parseArn, roleNameOfArn };

/** Pinpoint shows the project (application) id as 32 lowercase hex characters. */
const PINPOINT_APP_ID = /^[0-9a-f]{32}$/;
const ACCOUNT = /^\d{12}$/;
/** Firehose: 1-64 of letters, digits, underscore, hyphen, period. */
const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
/** OpenSearch Service: 3-28 characters, a lowercase letter first, then lowercase letters, digits, hyphens. */
const DOMAIN_NAME = /^[a-z][a-z0-9-]{2,27}$/;
/** IAM role names (the last path segment): 1-64 of letters, digits and +=,.@_- */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export const MAX_APP_IDS = 20;

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new InvalidInputError(`${what} must not be empty`);
  return trimmed;
}

export function validateRegion(value: unknown, what = 'region'): string {
  return validateRegionCode(value, what);
}

export function validatePinpointAppId(value: unknown, what = 'Pinpoint application id'): string {
  const id = text(value, what);
  if (PINPOINT_APP_ID.test(id)) return id;
  if (PINPOINT_APP_ID.test(id.toLowerCase())) {
    throw new InvalidInputError(`${what} ${quoteValue(id)} must be lowercase: ${id.toLowerCase()}`);
  }
  throw new InvalidInputError(
    `${what} ${quoteValue(id)} must be 32 lowercase hexadecimal characters (the Project ID in Pinpoint's project settings), ${id.length} characters given`
  );
}

/** Application ids, one or many, without duplicates. */
export function validatePinpointAppIds(value: unknown, what = 'appIds'): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (list.length > MAX_APP_IDS) {
    throw new InvalidInputError(
      `${what}: at most ${MAX_APP_IDS} application ids per check, ${list.length} given`
    );
  }
  const ids = list.map((item, i) => validatePinpointAppId(item, `${what}[${i}]`));
  return [...new Set(ids)];
}

/** arn:<partition>:iam::<account>:role/<path/>name */
export function validateRoleArn(value: unknown, what = 'role ARN'): string {
  const arn = parseArn(value, what);
  const name = arn.resource.split('/').pop() ?? '';
  if (
    arn.service !== 'iam' ||
    !arn.resource.startsWith('role/') ||
    !ACCOUNT.test(arn.account) ||
    !ROLE_NAME.test(name)
  ) {
    throw new InvalidInputError(
      `${what} must look like arn:<partition>:iam::123456789012:role/NAME (partition aws, aws-cn, aws-us-gov...), got ${quoteValue(String(value))}`
    );
  }
  return String(value).trim();
}

export function validateStreamName(value: unknown, what = 'Firehose stream name'): string {
  const name = text(value, what);
  if (!STREAM_NAME.test(name)) {
    throw new InvalidInputError(
      `${what} ${quoteValue(name)} must be 1-64 letters, digits, "_", "-" or "." (the delivery stream name, not its ARN)`
    );
  }
  return name;
}

export interface StreamRef {
  name: string;
  /** Present when the stream was given as an ARN: it is used as given (region, account), never cut to its name. */
  arn?: string;
  region?: string;
  account?: string;
  partition?: string;
}

/** A delivery stream by name or by ARN (arn:<partition>:firehose:<region>:<account>:deliverystream/<name>). */
export function parseFirehoseStream(value: unknown, what = 'Firehose stream'): StreamRef {
  const raw = text(value, what);
  if (!raw.startsWith('arn:')) return { name: validateStreamName(raw, what) };
  const arn = parseArn(raw, what);
  const name = arn.service === 'firehose' ? resourceName(arn, 'deliverystream') : undefined;
  if (name === undefined || arn.region === '' || arn.account === '') {
    throw new InvalidInputError(
      `${what} ${quoteValue(raw)} is not a Firehose delivery stream ARN (arn:<partition>:firehose:<region>:<account>:deliverystream/<name>)`
    );
  }
  return {
    name: validateStreamName(name, what),
    arn: raw,
    region: arn.region,
    account: arn.account,
    partition: arn.partition,
  };
}

export function validateDomainName(value: unknown, what = 'OpenSearch domain name'): string {
  const name = text(value, what);
  if (!DOMAIN_NAME.test(name)) {
    throw new InvalidInputError(
      `${what} ${quoteValue(name)} must be 3-28 characters: a lowercase letter, then lowercase letters, digits or "-"`
    );
  }
  return name;
}

export interface DomainRef {
  name: string;
  /** Present when given as an ARN: kept as given, like a stream's. */
  arn?: string;
  region?: string;
  account?: string;
}

/** A domain by name or by ARN (arn:<partition>:es:<region>:<account>:domain/<name>; OpenSearch Service keeps "es"). */
export function parseDomain(value: unknown, what = 'OpenSearch domain'): DomainRef {
  const raw = text(value, what);
  if (!raw.startsWith('arn:')) return { name: validateDomainName(raw, what) };
  const arn = parseArn(raw, what);
  if (arn.service !== 'es' || !arn.resource.startsWith('domain/')) {
    throw new InvalidInputError(
      `${what} ${quoteValue(raw)} is not a domain ARN (arn:<partition>:es:<region>:<account>:domain/<name>)`
    );
  }
  return {
    name: validateDomainName(arn.resource.slice('domain/'.length), what),
    arn: raw,
    region: arn.region,
    account: arn.account,
  };
}

const REQUEST_KEYS = ['region', 'appIds', 'firehoseStream', 'domain', 'roleArn'] as const;

function parseCommon(body: Record<string, unknown>, what: string): WiringSettings {
  rejectUnknownKeys(body, REQUEST_KEYS, what);
  const region = validateRegion(body.region, `${what}: region`);
  const appIds = validatePinpointAppIds(body.appIds, `${what}: appIds`);
  const stream = optionalString(body, 'firehoseStream', what);
  const domain = optionalString(body, 'domain', what);
  const roleArn = optionalString(body, 'roleArn', what);
  const settings: WiringSettings = { region, appIds };
  if (stream !== undefined && stream.trim() !== '') {
    // An ARN stays an ARN: its region and account are part of what the user asked to check.
    const ref = parseFirehoseStream(stream, `${what}: firehoseStream`);
    if (ref.partition && ref.partition !== partitionFor(region)) {
      throw new InvalidInputError(
        `${what}: firehoseStream ${quoteValue(stream.trim())} is in partition ${ref.partition}, but region ${region} is in ${partitionFor(region)}; a check runs in one partition`
      );
    }
    settings.firehoseStream = ref.arn ?? ref.name;
  }
  if (domain !== undefined && domain.trim() !== '') {
    const ref = parseDomain(domain, `${what}: domain`);
    settings.domain = ref.arn ?? ref.name;
  }
  if (roleArn !== undefined && roleArn.trim() !== '') {
    settings.roleArn = validateRoleArn(roleArn, `${what}: roleArn`);
  }
  return settings;
}

/**
 * The body of a wiring check. At least one application id, or a stream name: once Pinpoint no longer answers,
 * the Firehose side is still worth checking on its own.
 */
export function parseWiringRequest(data: unknown): WiringRequest {
  const what = 'wiring check';
  const request = parseCommon(asObject(data, what), what);
  if (request.appIds.length === 0 && request.firehoseStream === undefined) {
    throw new InvalidInputError(
      `${what}: give at least one Pinpoint application id (appIds), or the Firehose stream name (firehoseStream)`
    );
  }
  return request;
}

/** What the setup page saves: the same fields, application ids may be empty while the form is filled in. */
export function parseWiringSettings(data: unknown): WiringSettings {
  return parseCommon(asObject(data, 'wiring settings'), 'wiring settings');
}
