/**
 * Flags every command shares, and turning them into clients. Validated here, at the door: a bad URL or prefix
 * is a usage error (exit 2) with a message saying what to fix.
 */
import type { Command } from 'commander';
import { DEFAULT_INDEX_PREFIX } from '../common/constants';
import { validateIndexPrefix } from '../common/index_naming';
import type {
  OpenSearchClient,
  SavedObjectsClientContract,
  UiSettingsClient,
} from '../server/osd_port';
import { toDomainError, ValidationError } from '../server/errors';
import type { IndexEngineDeps } from '../server/services/index_engine/deps';
import {
  DEFAULT_OPENSEARCH_URL,
  createOpenSearchClient,
  displayUrl,
  parseServiceUrl,
} from './connection';
import { addConnectionOptions, connectionSettings, type ConnectionFlags } from './connection_flags';
import { CONNECTION_EXAMPLES, warnInsecure } from './connection_help';
import { askHidden } from './connection_prompt';
import { dashboardsSend } from './transport_dashboards';
import { DashboardsHttp, dashboardsSavedObjects, dashboardsUiSettings } from './dashboards_client';

export interface CommonFlags extends ConnectionFlags {
  opensearch: string;
  prefix: string;
  json?: boolean;
  yes?: boolean;
  dashboards?: string;
}

export function addCommonOptions(cmd: Command): Command {
  return addConnectionOptions(cmd)
    .option(
      '--opensearch <url>',
      'OpenSearch URL (credentials may be in the URL)',
      DEFAULT_OPENSEARCH_URL
    )
    .option(
      '--prefix <prefix>',
      'index prefix Firehose writes to (indices <prefix>-YYYY-MM-DD)',
      DEFAULT_INDEX_PREFIX
    )
    .option('--json', 'print the result as JSON')
    .option('--yes', 'do not ask before writing (for unattended runs)')
    .addHelpText('after', CONNECTION_EXAMPLES);
}

export function addDashboardsOption(cmd: Command): Command {
  return cmd.option(
    '--dashboards <url>',
    'OpenSearch Dashboards URL, for the index pattern (saved objects API)'
  );
}

export interface Connection {
  client: OpenSearchClient;
  opensearchUrl: string;
  prefix: string;
  savedObjects?: SavedObjectsClientContract;
  uiSettings?: UiSettingsClient;
  dashboardsUrl?: string;
  /** Dashboards' HTTP API itself (the dashboards install posts to `_import`). */
  dashboardsHttp?: DashboardsHttp;
  /** --tenant, as given. */
  tenant?: string;
}

export function connect(flags: CommonFlags): Connection {
  const prefix = validateIndexPrefix(flags.prefix, '--prefix');
  const osUrl = parseServiceUrl(flags.opensearch, '--opensearch');
  const dashboardsUrl = flags.dashboards
    ? parseServiceUrl(flags.dashboards, '--dashboards')
    : undefined;
  const settings = connectionSettings(
    flags,
    { opensearch: osUrl, dashboards: dashboardsUrl },
    askHidden
  );
  warnInsecure(settings);
  const connection: Connection = {
    client: withDomainErrors(createOpenSearchClient(osUrl, settings), displayUrl(osUrl)),
    opensearchUrl: displayUrl(osUrl),
    prefix,
  };
  if (dashboardsUrl) {
    const url = dashboardsUrl;
    const http = new DashboardsHttp(url, dashboardsSend(url, settings));
    connection.savedObjects = dashboardsSavedObjects(http);
    connection.uiSettings = dashboardsUiSettings(http);
    connection.dashboardsUrl = displayUrl(url);
    connection.dashboardsHttp = http;
    connection.tenant = settings.tenant;
  }
  return connection;
}

/** The index engine's dependencies for a connection: assembled here only, for every command. */
export function indexEngineDeps(connection: Connection): IndexEngineDeps {
  return {
    client: connection.client,
    savedObjects: connection.savedObjects,
    uiSettings: connection.uiSettings,
    dashboardsUrl: connection.dashboardsUrl,
  };
}

/**
 * opensearch-js rejects with ResponseError; the CLI wants the domain errors' one-line messages (403: who is
 * not allowed; 400: what OpenSearch refused). Connection errors pass through for cli/index.ts to explain.
 */
function withDomainErrors(client: OpenSearchClient, url: string): OpenSearchClient {
  const request = client.transport.request.bind(client.transport);
  return {
    transport: {
      request: (async (params, options) => {
        try {
          return await request(params, options);
        } catch (error) {
          if (answeredAsDashboards(error)) {
            throw new ValidationError(
              `--opensearch ${url} is an OpenSearch Dashboards server, not OpenSearch: give the cluster's URL to --opensearch (e.g. http://127.0.0.1:9200 or the domain endpoint) and this one to --dashboards`
            );
          }
          throw toDomainError(error, `${params.method} ${params.path}`);
        }
      }) as OpenSearchClient['transport']['request'],
    },
  };
}

/**
 * Dashboards names itself in every answer (`osd-name`, Kibana's `kbn-name`), and its errors are hapi's
 * `{statusCode, error, message}`; OpenSearch's are `{error: {type, reason}, status}`.
 */
function answeredAsDashboards(error: unknown): boolean {
  const meta = (error as { meta?: { headers?: Record<string, unknown>; body?: unknown } })?.meta;
  if (!meta) return false;
  const headers = meta.headers ?? {};
  if ('osd-name' in headers || 'kbn-name' in headers) return true;
  const body = meta.body as
    { statusCode?: unknown; error?: unknown; message?: unknown } | undefined;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.statusCode === 'number' &&
    typeof body.error === 'string' &&
    typeof body.message === 'string'
  );
}
