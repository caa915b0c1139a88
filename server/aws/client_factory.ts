/**
 * The one place AWS SDK clients are made: one client per service and region (and assumed role), created on
 * first use and kept. Credentials come from the SDK's default provider chain unless a provider is handed in
 * (tests, the CLI); an optional role is assumed on top of them. The endpoint override (moto, LocalStack) is
 * optional: without it the SDK honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself.
 *
 * Credentials never leave this module: ports return values read from AWS, not the config they were read with.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { IAMClient } from '@aws-sdk/client-iam';
import { OpenSearchClient as OpenSearchServiceClient } from '@aws-sdk/client-opensearch';
import { PinpointClient } from '@aws-sdk/client-pinpoint';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { type CloudWatchPort, cloudWatchPort } from './cloudwatch';
import { type FirehosePort, firehosePort } from './firehose';
import { type IamPort, iamPort } from './iam';
import { type OpenSearchServicePort, openSearchServicePort } from './opensearch_service';
import { type PinpointPort, pinpointPort } from './pinpoint';
import { type S3Port, s3Port } from './s3';
import { type StsPort, stsPort } from './sts';

export type AwsServiceName =
  'sts' | 'pinpoint' | 'firehose' | 'iam' | 's3' | 'opensearch' | 'cloudwatch';

/** Everything the wiring check may call in one region, as narrow ports. */
export interface AwsPorts {
  region: string;
  sts: StsPort;
  pinpoint: PinpointPort;
  firehose: FirehosePort;
  iam: IamPort;
  s3: S3Port;
  opensearch: OpenSearchServicePort;
  cloudwatch: CloudWatchPort;
}

/** What the wiring service needs from the factory; tests hand in a fake. */
export interface AwsPortSource {
  forRegion(region: string, roleArn?: string): AwsPorts;
}

/** The SDK's credential identity, described here so no caller depends on @smithy/types. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialsProvider = () => Promise<AwsCredentials>;

export interface AwsClientFactoryOptions {
  /** One endpoint for every service, or one per service (tests point a single service elsewhere). */
  endpoint?: string | Partial<Record<AwsServiceName, string>>;
  credentials?: CredentialsProvider;
  /** Per HTTP attempt; the SDK retries within the per-call bound of callAws. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  maxAttempts?: number;
  /** Defaults to true when an endpoint is overridden: emulators do not serve bucket subdomains. */
  forcePathStyle?: boolean;
}

interface Destroyable {
  destroy(): void;
}

export class AwsClientFactory implements AwsPortSource {
  private readonly ports = new Map<string, AwsPorts>();
  private readonly clients: Destroyable[] = [];
  private readonly pinpointClients = new Map<string, PinpointClient>();
  private readonly baseCredentials: CredentialsProvider;

  constructor(private readonly options: AwsClientFactoryOptions = {}) {
    this.baseCredentials = options.credentials ?? fromNodeProviderChain();
  }

  forRegion(region: string, roleArn?: string): AwsPorts {
    const key = `${region}|${roleArn ?? ''}`;
    const existing = this.ports.get(key);
    if (existing) return existing;
    // One provider per region and role: the SDK memoises it per client, and an assumed role is assumed once.
    const credentials = this.credentialsFor(region, roleArn);
    const config = (service: AwsServiceName) => this.clientConfig(service, region, credentials);
    const keep = <T extends Destroyable>(client: T): T => {
      this.clients.push(client);
      return client;
    };
    const ports: AwsPorts = {
      region,
      sts: stsPort(keep(new STSClient(config('sts')))),
      pinpoint: pinpointPort(keep(new PinpointClient(config('pinpoint')))),
      firehose: firehosePort(keep(new FirehoseClient(config('firehose')))),
      iam: iamPort(
        keep(new IAMClient(config('iam'))),
        // Simulation falls back to reading the role's policies: that, not a retry, is its second attempt.
        keep(new IAMClient({ ...config('iam'), maxAttempts: 1 }))
      ),
      s3: s3Port(keep(new S3Client({ ...config('s3'), forcePathStyle: this.pathStyle() }))),
      opensearch: openSearchServicePort(keep(new OpenSearchServiceClient(config('opensearch')))),
      cloudwatch: cloudWatchPort(keep(new CloudWatchClient(config('cloudwatch')))),
    };
    this.ports.set(key, ports);
    return ports;
  }

  /**
   * A Pinpoint client with the same settings as the ports' (credentials, timeouts, endpoint), outside the wiring
   * check's ports: the campaign names refresh (aws/pinpoint_names.ts). One per region, closed with the others.
   */
  pinpointClient(region: string): PinpointClient {
    let client = this.pinpointClients.get(region);
    if (!client) {
      client = new PinpointClient(this.clientConfig('pinpoint', region, this.baseCredentials));
      this.clients.push(client);
      this.pinpointClients.set(region, client);
    }
    return client;
  }

  /** Closes every client's sockets (the CLI and tests end with this). */
  destroy(): void {
    for (const client of this.clients.splice(0)) client.destroy();
    this.ports.clear();
    this.pinpointClients.clear();
  }

  private endpointFor(service: AwsServiceName): string | undefined {
    const { endpoint } = this.options;
    return typeof endpoint === 'string' ? endpoint : endpoint?.[service];
  }

  private pathStyle(): boolean {
    if (this.options.forcePathStyle !== undefined) return this.options.forcePathStyle;
    // The SDK reads these itself for the endpoint; path style has to follow them or bucket names become hosts.
    return Boolean(
      this.endpointFor('s3') ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL
    );
  }

  private credentialsFor(region: string, roleArn?: string): CredentialsProvider {
    if (!roleArn) return this.baseCredentials;
    return fromTemporaryCredentials({
      masterCredentials: this.baseCredentials,
      params: { RoleArn: roleArn, RoleSessionName: 'pinpoint-wiring-check', DurationSeconds: 900 },
      clientConfig: { region, endpoint: this.endpointFor('sts') },
    });
  }

  private clientConfig(service: AwsServiceName, region: string, credentials: CredentialsProvider) {
    return {
      region,
      endpoint: this.endpointFor(service),
      credentials,
      maxAttempts: this.options.maxAttempts ?? 3,
      retryMode: 'standard',
      requestHandler: {
        requestTimeout: this.options.requestTimeoutMs ?? 5_000,
        connectionTimeout: this.options.connectionTimeoutMs ?? 2_000,
      },
    };
  }
}
