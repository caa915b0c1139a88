/**
 * Pure validators for the AWS identifiers the wiring check takes: region, Pinpoint application id, ARNs,
 * Firehose stream and OpenSearch domain names. Each refusal names the value and says what a valid one looks
 * like, so a 400 (route) or exit code 2 (CLI) tells the user what to type instead.
 */
import type { WiringRequest, WiringSettings } from './wiring_types';
import { InvalidInputError, asObject, optionalString, rejectUnknownKeys } from './validation';

/** us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, cn-north-1, us-iso-east-1, us-isob-east-1. */
const REGION = /^[a-z]{2}(-(gov|iso|isob|isof|isoe))?-[a-z]+-\d{1,2}$/;
/** Pinpoint shows the project (application) id as 32 lowercase hex characters. */
const PINPOINT_APP_ID = /^[0-9a-f]{32}$/;
const PARTITION = /^aws(-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?$/;
const ACCOUNT = /^\d{12}$/;
/** Firehose: 1-64 of letters, digits, underscore, hyphen, period. */
const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
/** OpenSearch Service: 3-28 characters, a lowercase letter first, then lowercase letters, digits, hyphens. */
const DOMAIN_NAME = /^[a-z][a-z0-9-]{2,27}$/;
/** IAM role names (the last path segment): 1-64 of letters, digits and +=,.@_- */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

export const MAX_APP_IDS = 20;

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new InvalidInputError(`${what} must not be empty`);
  return trimmed;
}

/** Shown in messages, cut so a pasted document does not fill the error. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

export function validateRegion(value: unknown, what = 'region'): string {
  const region = text(value, what);
  if (!REGION.test(region)) {
    throw new InvalidInputError(
      `${what} ${quote(region)} is not an AWS region code; use one like us-east-1 or eu-west-2 (the code, not the name)`
    );
  }
  return region;
}

export function validatePinpointAppId(value: unknown, what = 'Pinpoint application id'): string {
  const id = text(value, what);
  if (PINPOINT_APP_ID.test(id)) return id;
  if (PINPOINT_APP_ID.test(id.toLowerCase())) {
    throw new InvalidInputError(`${what} ${quote(id)} must be lowercase: ${id.toLowerCase()}`);
  }
  throw new InvalidInputError(
    `${what} ${quote(id)} must be 32 lowercase hexadecimal characters (the Project ID in Pinpoint's project settings), ${id.length} characters given`
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

export function parseArn(value: unknown, what = 'ARN'): Arn {
  const arn = text(value, what);
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    throw new InvalidInputError(
      `${what} ${quote(arn)} is not an ARN; expected arn:aws:<service>:<region>:<account>:<resource>`
    );
  }
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition)) {
    throw new InvalidInputError(`${what} ${quote(arn)}: unknown partition "${partition}"`);
  }
  if (!/^[a-z0-9-]+$/.test(service)) {
    throw new InvalidInputError(`${what} ${quote(arn)}: "${service}" is not a service name`);
  }
  if (region !== '' && !REGION.test(region)) {
    throw new InvalidInputError(`${what} ${quote(arn)}: "${region}" is not a region code`);
  }
  if (account !== '' && !ACCOUNT.test(account)) {
    throw new InvalidInputError(`${what} ${quote(arn)}: the account must be 12 digits`);
  }
  if (resource.length === 0)
    throw new InvalidInputError(`${what} ${quote(arn)}: the resource is missing`);
  return { partition, service, region, account, resource };
}

/** arn:aws:iam::<account>:role/<path/>name */
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
      `${what} must look like arn:aws:iam::123456789012:role/NAME, got ${quote(String(value))}`
    );
  }
  return String(value).trim();
}

export function roleNameOfArn(roleArn: string): string {
  return roleArn.split('/').pop() ?? roleArn;
}

export function validateStreamName(value: unknown, what = 'Firehose stream name'): string {
  const name = text(value, what);
  if (!STREAM_NAME.test(name)) {
    throw new InvalidInputError(
      `${what} ${quote(name)} must be 1-64 letters, digits, "_", "-" or "." (the delivery stream name, not its ARN)`
    );
  }
  return name;
}

export interface StreamRef {
  name: string;
  /** Present when the stream was given as an ARN. */
  region?: string;
  account?: string;
}

/** A delivery stream by name or by ARN (arn:aws:firehose:<region>:<account>:deliverystream/<name>). */
export function parseFirehoseStream(value: unknown, what = 'Firehose stream'): StreamRef {
  const raw = text(value, what);
  if (!raw.startsWith('arn:')) return { name: validateStreamName(raw, what) };
  const arn = parseArn(raw, what);
  if (arn.service !== 'firehose' || !arn.resource.startsWith('deliverystream/')) {
    throw new InvalidInputError(
      `${what} ${quote(raw)} is not a Firehose delivery stream ARN (arn:aws:firehose:<region>:<account>:deliverystream/<name>)`
    );
  }
  return {
    name: validateStreamName(arn.resource.slice('deliverystream/'.length), what),
    region: arn.region,
    account: arn.account,
  };
}

export function validateDomainName(value: unknown, what = 'OpenSearch domain name'): string {
  const name = text(value, what);
  if (!DOMAIN_NAME.test(name)) {
    throw new InvalidInputError(
      `${what} ${quote(name)} must be 3-28 characters: a lowercase letter, then lowercase letters, digits or "-"`
    );
  }
  return name;
}

export interface DomainRef {
  name: string;
  region?: string;
  account?: string;
}

/** A domain by name or by ARN (arn:aws:es:<region>:<account>:domain/<name>; OpenSearch Service keeps "es"). */
export function parseDomain(value: unknown, what = 'OpenSearch domain'): DomainRef {
  const raw = text(value, what);
  if (!raw.startsWith('arn:')) return { name: validateDomainName(raw, what) };
  const arn = parseArn(raw, what);
  if (arn.service !== 'es' || !arn.resource.startsWith('domain/')) {
    throw new InvalidInputError(
      `${what} ${quote(raw)} is not a domain ARN (arn:aws:es:<region>:<account>:domain/<name>)`
    );
  }
  return {
    name: validateDomainName(arn.resource.slice('domain/'.length), what),
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
    settings.firehoseStream = parseFirehoseStream(stream, `${what}: firehoseStream`).name;
  }
  if (domain !== undefined && domain.trim() !== '') {
    settings.domain = parseDomain(domain, `${what}: domain`).name;
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
