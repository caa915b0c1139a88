/**
 * GET /api/pinpoint/dashboards: each shipped saved object's state in the caller's tenant, and the tenant.
 * POST /api/pinpoint/dashboards/install {objects?, replaceEdited?}: install or update, idempotent.
 * Both as the current user through the request's saved-objects client, so the security plugin's tenant (the
 * `securitytenant` header or the user's selection) decides where objects land.
 */
import {
  DASHBOARDS_API_PATHS,
  parseInstallRequest,
} from '../../common/saved_objects/install_types';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger, RequestHandlerContext } from '../osd_port';
import {
  dashboardsStatus,
  installDashboards,
  readTenant,
  savedObjectsStore,
  type DashboardsDeps,
} from '../services/dashboards';
import { noInput, validateWith } from './validate';

function deps(
  context: RequestHandlerContext,
  logger: Logger,
  pluginVersion: string
): DashboardsDeps {
  return {
    store: savedObjectsStore(context.core.savedObjects.client),
    tenant: () => readTenant(context.core.opensearch.client.asCurrentUser),
    pluginVersion,
    logger,
  };
}

export function registerDashboardsRoutes(
  router: IRouter,
  logger: Logger,
  pluginVersion: string
): void {
  router.get(
    { path: DASHBOARDS_API_PATHS.status, validate: { query: noInput } },
    async (context, _request, response) => {
      try {
        return response.ok({ body: await dashboardsStatus(deps(context, logger, pluginVersion)) });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
  router.post(
    {
      path: DASHBOARDS_API_PATHS.install,
      validate: { query: noInput, body: validateWith(parseInstallRequest) },
    },
    async (context, request, response) => {
      try {
        const result = await installDashboards(deps(context, logger, pluginVersion), request.body);
        return response.ok({ body: result });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
