import {
  FAILED_RECORDS_PATHS,
  parseFailedRecordsRequest,
  parseReplayRequest,
} from '../../common/failed_records';
import type { AwsPortSource } from '../aws/client_factory';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger } from '../osd_port';
import { listFailedRecords, replayFromS3 } from '../services/failed_records';
import { validateWith } from './validate';

/**
 * POST /api/pinpoint/failed_records: Firehose's failed records in S3, grouped by error. POST .../replay: write
 * them into the indices Firehose meant, as the current user, idempotently. S3 is read with the server's AWS
 * credentials; nothing AWS returns besides the records themselves reaches the browser.
 */
export function registerFailedRecordsRoutes(
  router: IRouter,
  logger: Logger,
  aws: AwsPortSource
): void {
  router.post(
    {
      path: FAILED_RECORDS_PATHS.list,
      validate: { body: validateWith((d) => parseFailedRecordsRequest(d)) },
    },
    async (_context, request, response) => {
      try {
        return response.ok({ body: await listFailedRecords(request.body, { aws }) });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.post(
    {
      path: FAILED_RECORDS_PATHS.replay,
      validate: { body: validateWith((d) => parseReplayRequest(d)) },
    },
    async (context, request, response) => {
      try {
        const { errorCode, ...source } = request.body;
        const cluster = context.core.opensearch.client.asCurrentUser;
        return response.ok({
          body: await replayFromS3(source, cluster, { aws }, { errorCode }),
        });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
