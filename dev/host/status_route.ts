/**
 * GET /api/status in OSD 2.x's shape (`version.number`, `status.overall.state`, `status.statuses[]`), with
 * two real checks: the cluster answers, and the plugin was set up and started.
 */
import type { IRouter, OpenSearchClient } from '../../server/osd_port';

export interface StatusDeps {
  name: string;
  uuid: string;
  osdVersion: string;
  buildNum: number;
  internalClient: OpenSearchClient;
  pluginIds: () => string[];
}

function entry(id: string, green: boolean, message: string, since: string) {
  return {
    id,
    message,
    since,
    state: green ? 'green' : 'red',
    icon: green ? 'success' : 'danger',
    uiColor: green ? 'secondary' : 'danger',
  };
}

export function registerStatusRoute(router: IRouter, deps: StatusDeps): void {
  const since = new Date().toISOString();
  router.get({ path: '/api/status', validate: false }, async (_context, _request, response) => {
    let clusterMessage = 'OpenSearch is available';
    let clusterGreen = true;
    try {
      await deps.internalClient.transport.request(
        { method: 'GET', path: '/' },
        { requestTimeout: 5000 }
      );
    } catch (error) {
      clusterGreen = false;
      clusterMessage = `Unable to connect to OpenSearch: ${(error as Error).message}`;
    }
    const statuses = [
      entry(`core:opensearch@${deps.osdVersion}`, clusterGreen, clusterMessage, since),
      ...deps
        .pluginIds()
        .map((id) => entry(`plugin:${id}@${deps.osdVersion}`, true, 'Ready', since)),
    ];
    return response.ok({
      body: {
        name: deps.name,
        uuid: deps.uuid,
        version: {
          number: deps.osdVersion,
          build_hash: 'dev-host',
          build_number: deps.buildNum,
          build_snapshot: false,
        },
        status: {
          overall: {
            since,
            state: clusterGreen ? 'green' : 'red',
            title: clusterGreen ? 'Green' : 'Red',
            nickname: clusterGreen ? 'Looking good' : 'Danger Will Robinson! Danger!',
            icon: clusterGreen ? 'success' : 'danger',
            uiColor: clusterGreen ? 'secondary' : 'danger',
          },
          statuses,
        },
      },
    });
  });
}
