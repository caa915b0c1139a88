/**
 * The one place the CLI makes its OpenSearch client: opensearch-js with basic auth, TLS settings, or AWS SigV4
 * (the client's own AwsSigv4Signer with the SDK's default credential chain). The client is built on the first
 * request, so a password prompt only happens when a command actually talks to the cluster. Connection-level
 * failures (refused, TLS, 401, 403, wrong region) become one-line ConnectionFailures. Credentials may also be
 * given in the URL (https://user:password@host); they are never printed.
 */
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { InvalidInputError } from '../common/validation';
import type { OpenSearchClient } from '../server/osd_port';
import { explainConnectionError, type TargetInfo } from './connection_errors';
import type { AuthSettings, ConnectionSettings } from './connection_flags';

export const DEFAULT_OPENSEARCH_URL = 'http://127.0.0.1:9200';

/** An http(s) URL, or a message saying what is wrong with it. */
export function parseServiceUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(
      `${flag} "${value}" is not a URL; expected e.g. http://127.0.0.1:9200`
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`${flag} must be an http:// or https:// URL, got ${url.protocol}`);
  }
  if (!url.hostname) throw new InvalidInputError(`${flag} "${value}" has no host`);
  if (url.search || url.hash)
    throw new InvalidInputError(`${flag} must not carry a query string or fragment`);
  return url;
}

/** The URL without credentials, for messages. */
export function displayUrl(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString().replace(/\/$/, '');
}

export function targetInfo(
  target: TargetInfo['target'],
  flag: string,
  url: URL,
  auth: AuthSettings
): TargetInfo {
  const basic = Boolean(auth.user || url.username);
  return {
    target,
    flag,
    url: displayUrl(url),
    auth: auth.sigv4 ? 'sigv4' : basic ? 'basic' : 'none',
    user: auth.user ?? (url.username ? decodeURIComponent(url.username) : undefined),
    region: auth.sigv4?.region,
    service: auth.sigv4?.service,
  };
}

const NO_SETTINGS: ConnectionSettings = {
  tls: { insecure: false },
  opensearch: {},
  dashboards: {},
  timeoutMs: 60_000,
};

async function buildClient(url: URL, settings: ConnectionSettings): Promise<Client> {
  const auth = settings.opensearch;
  const signer = auth.sigv4
    ? AwsSigv4Signer({
        region: auth.sigv4.region,
        service: auth.sigv4.service,
        getCredentials: fromNodeProviderChain(),
      })
    : undefined;
  const tls = url.protocol === 'https:';
  return new Client({
    ...(signer ?? {}),
    node: url.toString(),
    auth:
      auth.user && auth.password
        ? { username: auth.user, password: await auth.password() }
        : undefined,
    ssl: tls ? { ca: settings.tls.ca, rejectUnauthorized: !settings.tls.insecure } : undefined,
    headers: settings.tenant ? { securitytenant: settings.tenant } : undefined,
    requestTimeout: settings.timeoutMs,
    pingTimeout: Math.min(settings.timeoutMs, 10_000),
    maxRetries: 1,
  });
}

export function createOpenSearchClient(
  url: URL,
  settings: ConnectionSettings = NO_SETTINGS
): OpenSearchClient {
  const info = targetInfo('OpenSearch', '--opensearch', url, settings.opensearch);
  let client: Promise<Client> | undefined;
  return {
    transport: {
      request: (async (params, options) => {
        try {
          client ??= buildClient(url, settings);
          // opensearch-js's request() overloads (callback form, a wider body type) are a superset of the
          // port's promise form; the port is what services may rely on.
          const raw = (await client) as unknown as OpenSearchClient;
          return await raw.transport.request(params, options);
        } catch (error) {
          throw explainConnectionError(error, info, `${params.method} ${params.path}`) ?? error;
        }
      }) as OpenSearchClient['transport']['request'],
    },
  };
}
