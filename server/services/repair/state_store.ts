/**
 * The repair jobs' state, kept in the cluster itself (a hidden index, one document per source index) so that a
 * repair started by the app can be resumed by the CLI, by another Dashboards node, or after a crash.
 *
 * Every write after the first carries `if_seq_no`/`if_primary_term` of the version the runner read: two runners
 * working on the same job cannot both advance it; the loser gets StaleStateError, re-reads, and continues from
 * whatever the winner reached. Reads by id are real-time, so writes do not wait for a refresh; the job list
 * refreshes the index before its search.
 */
import type { OpenSearchClient } from '../../osd_port';
import { errorTypeOf, unexpected } from './cluster';
import type { RepairState, StoredState } from './types';

import { REPAIR_STATE_INDEX } from '../../../common/repair';

export { REPAIR_STATE_INDEX };

/** Another runner wrote the job since we read it. */
export class StaleStateError extends Error {
  constructor(source: string) {
    super(`the repair state of ${source} was changed by another runner`);
    this.name = 'StaleStateError';
  }
}

interface GetResponse {
  found: boolean;
  _seq_no: number;
  _primary_term: number;
  _source: RepairState;
}

interface WriteResponse {
  _seq_no: number;
  _primary_term: number;
}

interface SearchResponse {
  hits: { hits: Array<{ _source: RepairState }> };
}

const docPath = (source: string): string =>
  `/${REPAIR_STATE_INDEX}/_doc/${encodeURIComponent(source)}`;

export class RepairStateStore {
  constructor(private readonly client: OpenSearchClient) {}

  /** Creates the state index on first use; a concurrent creation by another runner is fine. */
  async ensureIndex(): Promise<void> {
    const exists = await this.client.transport.request(
      { method: 'HEAD', path: `/${REPAIR_STATE_INDEX}` },
      { ignore: [404] }
    );
    if (exists.statusCode === 200) return;
    const answer = await this.client.transport.request(
      {
        method: 'PUT',
        path: `/${REPAIR_STATE_INDEX}`,
        body: {
          settings: {
            index: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' },
          },
          mappings: {
            dynamic: false,
            properties: {
              source: { type: 'keyword' },
              target: { type: 'keyword' },
              step: { type: 'keyword' },
              updatedAt: { type: 'date' },
            },
          },
        },
      },
      { ignore: [400] }
    );
    // Another runner creating it at the same moment is fine.
    if (
      answer.statusCode === 400 &&
      errorTypeOf(answer.body) !== 'resource_already_exists_exception'
    ) {
      throw unexpected(answer.statusCode, answer.body, `creating ${REPAIR_STATE_INDEX}`);
    }
  }

  async get(source: string): Promise<StoredState | undefined> {
    const { body, statusCode } = await this.client.transport.request<GetResponse>(
      { method: 'GET', path: docPath(source) },
      { ignore: [404] }
    );
    if (statusCode === 404 || !body.found) return undefined;
    return { state: body._source, seqNo: body._seq_no, primaryTerm: body._primary_term };
  }

  /** Writes a new job. `previous` is the version it replaces (a finished or rolled-back job), if any. */
  async put(state: RepairState, previous?: StoredState): Promise<StoredState> {
    const querystring: Record<string, string | number> = {};
    if (previous) {
      querystring.if_seq_no = previous.seqNo;
      querystring.if_primary_term = previous.primaryTerm;
    } else {
      querystring.op_type = 'create';
    }
    return this.write(state, querystring);
  }

  /** Advances a job from the version the runner read; StaleStateError if another runner got there first. */
  async replace(stored: StoredState, patch: Partial<RepairState>): Promise<StoredState> {
    const state: RepairState = {
      ...stored.state,
      ...patch,
      updatedAt: new Date().toISOString(),
    };
    return this.write(state, {
      if_seq_no: stored.seqNo,
      if_primary_term: stored.primaryTerm,
    });
  }

  async list(): Promise<RepairState[]> {
    // A refresh of a handful of documents is cheap, and makes the list as current as a read by id.
    await this.client.transport.request(
      { method: 'POST', path: `/${REPAIR_STATE_INDEX}/_refresh` },
      { ignore: [404] }
    );
    const { body, statusCode } = await this.client.transport.request<SearchResponse>(
      {
        method: 'POST',
        path: `/${REPAIR_STATE_INDEX}/_search`,
        body: { size: 1000, sort: [{ updatedAt: 'desc' }], query: { match_all: {} } },
      },
      { ignore: [404] }
    );
    if (statusCode === 404) return [];
    return body.hits.hits.map((hit) => hit._source);
  }

  private async write(
    state: RepairState,
    querystring: Record<string, string | number>
  ): Promise<StoredState> {
    const { body, statusCode } = await this.client.transport.request<WriteResponse>(
      { method: 'PUT', path: docPath(state.source), querystring, body: state },
      { ignore: [409] }
    );
    if (statusCode === 409) throw new StaleStateError(state.source);
    return { state, seqNo: body._seq_no, primaryTerm: body._primary_term };
  }
}
