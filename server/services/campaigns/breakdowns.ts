/**
 * Per-value breakdowns of one campaign's messages (recipient domain, SMS country, failure status): the same
 * exact per-message composite, keyed by [message, value], each (message, value) folded into that value's
 * counts. A message to two domains counts once in each; a message to two addresses at one domain counts once.
 */
import { addEntity, type Counts, type EventRow } from '../../../common/campaigns/fold';
import type {
  ChannelDescriptor,
  GroupDescriptor,
  SourceDescriptor,
} from '../../../common/sources/source_descriptor';
import type { OpenSearchClient } from '../../osd_port';
import { streamEntities } from './composite';
import { baseFilter, type RawCountsRequest } from './raw_counts';

export interface BreakdownRequest extends RawCountsRequest {
  groupId: string;
  field: string;
  /** Maps the field's value to the breakdown key (an address to its domain). */
  keyOf?: (value: string) => string;
  eventTypes?: readonly string[];
}

export async function breakdown(
  client: OpenSearchClient,
  source: SourceDescriptor,
  group: GroupDescriptor,
  channel: ChannelDescriptor,
  req: BreakdownRequest
): Promise<Map<string, Counts>> {
  const ch = req.eventTypes ? { ...channel, eventTypes: req.eventTypes } : channel;
  const out = new Map<string, Counts>();
  const stream = streamEntities(client, {
    target: req.target,
    indices: req.indices,
    query: { bool: { filter: baseFilter(source, group, ch, req) } },
    keyFields: [channel.entityField, req.field],
    entityDepth: 2,
    eventTypeField: source.eventTypeField,
    dimensionFields: channel.dimensionFields,
    sumFields: channel.sumFields,
  });
  // Two values of one message that map to the same key (two addresses at one domain) are one entity. A
  // message's buckets are adjacent (the message id sorts first), so one message is held at a time.
  let message: string | null | undefined;
  let byKey = new Map<string, EventRow[]>();
  const flush = () => {
    for (const [key, rows] of byKey) {
      let counts = out.get(key);
      if (!counts) out.set(key, (counts = {}));
      addEntity(counts, rows);
    }
    byKey = new Map();
  };
  for await (const entity of stream) {
    const value = entity.key[1];
    if (value === null) continue;
    if (entity.key[0] !== message) {
      flush();
      message = entity.key[0];
    }
    const key = req.keyOf ? req.keyOf(value) : value;
    const rows = byKey.get(key);
    if (rows) rows.push(...entity.rows);
    else byKey.set(key, [...entity.rows]);
  }
  flush();
  return out;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(at + 1) : address).toLowerCase();
}
