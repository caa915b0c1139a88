/**
 * Repair routes: start or resume a repair (202, the run continues in this process as the current user), read
 * one job's progress, list jobs, list the indices that need a repair.
 */
import { API_PATHS } from '../../common/constants';
import { parseCandidatesQuery, parseRepairParams, parseRepairRequest } from '../../common/repair';
import { toHttpResponse } from '../errors';
import type { IRouter, Logger, RequestHandlerContext } from '../osd_port';
import { RepairService } from '../services/repair/repair_service';
import { RepairRunRegistry } from '../services/repair/run_registry';
import type { RepairOptions } from '../services/repair/types';
import { noInput, validateWith } from './validate';

export function registerRepairRoutes(
  router: IRouter,
  logger: Logger,
  options: RepairOptions = {},
  registry: RepairRunRegistry = new RepairRunRegistry(logger)
): RepairRunRegistry {
  const serviceFor = (context: RequestHandlerContext): RepairService =>
    new RepairService(context.core.opensearch.client.asCurrentUser, logger, options);

  router.post(
    { path: API_PATHS.repair, validate: { body: validateWith(parseRepairRequest) } },
    async (context, request, response) => {
      try {
        const { index, prefix } = request.body;
        const service = serviceFor(context);
        const state = await service.start(index, prefix);
        if (state.step === 'done')
          return response.ok({ body: { job: await service.progress(index) } });
        registry.launch(service, index);
        return response.accepted({ body: { job: await service.progress(index, true) } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    { path: API_PATHS.repairIndex, validate: { params: validateWith(parseRepairParams) } },
    async (context, request, response) => {
      try {
        const { index } = request.params;
        const job = await serviceFor(context).progress(index, registry.isActive(index));
        return response.ok({ body: { job } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    { path: API_PATHS.repair, validate: { query: noInput } },
    async (context, _request, response) => {
      try {
        const jobs = await serviceFor(context).list((index) => registry.isActive(index));
        return response.ok({ body: { jobs } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );

  router.get(
    { path: API_PATHS.repairCandidates, validate: { query: validateWith(parseCandidatesQuery) } },
    async (context, request, response) => {
      try {
        const { prefix } = request.query;
        const candidates = await serviceFor(context).candidates(prefix);
        return response.ok({ body: { prefix, candidates } });
      } catch (error) {
        return toHttpResponse(error, response, logger);
      }
    }
  );
  return registry;
}
