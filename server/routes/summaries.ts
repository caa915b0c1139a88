/**
 * Summaries routes, as the current user: GET the status (which days are summarised, which indices are stale
 * or missing), POST a build (only when the user asks; incremental: missing or changed days only). Inputs are
 * validated at the door: unknown keys or a bad prefix are a 400 saying what to fix. One build at a time per
 * Dashboards process (409 while one runs): two would recompute the same days.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import { DEFAULT_INDEX_PREFIX } from '../../common/constants';
import { validateIndexPrefix } from '../../common/index_naming';
import { asObject, rejectUnknownKeys } from '../../common/validation';
import { ConflictError, toHttpResponse } from '../errors';
import type { IRouter, Logger, RequestHandlerContext } from '../osd_port';
import { buildSummaries, summaryStatus, SummaryStore } from '../services/summaries';
import type { SummaryDeps } from '../services/summaries';
import { validateWith } from './validate';

export interface SummariesInput {
  prefix: string;
}

export function parseSummariesInput(data: unknown, what = 'query'): SummariesInput {
  const obj = asObject(data, what);
  rejectUnknownKeys(obj, ['prefix'], what);
  return {
    prefix:
      obj.prefix === undefined ? DEFAULT_INDEX_PREFIX : validateIndexPrefix(obj.prefix, 'prefix'),
  };
}

export interface SummaryRouteOptions {
  /** Tests and benches use an index of their own. */
  index?: string;
}

/** The POST path the brief names beside the shared `_build` constant; both answer. */
export const SUMMARIES_BUILD_ALIAS = `${CAMPAIGN_API_PATHS.summaries}/build`;

export function registerSummaryRoutes(
  router: IRouter,
  logger: Logger,
  options: SummaryRouteOptions = {}
): void {
  let running = false;
  const depsFor = (context: RequestHandlerContext, input: SummariesInput): SummaryDeps => {
    const client = context.core.opensearch.client.asCurrentUser;
    return {
      client,
      logger,
      prefix: input.prefix,
      ...(options.index ? { store: new SummaryStore(client, options.index) } : {}),
    };
  };

  router.get(
    { path: CAMPAIGN_API_PATHS.summaries, validate: { query: validateWith(parseSummariesInput) } },
    async (context, request, response) => {
      try {
        return response.ok({ body: await summaryStatus(depsFor(context, request.query)) });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  for (const path of [CAMPAIGN_API_PATHS.summariesBuild, SUMMARIES_BUILD_ALIAS]) {
    router.post(
      { path, validate: { body: validateWith((b) => parseSummariesInput(b, 'body')) } },
      async (context, request, response) => {
        try {
          if (running) throw new ConflictError('a summaries build is already running; try again');
          running = true;
          try {
            return response.ok({ body: await buildSummaries(depsFor(context, request.body)) });
          } finally {
            running = false;
          }
        } catch (error) {
          return toHttpResponse(error, response, logger);
        }
      }
    );
  }
}
