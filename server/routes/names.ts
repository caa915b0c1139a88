/**
 * Campaign and journey names — owned by the names helper. List (paged, searchable), edit one, import a CSV,
 * refresh from Pinpoint's API. Everything as the current user, in the plugin's lookup index; every input
 * validated at the door (400 saying what to fix); every write idempotent.
 */
import { CAMPAIGN_API_PATHS } from '../../common/campaigns/api_paths';
import { parseIdParams } from '../../common/campaigns/query';
import { InvalidInputError } from '../../common/validation';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger, OpenSearchClient, RequestHandlerContext } from '../osd_port';
import { PinpointNamesClients, type PinpointNamesSource } from '../aws/pinpoint_names';
import {
  MAX_CSV_BYTES,
  NamesStore,
  csvTextOfBody,
  importNamesCsv,
  parseNameBody,
  parseNamesListQuery,
  parseRefreshBody,
  refreshNamesFromPinpoint,
} from '../services/names/names_service';
import { validateWith } from './validate';

export interface NameRouteOptions {
  /** Pinpoint clients per region; made from the client factory on first use when not handed in. */
  pinpoint?: PinpointNamesSource;
  /** Tests use an index of their own. */
  store?: (client: OpenSearchClient) => NamesStore;
}

/** How long one Pinpoint page may take (the SDK's retries included). */
const PINPOINT_CALL_TIMEOUT_MS = 10_000;

export function registerNameRoutes(
  router: IRouter,
  logger: Logger,
  pinpointOrOptions: PinpointNamesSource | NameRouteOptions = {}
): void {
  const options: NameRouteOptions =
    'forRegion' in pinpointOrOptions ? { pinpoint: pinpointOrOptions } : pinpointOrOptions;
  let pinpoint = options.pinpoint;
  const store = (context: RequestHandlerContext) => {
    const client = context.core.opensearch.client.asCurrentUser;
    return options.store ? options.store(client) : new NamesStore(client);
  };

  router.get(
    { path: CAMPAIGN_API_PATHS.names, validate: { query: validateWith(parseNamesListQuery) } },
    async (context, request, response) => {
      try {
        const page = await store(context).list(request.query);
        return response.ok({
          body: { ...page, page: request.query.page, perPage: request.query.perPage },
        });
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
        const entry = await store(context).setName(request.params.id, request.body.name);
        return response.ok({ body: entry });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.post(
    {
      path: CAMPAIGN_API_PATHS.namesImport,
      // The CSV itself or {csv} as JSON; the rows are checked in the handler so a 400 names the line.
      validate: { body: validateWith(csvTextOfBody) },
      options: {
        body: {
          accepts: ['application/json', 'text/csv', 'text/plain'],
          maxBytes: MAX_CSV_BYTES + 64 * 1024,
          output: 'data',
          parse: true,
        },
      },
    },
    async (context, request, response) => {
      try {
        return response.ok({ body: await importNamesCsv(store(context), request.body) });
      } catch (error) {
        // A bad row: the message names the line and what to fix; nothing was written.
        if (error instanceof InvalidInputError) {
          return response.badRequest({ body: { message: error.message } });
        }
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.post(
    { path: CAMPAIGN_API_PATHS.namesSync, validate: { body: validateWith(parseRefreshBody) } },
    async (context, request, response) => {
      try {
        pinpoint ??= new PinpointNamesClients();
        const result = await refreshNamesFromPinpoint(
          pinpoint.forRegion(request.body.region),
          store(context),
          request.body.appIds,
          { timeoutMs: PINPOINT_CALL_TIMEOUT_MS }
        );
        return response.ok({ body: result });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
