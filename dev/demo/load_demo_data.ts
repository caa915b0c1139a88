/**
 * `npm start` demo data: a few past days of Pinpoint events indexed BEFORE any template exists, in the order
 * the seed warns against (campaign sent, then template created). Those indices map arrival_timestamp and
 * event_timestamp as `long`, so a newcomer sees the failure in the setup report and can repair it.
 * Idempotent: a day whose index exists is left alone.
 */
import { dailyIndexName } from '../../common/index_naming';
import { DEFAULT_INDEX_PREFIX } from '../../common/constants';
import type { OpenSearchClient } from '../../server/osd_port';
import { bulkIndex } from './bulk_index';
import { generateDayEvents, utcDay } from './pinpoint_events';

export type DemoLog = ((message: string) => void) | { info(message: string): void };

export interface DemoOptions {
  prefix?: string;
  /** Past days before today (default 4). */
  days?: number;
  eventsPerDay?: number;
  now?: Date;
}

export interface DemoResult {
  created: string[];
  skipped: string[];
}

function say(log: DemoLog, message: string): void {
  if (typeof log === 'function') log(message);
  else log.info(message);
}

export async function loadDemoData(
  client: OpenSearchClient,
  log: DemoLog,
  options: DemoOptions = {}
): Promise<DemoResult> {
  const prefix = options.prefix ?? DEFAULT_INDEX_PREFIX;
  const now = options.now ?? new Date();
  const pastDays = options.days ?? 4;
  const perDay = options.eventsPerDay ?? 400;

  const { body: existing } = await client.transport.request<Array<{ index: string }>>({
    method: 'GET',
    path: `/_cat/indices/${encodeURIComponent(`${prefix}-*`)}`,
    querystring: { format: 'json', h: 'index', expand_wildcards: 'all' },
  });
  const present = new Set(existing.map((row) => row.index));

  const result: DemoResult = { created: [], skipped: [] };
  for (let offset = -pastDays; offset <= 0; offset++) {
    const day = utcDay(now, offset);
    const index = dailyIndexName(prefix, new Date(`${day}T00:00:00Z`));
    if (present.has(index)) {
      result.skipped.push(index);
      continue;
    }
    const count =
      offset === 0
        ? Math.max(1, Math.round((perDay * (now.getTime() % 86_400_000)) / 86_400_000))
        : perDay;
    const docs = generateDayEvents({ day, count, until: now.getTime() });
    await bulkIndex(client, index, docs);
    result.created.push(index);
  }
  say(
    log,
    result.created.length > 0
      ? `demo data: indexed Pinpoint events into ${result.created.join(', ')} (before any template: open the Pinpoint app's setup page to see and repair them)`
      : `demo data: ${result.skipped.length} demo indices already present, nothing loaded`
  );
  return result;
}
