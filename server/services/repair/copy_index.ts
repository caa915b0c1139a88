/** The repair's copy: how its index is created, and which of its reindex failures are worth a retry. */
import { DEFAULT_INDEX_PREFIX } from '../../../common/constants';
import { parseRotatedIndex } from '../../../common/rotation_window';
import { buildIndexTemplate } from '../../../common/template';
import type { ReindexFailure } from './cluster';
import type { RepairState } from './types';

/**
 * The template's mapping and settings (so the copy is what the template would have made), the source's shard
 * count, hidden while both exist, and a `_meta` marker naming the source and job: the proof it is ours.
 */
export function copyIndexBody(s: RepairState): Record<string, unknown> {
  const prefix = parseRotatedIndex(s.source)?.prefix ?? DEFAULT_INDEX_PREFIX;
  const template = buildIndexTemplate(prefix).template;
  return {
    settings: {
      ...template.settings,
      'index.number_of_shards': s.sourceShards,
      // Restored at verification: no replica traffic while copying. (Refreshes stay on: switching them off
      // only moves the cost to one long refresh at the end, measured slower on a whole repair.)
      'index.number_of_replicas': 0,
      'index.hidden': true,
    },
    mappings: {
      ...template.mappings,
      _meta: {
        ...template.mappings._meta,
        pinpoint_repair: { source: s.source, jobId: s.jobId },
      },
    },
  };
}

/** Failures of a reindex worth another try: the cluster pushed back, the documents themselves are fine. */
export function retryable(failure: ReindexFailure): boolean {
  return failure.status === 429 || failure.cause?.type === 'es_rejected_execution_exception';
}

export function describeFailure(failure: ReindexFailure): string {
  const cause = failure.cause ?? failure.reason;
  return `${failure.id ? `document ${failure.id}: ` : ''}${cause?.type ?? 'error'} ${cause?.reason ?? ''}`.trim();
}
