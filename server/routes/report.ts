import { API_PATHS } from '../../common/constants';
import { parseReportQuery } from '../../common/index_engine_input';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger } from '../osd_port';
import { buildReport } from '../services/index_engine';
import { indexEngineDeps } from './index_engine_deps';
import { validateWith } from './validate';

/** GET /api/pinpoint/report?prefix=<prefix>: the validation report, read as the current user. */
export function registerReportRoute(router: IRouter, logger: Logger): void {
  router.get(
    { path: API_PATHS.report, validate: { query: validateWith(parseReportQuery) } },
    async (context, request, response) => {
      try {
        const report = await buildReport(indexEngineDeps(context, logger), request.query.prefix);
        return response.ok({ body: report });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
