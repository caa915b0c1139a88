/**
 * `npm start` demo data: 30 days of campaign traffic ending now (dev/demo/campaign_events.ts) — an email A/B
 * test with a holdout, a weekly newsletter, SMS and push campaigns, an onboarding journey, transactional mail.
 * The first days of the archive are indexed BEFORE any template, in the order the seed warns against (campaign
 * sent, then template created): those indices map arrival_timestamp and event_timestamp as `long` and the
 * campaign fields as text, so a newcomer sees the failure in the setup report and can repair it. The later
 * days are created with the template's mappings (as they would be once it exists) while the template itself
 * is left for the setup page to install. Campaign names go into the names index. Idempotent: a day whose index
 * exists is left alone.
 */
import { dailyIndexName } from '../../common/index_naming';
import { DEFAULT_INDEX_PREFIX } from '../../common/constants';
import { buildIndexTemplate } from '../../common/template';
import type { OpenSearchClient } from '../../server/osd_port';
import { NamesStore } from '../../server/services/names/names_store';
import { bulkIndex } from './bulk_index';
import { DEMO_CATALOG, generateRange } from './campaign_events';

export type DemoLog = ((message: string) => void) | { info(message: string): void };

export interface DemoOptions {
  prefix?: string;
  /** Days of traffic before today (default 30). */
  days?: number;
  /** The oldest days indexed before the template (default 4). */
  preTemplateDays?: number;
  now?: Date;
  scale?: number;
}

export interface DemoResult {
  created: string[];
  skipped: string[];
  preTemplate: string[];
}

function say(log: DemoLog, message: string): void {
  if (typeof log === 'function') log(message);
  else log.info(message);
}

/** The template's settings and mappings on one index, without installing the template itself. */
async function createMapped(
  client: OpenSearchClient,
  prefix: string,
  index: string
): Promise<void> {
  const { settings, mappings } = buildIndexTemplate(prefix).template;
  const { _meta: _ignored, ...plain } = mappings as Record<string, unknown>;
  await client.transport.request(
    { method: 'PUT', path: `/${encodeURIComponent(index)}`, body: { settings, mappings: plain } },
    { ignore: [400] }
  );
}

export async function loadDemoData(
  client: OpenSearchClient,
  log: DemoLog,
  options: DemoOptions = {}
): Promise<DemoResult> {
  const prefix = options.prefix ?? DEFAULT_INDEX_PREFIX;
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  const preTemplateDays = options.preTemplateDays ?? 4;

  const { body: existing } = await client.transport.request<Array<{ index: string }>>({
    method: 'GET',
    path: `/_cat/indices/${encodeURIComponent(`${prefix}-*`)}`,
    querystring: { format: 'json', h: 'index', expand_wildcards: 'all' },
  });
  const present = new Set(existing.map((row) => row.index));

  const byDay = generateRange({ days, now, scale: options.scale });
  const daysSorted = [...byDay.keys()].sort();
  const result: DemoResult = { created: [], skipped: [], preTemplate: [] };
  for (const [i, day] of daysSorted.entries()) {
    const index = dailyIndexName(prefix, new Date(`${day}T00:00:00Z`));
    if (present.has(index)) {
      result.skipped.push(index);
      continue;
    }
    const before = i < preTemplateDays;
    if (before) result.preTemplate.push(index);
    else await createMapped(client, prefix, index);
    await bulkIndex(client, index, byDay.get(day)!, { chunk: 5000, refresh: false });
    result.created.push(index);
  }
  if (result.created.length > 0) {
    await client.transport.request({ method: 'POST', path: `/${prefix}-*/_refresh` });
    await new NamesStore(client).write(
      DEMO_CATALOG.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
      'pinpoint-api'
    );
  }
  say(
    log,
    result.created.length > 0
      ? `demo data: ${result.created.length} days of campaign events (${result.created[0]} … ${result.created[result.created.length - 1]}); ${result.preTemplate.join(', ') || 'none'} indexed before any template (open the Pinpoint app's setup page to see and repair them)`
      : `demo data: ${result.skipped.length} demo indices already present, nothing loaded`
  );
  return result;
}
