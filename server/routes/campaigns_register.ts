/**
 * Every route of the campaign analytics (issue 9) in one call, so the plugin's route list changes by one
 * line: campaigns and journeys, names, summaries.
 */
import type { IRouter, Logger } from '../osd_port';
import { NamesStore } from '../services/names/names_store';
import { registerCampaignRoutes } from './campaigns';
import { registerNameRoutes } from './names';
import { registerSummaryRoutes } from './summaries';
import { summaryCounter } from '../services/summaries/reader';

export function registerCampaignAnalyticsRoutes(router: IRouter, logger: Logger): void {
  registerCampaignRoutes(router, {
    logger,
    names: (client) => new NamesStore(client),
    // Summaries where a user built them, raw events for the rest.
    counter: (deps) => summaryCounter(deps),
  });
  registerNameRoutes(router, logger);
  registerSummaryRoutes(router, logger);
}
