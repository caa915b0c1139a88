import { API_PATHS } from '../../common/constants';
import { parseApplyBody } from '../../common/index_engine_input';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger } from '../osd_port';
import { applySetup } from '../services/index_engine';
import { indexEngineDeps } from './index_engine_deps';
import { noInput, validateWith } from './validate';

/**
 * POST /api/pinpoint/apply {prefix, template?, overwrite?, indexPattern?, makeDefault?}: install or update the
 * template, create or refresh the index pattern, make it the default; as the current user, idempotent.
 */
export function registerApplyRoute(router: IRouter, logger: Logger): void {
  router.post(
    { path: API_PATHS.apply, validate: { query: noInput, body: validateWith(parseApplyBody) } },
    async (context, request, response) => {
      try {
        const result = await applySetup(indexEngineDeps(context, logger), request.body);
        return response.ok({ body: result });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
