/**
 * Campaign analytics routes, read as the current user: the campaigns and journeys list (JSON and CSV), one
 * campaign's page, one journey's page. Inputs are validated at the door (common/campaigns/query.ts); a bad
 * time, range, id, sort key or page size is a 400 saying what to fix.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import { listRows, pageRows, toCsv, sortRows, searchRows } from '../../common/campaigns/list';
import {
  parseCampaignListQuery,
  parseIdParams,
  parseRangeQuery,
} from '../../common/campaigns/query';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger, RequestHandlerContext } from '../osd_port';
import { getCampaigns, type GroupCounter } from '../services/campaigns/campaigns_service';
import type { CampaignsDeps, NameResolver } from '../services/campaigns/deps';
import { getCampaignDetail, getJourneyDetail } from '../services/campaigns/detail_service';
import type { OpenSearchClient } from '../osd_port';
import { validateWith } from './validate';

export interface CampaignRouteDeps {
  logger: Logger;
  /** Names for the caller's client (the names lookup index). */
  names?: (client: OpenSearchClient) => NameResolver;
  /** Summaries plus raw, for the caller's client; absent: raw indices only. */
  counter?: (deps: CampaignsDeps) => GroupCounter;
}

export function registerCampaignRoutes(router: IRouter, routeDeps: CampaignRouteDeps): void {
  const { logger } = routeDeps;
  const depsFor = (context: RequestHandlerContext, prefix?: string): CampaignsDeps => {
    const client = context.core.opensearch.client.asCurrentUser;
    return { client, logger, prefix, names: routeDeps.names?.(client) };
  };
  const counterFor = (deps: CampaignsDeps) => routeDeps.counter?.(deps);

  router.get(
    {
      path: CAMPAIGN_API_PATHS.campaigns,
      validate: { query: validateWith(parseCampaignListQuery) },
    },
    async (context, request, response) => {
      try {
        const deps = depsFor(context, request.query.prefix);
        const report = await getCampaigns(deps, request.query, counterFor(deps));
        const { campaigns, journeys, ...rest } = report;
        return response.ok({
          body: { ...rest, ...pageRows(listRows(campaigns, journeys), request.query) },
        });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    {
      path: CAMPAIGN_API_PATHS.campaignsCsv,
      validate: { query: validateWith(parseCampaignListQuery) },
    },
    async (context, request, response) => {
      try {
        const deps = depsFor(context, request.query.prefix);
        const report = await getCampaigns(deps, request.query, counterFor(deps));
        const q = request.query;
        const rows = sortRows(
          searchRows(listRows(report.campaigns, report.journeys), q.search),
          q.sort,
          q.order
        );
        return response.ok({
          body: toCsv(rows),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="pinpoint-campaigns.csv"',
          },
        });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    {
      path: CAMPAIGN_API_PATHS.campaign,
      validate: { params: validateWith(parseIdParams), query: validateWith(parseRangeQuery) },
    },
    async (context, request, response) => {
      try {
        const deps = depsFor(context, request.query.prefix);
        const detail = await getCampaignDetail(
          deps,
          { ...request.query, campaignId: request.params.id },
          counterFor(deps)
        );
        return response.ok({ body: detail });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    {
      path: CAMPAIGN_API_PATHS.journey,
      validate: { params: validateWith(parseIdParams), query: validateWith(parseRangeQuery) },
    },
    async (context, request, response) => {
      try {
        const deps = depsFor(context, request.query.prefix);
        const detail = await getJourneyDetail(
          deps,
          { ...request.query, journeyId: request.params.id },
          counterFor(deps)
        );
        return response.ok({ body: detail });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
