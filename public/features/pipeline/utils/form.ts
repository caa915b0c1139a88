/**
 * The form's state and its check against the same validators the server uses, so a typo is flagged beside the
 * field before anything is sent. Pure: unit-tested without a DOM.
 */
import {
  parseDomain,
  parseFirehoseStream,
  validatePinpointAppId,
  validateRegion,
  validateRoleArn,
} from '../../../../common/aws_validation';
import { InvalidInputError } from '../../../../common/validation';
import type { WiringRequest, WiringSettings } from '../../../../common/wiring_types';

export interface WiringFormState {
  region: string;
  appIds: string[];
  firehoseStream: string;
  domain: string;
  roleArn: string;
}

export type FormErrors = Partial<Record<keyof WiringFormState, string>>;

export const EMPTY_FORM: WiringFormState = {
  region: '',
  appIds: [],
  firehoseStream: '',
  domain: '',
  roleArn: '',
};

export function formFromSettings(settings: WiringSettings | null): WiringFormState {
  if (!settings) return EMPTY_FORM;
  return {
    region: settings.region,
    appIds: settings.appIds,
    firehoseStream: settings.firehoseStream ?? '',
    domain: settings.domain ?? '',
    roleArn: settings.roleArn ?? '',
  };
}

function reason(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.message;
    throw error;
  }
}

/** An app id as typed: trimmed; the validator says what is wrong with it, or undefined. */
export function appIdError(value: string): string | undefined {
  return reason(() => validatePinpointAppId(value.trim(), 'Application id'));
}

export function validateForm(state: WiringFormState): FormErrors {
  const errors: FormErrors = {};
  const region = reason(() => validateRegion(state.region, 'Region'));
  if (region) errors.region = region;
  const badId = state.appIds.map(appIdError).find(Boolean);
  if (badId) errors.appIds = badId;
  if (state.appIds.length === 0 && state.firehoseStream.trim() === '') {
    errors.appIds = 'Enter at least one Pinpoint application id, or the Firehose stream name.';
  }
  const stream =
    state.firehoseStream.trim() &&
    reason(() => parseFirehoseStream(state.firehoseStream, 'Firehose stream'));
  if (stream) errors.firehoseStream = stream;
  const domain = state.domain.trim() && reason(() => parseDomain(state.domain, 'Domain'));
  if (domain) errors.domain = domain;
  const role = state.roleArn.trim() && reason(() => validateRoleArn(state.roleArn, 'Role ARN'));
  if (role) errors.roleArn = role;
  return errors;
}

export function requestFromForm(state: WiringFormState): WiringRequest {
  const request: WiringRequest = {
    region: state.region.trim(),
    appIds: state.appIds.map((a) => a.trim()),
  };
  if (state.firehoseStream.trim()) request.firehoseStream = state.firehoseStream.trim();
  if (state.domain.trim()) request.domain = state.domain.trim();
  if (state.roleArn.trim()) request.roleArn = state.roleArn.trim();
  return request;
}
