/**
 * Campaign names: list, edit one, import CSV, sync from Pinpoint's API. Written to the plugin's lookup index
 * as the current user; every write is idempotent (the id is the document id).
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import { parseImportBody, parseNameBody, parseSyncBody } from '../../common/campaigns/names_csv';
import { parseIdParams } from '../../common/campaigns/query';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger, RequestHandlerContext } from '../osd_port';
import { PinpointNamesClients } from '../aws/pinpoint_campaigns';
import { NamesStore } from '../services/names/names_store';
import { syncNamesFromPinpoint } from '../services/names/names_sync';
import { noInput, validateWith } from './validate';

export function registerNameRoutes(
  router: IRouter,
  logger: Logger,
  pinpoint: Pick<PinpointNamesClients, 'forRegion'> = new PinpointNamesClients()
): void {
  const store = (context: RequestHandlerContext) =>
    new NamesStore(context.core.opensearch.client.asCurrentUser);

  router.get(
    { path: CAMPAIGN_API_PATHS.names, validate: { query: noInput } },
    async (context, _request, response) => {
      try {
        return response.ok({ body: { names: await store(context).list() } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.put(
    {
      path: CAMPAIGN_API_PATHS.name,
      validate: { params: validateWith(parseIdParams), body: validateWith(parseNameBody) },
    },
    async (context, request, response) => {
      try {
        const row = { id: request.params.id, name: request.body.name };
        await store(context).put([row], 'user');
        return response.ok({ body: row });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.post(
    { path: CAMPAIGN_API_PATHS.namesImport, validate: { body: validateWith(parseImportBody) } },
    async (context, request, response) => {
      try {
        const result = await store(context).put(request.body.rows, 'csv');
        return response.ok({ body: result });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.post(
    { path: CAMPAIGN_API_PATHS.namesSync, validate: { body: validateWith(parseSyncBody) } },
    async (context, request, response) => {
      try {
        const result = await syncNamesFromPinpoint(
          pinpoint.forRegion(request.body.region),
          store(context),
          request.body.appIds
        );
        return response.ok({ body: result });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
