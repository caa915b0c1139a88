/**
 * How the CLI sends one request to a Dashboards server: node's http(s) with the same TLS settings as the
 * cluster (--ca, --insecure), basic auth or a SigV4 signature (the official client's signer: Amazon OpenSearch
 * Service's Dashboards sits behind the domain's es endpoint), the security plugin's tenant header, and a
 * timeout. Connection-level failures become one-line ConnectionFailures.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { ConnectionFailure, explainConnectionError } from './connection_errors';
import type { ConnectionSettings } from './connection_flags';
import { targetInfo } from './connection';

export interface DashboardsWireRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface DashboardsWireResponse {
  status: number;
  statusText: string;
  text: string;
}

export type DashboardsSend = (req: DashboardsWireRequest) => Promise<DashboardsWireResponse>;

/** Headers with credentials or a signature for `req`. */
async function authorise(
  req: DashboardsWireRequest,
  settings: ConnectionSettings,
  credentialsOf: () => ReturnType<ReturnType<typeof fromNodeProviderChain>>
): Promise<Record<string, string>> {
  const auth = settings.dashboards;
  const headers = { ...req.headers };
  if (settings.tenant) headers.securitytenant = settings.tenant;
  if (auth.sigv4) {
    const credentials = await credentialsOf();
    const signer = AwsSigv4Signer({
      region: auth.sigv4.region,
      service: auth.sigv4.service,
      getCredentials: () => Promise.resolve(credentials),
    });
    const signed = signer.buildSignedRequestObject({
      hostname: req.url.hostname,
      host: req.url.host,
      path: `${req.url.pathname}${req.url.search}`,
      method: req.method,
      headers,
      body: req.body,
      auth: { credentials, region: auth.sigv4.region, service: auth.sigv4.service },
    });
    return signed.headers as Record<string, string>;
  }
  if (auth.user && auth.password && !headers.authorization) {
    const password = await auth.password();
    headers.authorization = `Basic ${Buffer.from(`${auth.user}:${password}`).toString('base64')}`;
  }
  return headers;
}

export function dashboardsSend(base: URL, settings: ConnectionSettings): DashboardsSend {
  const info = targetInfo('Dashboards', '--dashboards', base, settings.dashboards);
  // One provider for the run: the chain caches what it resolved (a profile, an assumed role, IMDS).
  let provider: ReturnType<typeof fromNodeProviderChain> | undefined;
  const credentialsOf = () => (provider ??= fromNodeProviderChain())();
  return async (req) => {
    try {
      const headers = await authorise(req, settings, credentialsOf);
      const response = await send(req, headers, settings);
      if (response.status === 401 || response.status === 403) {
        let body: unknown = response.text;
        try {
          body = JSON.parse(response.text);
        } catch {
          // not JSON: keep the text
        }
        const failure = explainConnectionError(
          { statusCode: response.status, body, message: response.statusText },
          info,
          `${req.method} ${req.url.pathname}`
        );
        if (failure) throw failure;
      }
      return response;
    } catch (error) {
      if (error instanceof ConnectionFailure) throw error;
      throw explainConnectionError(error, info) ?? error;
    }
  };
}

function send(
  req: DashboardsWireRequest,
  headers: Record<string, string>,
  settings: ConnectionSettings
): Promise<DashboardsWireResponse> {
  const https = req.url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const options = {
      method: req.method,
      headers: {
        ...headers,
        ...(req.body !== undefined
          ? { 'content-length': String(Buffer.byteLength(req.body)) }
          : {}),
      },
      timeout: settings.timeoutMs,
      ...(https ? { ca: settings.tls.ca, rejectUnauthorized: !settings.tls.insecure } : {}),
    };
    const call = (https ? httpsRequest : httpRequest)(req.url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
        })
      );
      res.on('error', reject);
    });
    call.on('timeout', () =>
      call.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
    );
    call.on('error', reject);
    call.end(req.body);
  });
}
