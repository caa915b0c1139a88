/** Where the wiring tests' moto server is, its account and dummy credentials, and the breakages they build. */
export const MOTO_ACCOUNT = '123456789012';
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIAWIRINGTESTKEY0001',
  secretAccessKey: 'wiring-test-secret-do-not-leak-0001',
  sessionToken: 'wiring-test-session-token-0001',
};

export function motoUrl(): string {
  const url = process.env.MOTO_URL;
  if (!url)
    throw new Error('MOTO_URL is not set: the integration tests need a running moto server');
  return url;
}

export type Breakage =
  | 'none'
  | 'no_event_stream'
  | 'kinesis_destination'
  | 'no_stream'
  | 'pinpoint_role_missing'
  | 'pinpoint_trust_wrong_service'
  | 'pinpoint_trust_wrong_account'
  | 'pinpoint_trust_no_condition'
  | 'pinpoint_role_no_permission'
  | 'index_name_uncovered'
  | 'no_rotation'
  | 'slow_buffer'
  | 'no_retry'
  | 'all_documents_no_prefix'
  | 'logging_off'
  | 'failed_records'
  | 'failed_records_gzip'
  | 'error_output_prefix'
  | 'bucket_missing'
  | 'firehose_role_missing'
  | 'firehose_role_no_es'
  | 'domain_missing'
  | 'policy_denies'
  | 'fgac_on'
  | 'other_domain';

export function awsConfig(region: string) {
  return { region, endpoint: motoUrl(), credentials: DUMMY_CREDENTIALS };
}
