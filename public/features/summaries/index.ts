export { SummariesLine } from './summaries_line';
export { createSummariesApi, type SummariesApi } from '../../api/summaries';
