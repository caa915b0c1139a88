import { API_PATHS } from '../../common/constants';
import type { IRouter, Logger } from '../osd_port';
import { toHttpResponse } from '../errors';
import { readClusterInfo } from '../services/cluster_info';
import { noInput } from './validate';

export function registerStatusRoute(router: IRouter, logger: Logger, pluginVersion: string): void {
  router.get(
    { path: API_PATHS.status, validate: { query: noInput } },
    async (context, _request, response) => {
      try {
        const cluster = await readClusterInfo(context.core.opensearch.client.asCurrentUser);
        return response.ok({ body: { pluginVersion, cluster } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
