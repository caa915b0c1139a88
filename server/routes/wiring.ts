import { parseWiringRequest, parseWiringSettings } from '../../common/aws_validation';
import { API_PATHS } from '../../common/constants';
import type { AwsPortSource } from '../aws/client_factory';
import { DEFAULT_PINPOINT_CONFIG, type PinpointConfig } from '../config';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger } from '../osd_port';
import { checkWiring } from '../services/wiring/orchestrator';
import { assertRoleAssumable } from '../services/wiring/role_gate';
import { readWiringSettings, saveWiringSettings } from '../services/wiring/settings';
import { noInput, validateWith } from './validate';

/**
 * POST /api/pinpoint/wiring {region, appIds, firehoseStream?, domain?, roleArn?}: the AWS wiring report (200 even
 * when checks fail: the report is the answer). GET/PUT /api/pinpoint/wiring/settings: the remembered inputs.
 * A roleArn is assumed only when an administrator allowed it (403 otherwise, before any AWS call).
 */
export function registerWiringRoutes(
  router: IRouter,
  logger: Logger,
  aws: AwsPortSource,
  config: () => PinpointConfig = () => DEFAULT_PINPOINT_CONFIG
): void {
  router.post(
    { path: API_PATHS.wiring, validate: { body: validateWith(parseWiringRequest) } },
    async (context, request, response) => {
      const cancel = new AbortController();
      const aborted = request.events?.aborted$.subscribe(() => cancel.abort());
      try {
        assertRoleAssumable(request.body.roleArn, config());
        const cluster = context.core.opensearch.client.asCurrentUser;
        const report = await checkWiring(
          request.body,
          { aws, cluster, logger },
          { signal: cancel.signal }
        );
        return response.ok({ body: report });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      } finally {
        aborted?.unsubscribe();
      }
    }
  );

  router.get(
    { path: API_PATHS.wiringSettings, validate: { query: noInput } },
    async (context, _request, response) => {
      try {
        const settings = await readWiringSettings(context.core.savedObjects.client);
        return response.ok({ body: { settings } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.put(
    { path: API_PATHS.wiringSettings, validate: { body: validateWith(parseWiringSettings) } },
    async (context, request, response) => {
      try {
        assertRoleAssumable(request.body.roleArn, config());
        const settings = await saveWiringSettings(context.core.savedObjects.client, request.body);
        return response.ok({ body: { settings } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
}
