/**
 * Delivering events the way Firehose does: records enter a buffer in the order Firehose receives them (their
 * arrival_timestamp), and the buffer is flushed as one _bulk when it holds SizeInMBs or when IntervalInSeconds
 * have passed since its first record, whichever comes first. Each record goes to the index named after the UTC
 * time it was received and the rotation period (rotatedIndexName), so a batch may span two indices at a
 * boundary, as Firehose's do.
 */
import { type IndexRotation, rotatedIndexName } from '../../common/index_naming';
import type { OpenSearchClient } from '../../server/osd_port';
import type { GeneratedEvent } from './generate_events';

export interface BufferingHints {
  intervalSeconds: number;
  sizeMb: number;
}

export interface DeliveryOptions {
  prefix: string;
  rotation: IndexRotation;
  hints: BufferingHints;
  /** _bulk requests in flight (Firehose runs several per stream). */
  concurrency: number;
  onBatch?: (docs: number) => void;
}

export interface DeliveryResult {
  docs: number;
  batches: number;
  bytes: number;
  failed: number;
  firstError?: string;
  indices: Map<string, number>;
}

interface BulkBody {
  errors: boolean;
  items: Array<Record<string, { status: number; error?: { type?: string; reason?: string } }>>;
}

export class FirehoseDelivery {
  private lines: string[] = [];
  private bytes = 0;
  private docs = 0;
  private firstArrival = 0;
  private readonly inflight = new Set<Promise<void>>();
  readonly result: DeliveryResult = {
    docs: 0,
    batches: 0,
    bytes: 0,
    failed: 0,
    indices: new Map(),
  };

  constructor(
    private readonly client: OpenSearchClient,
    private readonly options: DeliveryOptions
  ) {}

  /** Adds one record; resolves when there is room for the next (back-pressure on the generator). */
  async add({ id, event }: GeneratedEvent): Promise<void> {
    const arrival = event.arrival_timestamp;
    const { hints } = this.options;
    if (this.docs > 0 && arrival - this.firstArrival >= hints.intervalSeconds * 1000)
      await this.flush();
    const index = rotatedIndexName(this.options.prefix, new Date(arrival), this.options.rotation);
    const source = JSON.stringify(event);
    const line = `{"index":{"_index":${JSON.stringify(index)},"_id":"${id}"}}\n${source}\n`;
    if (this.docs === 0) this.firstArrival = arrival;
    this.lines.push(line);
    // Firehose counts the record bytes against the buffer size.
    this.bytes += source.length;
    this.docs += 1;
    this.result.indices.set(index, (this.result.indices.get(index) ?? 0) + 1);
    if (this.bytes >= hints.sizeMb * 1024 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.docs === 0) return;
    const body = this.lines.join('');
    const docs = this.docs;
    this.lines = [];
    this.bytes = 0;
    this.docs = 0;
    while (this.inflight.size >= this.options.concurrency) await Promise.race(this.inflight);
    const p = this.send(body, docs).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  async close(): Promise<DeliveryResult> {
    await this.flush();
    await Promise.all(this.inflight);
    return this.result;
  }

  private async send(body: string, docs: number): Promise<void> {
    const { body: res } = await this.client.transport.request<BulkBody>({
      method: 'POST',
      path: '/_bulk',
      body,
    });
    this.result.batches += 1;
    this.result.docs += docs;
    this.result.bytes += body.length;
    if (res.errors) {
      for (const item of res.items) {
        const r = Object.values(item)[0];
        if (r.status >= 300) {
          this.result.failed += 1;
          this.result.firstError ??= `${r.error?.type}: ${r.error?.reason}`;
        }
      }
    }
    this.options.onBatch?.(docs);
  }
}
