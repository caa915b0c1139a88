/** The Amazon Pinpoint event stream record, as Firehose delivers it to the index (fields optional per event type). */
export interface PinpointEvent {
  event_type: string;
  event_timestamp: number;
  arrival_timestamp: number;
  event_version: string;
  application: {
    app_id: string;
    sdk: { name?: string; version?: string };
    package_name?: string;
    title?: string;
    version_name?: string;
    version_code?: string;
    cognito_identity_pool_id?: string;
  };
  client: { client_id: string; cognito_id?: string };
  device: {
    locale?: { code: string; country: string; language: string };
    make?: string;
    model?: string;
    platform: { name?: string; version?: string };
  };
  session: { session_id?: string; start_timestamp?: number; stop_timestamp?: number };
  attributes?: Record<string, string>;
  metrics?: Record<string, number>;
  client_context?: { custom: { endpoint?: string; [key: string]: string | undefined } };
  awsAccountId: string;
  facets?: { email_channel: { mail_event: Record<string, unknown> } };
}
