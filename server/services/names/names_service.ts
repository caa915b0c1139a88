/**
 * Campaign and journey names (issue 9, item 3) — owned by the names helper.
 *
 * The one interface the three doors (routes, CLI, app) and the campaigns service use for names: resolve a set
 * of ids in one request, list, edit one, import a CSV of `id,name`, refresh from Pinpoint's GetCampaigns /
 * ListJourneys while that API answers. Work in progress: the implementation lands in this folder next.
 */
export type { NameResolver } from '../campaigns/deps';
export { NamesStore, NAMES_INDEX } from './names_store';
export { syncNamesFromPinpoint } from './names_sync';
