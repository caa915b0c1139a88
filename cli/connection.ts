/**
 * The clients the CLI talks through: an opensearch-js client for the cluster, and (with --dashboards) the
 * saved objects and advanced settings of a Dashboards server over its HTTP API. Credentials may be given in
 * the URL (https://user:password@host); they are never printed.
 */
import { Client } from '@opensearch-project/opensearch';
import { InvalidInputError } from '../common/validation';
import type { OpenSearchClient } from '../server/osd_port';

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
  return url;
}

/** The URL without credentials, for messages. */
export function displayUrl(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString().replace(/\/$/, '');
}

export function createOpenSearchClient(url: URL): OpenSearchClient {
  // opensearch-js reads user:password from the URL itself. Its request() overloads (callback form, a wider
  // body type) are a superset of the port's promise form; the port is what services may rely on.
  return new Client({
    node: url.toString(),
    requestTimeout: 60_000,
    maxRetries: 1,
  }) as unknown as OpenSearchClient;
}
