import type { Logger, RequestHandlerContext } from '../osd_port';
import type { IndexEngineDeps } from '../services/index_engine/deps';

/**
 * The index engine's dependencies for one request, assembled here only: every call as the current user, the
 * saved objects and advanced settings of the user's tenant.
 */
export function indexEngineDeps(context: RequestHandlerContext, logger: Logger): IndexEngineDeps {
  return {
    client: context.core.opensearch.client.asCurrentUser,
    savedObjects: context.core.savedObjects.client,
    uiSettings: context.core.uiSettings.client,
    logger,
  };
}
