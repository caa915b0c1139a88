/**
 * The OpenSearch calls of the repair, each one idempotent, and the probes a step uses to re-check reality
 * before it acts (what a name resolves to, whether the copy exists and is ours, whether a reindex task is
 * still running). Names go into paths encoded.
 */
import { toDomainError } from '../../errors';
import type { OpenSearchClient } from '../../osd_port';

const enc = encodeURIComponent;

/**
 * Statuses a step handles itself are requested with `ignore` and read from the answer rather than caught:
 * the client may be wrapped (the CLI turns errors into domain errors) and the answer's body is what counts.
 */
export function errorTypeOf(body: unknown): string | undefined {
  return (body as { error?: { type?: string } } | undefined)?.error?.type;
}

/** The error an unexpected answer becomes, as if the client had thrown it. */
export function unexpected(statusCode: number | null, body: unknown, what: string): unknown {
  const error = toDomainError({ meta: { statusCode, body } }, what);
  return error instanceof Error ? error : new Error(`${what}: OpenSearch answered ${statusCode}`);
}

/** What a name is now: a concrete index, an alias (of which indices), or nothing. */
export type NameResolution =
  { kind: 'index'; hidden: boolean } | { kind: 'alias'; indices: string[] } | { kind: 'missing' };

export interface IndexFacts {
  uuid: string;
  writeBlock: boolean;
  shards: number;
  replicas: number;
  mappings: Record<string, unknown>;
  aliases: Record<string, AliasDefinition>;
}

export interface AliasDefinition {
  filter?: unknown;
  index_routing?: string;
  search_routing?: string;
  is_hidden?: boolean;
  is_write_index?: boolean;
}

interface IndexGetResponse {
  [index: string]: {
    aliases: Record<string, AliasDefinition>;
    mappings: Record<string, unknown>;
    settings: {
      index: {
        uuid: string;
        number_of_shards: string;
        number_of_replicas: string;
        hidden?: string | boolean;
        blocks?: { write?: string | boolean };
      };
    };
  };
}

/** The reindex task's counters (the task API's BulkByScrollTask status). */
export interface ReindexStatus {
  total: number;
  created: number;
  updated: number;
  version_conflicts: number;
  batches: number;
}

export interface ReindexFailure {
  index?: string;
  id?: string;
  status?: number;
  cause?: { type?: string; reason?: string };
  reason?: { type?: string; reason?: string };
}

export type TaskOutcome =
  | { state: 'running'; status?: ReindexStatus }
  | { state: 'lost' }
  | {
      state: 'completed';
      status?: ReindexStatus;
      response?: ReindexStatus & {
        took: number;
        failures: ReindexFailure[];
        canceled?: string;
      };
      error?: { type?: string; reason?: string };
    };

interface TaskResponse {
  completed: boolean;
  task: { status?: ReindexStatus; description?: string };
  response?: ReindexStatus & { took: number; failures: ReindexFailure[]; canceled?: string };
  error?: { type?: string; reason?: string };
}

interface TaskListResponse {
  nodes?: Record<
    string,
    {
      tasks: Record<string, { description?: string; parent_task_id?: string; action: string }>;
    }
  >;
}

function outcomeOf(body: TaskResponse): TaskOutcome {
  if (!body.completed) return { state: 'running', status: body.task.status };
  return {
    state: 'completed',
    status: body.task.status,
    response: body.response,
    error: body.error,
  };
}

export class RepairCluster {
  constructor(private readonly client: OpenSearchClient) {}

  /**
   * GET /<name> answers with the concrete indices a name stands for, keyed by their own names: the name
   * itself for an index, others for an alias. (`_resolve/index` would say it directly, but Elasticsearch
   * domains before 7.9 lack it.)
   */
  async resolve(name: string): Promise<NameResolution> {
    const { body, statusCode } = await this.client.transport.request<IndexGetResponse>(
      {
        method: 'GET',
        path: `/${enc(name)}`,
        querystring: {
          expand_wildcards: 'all',
          filter_path: '*.settings.index.uuid,*.settings.index.hidden',
        },
      },
      { ignore: [404] }
    );
    if (statusCode === 404) return { kind: 'missing' };
    const names = Object.keys(body ?? {});
    if (names.includes(name)) {
      return { kind: 'index', hidden: String(body[name]?.settings?.index?.hidden) === 'true' };
    }
    return names.length > 0 ? { kind: 'alias', indices: names.sort() } : { kind: 'missing' };
  }

  /** Settings, mappings and aliases of a concrete index; undefined when it does not exist. */
  async facts(index: string): Promise<IndexFacts | undefined> {
    const { body, statusCode } = await this.client.transport.request<IndexGetResponse>(
      { method: 'GET', path: `/${enc(index)}`, querystring: { expand_wildcards: 'all' } },
      { ignore: [404] }
    );
    const entry = statusCode === 404 ? undefined : body[index];
    if (!entry) return undefined;
    const settings = entry.settings.index;
    return {
      uuid: settings.uuid,
      writeBlock: String(settings.blocks?.write) === 'true',
      shards: Number(settings.number_of_shards),
      replicas: Number(settings.number_of_replicas),
      mappings: entry.mappings,
      aliases: entry.aliases ?? {},
    };
  }

  /** Mappings of the open concrete indices a pattern matches (aliases resolve to their indices). */
  async mappings(pattern: string): Promise<Record<string, Record<string, unknown>>> {
    const { body } = await this.client.transport.request<
      Record<string, { mappings: Record<string, unknown> }>
    >({
      method: 'GET',
      path: `/${enc(pattern)}/_mapping`,
      querystring: { expand_wildcards: 'open', allow_no_indices: true },
    });
    return Object.fromEntries(Object.entries(body).map(([index, v]) => [index, v.mappings]));
  }

  /** Bytes the index's primaries take on disk. */
  async primaryStoreBytes(index: string): Promise<number> {
    const { body } = await this.client.transport.request<{
      _all?: { primaries?: { store?: { size_in_bytes?: number } } };
    }>({ method: 'GET', path: `/${enc(index)}/_stats/store` });
    return body._all?.primaries?.store?.size_in_bytes ?? 0;
  }

  /**
   * Free disk on the data nodes, or undefined when the current user may not read node stats (the check is
   * then skipped rather than blocking the repair).
   */
  async freeDiskBytes(): Promise<number | undefined> {
    const { body, statusCode } = await this.client.transport.request<{
      nodes?: Record<
        string,
        { roles?: string[]; fs?: { total?: { available_in_bytes?: number } } }
      >;
    }>({ method: 'GET', path: '/_nodes/stats/fs' }, { ignore: [401, 403] });
    if (statusCode === 401 || statusCode === 403 || !body.nodes) return undefined;
    let free = 0;
    for (const node of Object.values(body.nodes)) {
      if (node.roles && !node.roles.includes('data')) continue;
      free += node.fs?.total?.available_in_bytes ?? 0;
    }
    return free;
  }

  async setWriteBlock(index: string, blocked: boolean): Promise<void> {
    await this.client.transport.request({
      method: 'PUT',
      path: `/${enc(index)}/_settings`,
      // null removes the setting rather than writing false: the index looks as it did before the repair.
      body: { index: { blocks: { write: blocked ? true : null } } },
    });
  }

  async putSettings(index: string, settings: Record<string, unknown>): Promise<void> {
    await this.client.transport.request({
      method: 'PUT',
      path: `/${enc(index)}/_settings`,
      body: { index: settings },
    });
  }

  async refresh(index: string): Promise<void> {
    await this.client.transport.request({
      method: 'POST',
      path: `/${enc(index)}/_refresh`,
      querystring: { expand_wildcards: 'all' },
    });
  }

  async count(index: string): Promise<number> {
    const { body } = await this.client.transport.request<{ count: number }>({
      method: 'GET',
      path: `/${enc(index)}/_count`,
      querystring: { expand_wildcards: 'all' },
    });
    return body.count;
  }

  /** Creates an index; false when it exists already (the caller then checks whose it is). */
  async createIndex(index: string, body: Record<string, unknown>): Promise<boolean> {
    const answer = await this.client.transport.request(
      { method: 'PUT', path: `/${enc(index)}`, body },
      { ignore: [400] }
    );
    if (answer.statusCode !== 400) return true;
    if (errorTypeOf(answer.body) === 'resource_already_exists_exception') return false;
    throw unexpected(answer.statusCode, answer.body, `creating ${index}`);
  }

  async deleteIndex(index: string): Promise<void> {
    await this.client.transport.request(
      { method: 'DELETE', path: `/${enc(index)}`, querystring: { expand_wildcards: 'all' } },
      { ignore: [404] }
    );
  }

  /**
   * Starts copying source into target as a background task. `op_type: create` with `conflicts: proceed`
   * makes a second run (after a crash, or two runners at once) skip the documents already copied: ids are
   * kept, so nothing is duplicated and nothing overwritten.
   */
  async startReindex(source: string, target: string): Promise<string> {
    const { body } = await this.client.transport.request<{ task: string }>({
      method: 'POST',
      path: '/_reindex',
      querystring: { wait_for_completion: false, slices: 'auto', refresh: false },
      body: {
        source: { index: source, size: 1000 },
        dest: { index: target, op_type: 'create' },
        conflicts: 'proceed',
      },
    });
    return body.task;
  }

  /** A reindex from source to target still running (started by a runner that died before saving its id). */
  async findRunningReindex(source: string, target: string): Promise<string | undefined> {
    const { body } = await this.client.transport.request<TaskListResponse>({
      method: 'GET',
      path: '/_tasks',
      querystring: { actions: 'indices:data/write/reindex', detailed: true },
    });
    const wanted = `reindex from [${source}] to [${target}]`;
    for (const node of Object.values(body.nodes ?? {})) {
      for (const [id, task] of Object.entries(node.tasks)) {
        if (!task.parent_task_id && task.description?.startsWith(wanted)) return id;
      }
    }
    return undefined;
  }

  /**
   * Waits up to `waitMs` for the task. A task that is neither running nor stored in `.tasks` was lost with
   * its node (OpenSearch restarted before it finished).
   */
  async waitForTask(taskId: string, waitMs: number): Promise<TaskOutcome> {
    const answer = await this.client.transport.request<TaskResponse>(
      {
        method: 'GET',
        path: `/_tasks/${enc(taskId)}`,
        querystring: { wait_for_completion: true, timeout: `${Math.max(1, waitMs)}ms` },
      },
      { requestTimeout: waitMs + 30_000, ignore: [404, 500] }
    );
    if (answer.statusCode === 404) return { state: 'lost' };
    // The task API answers a wait that timed out with 500 timeout_exception: still running.
    if (answer.statusCode === 500) {
      if (errorTypeOf(answer.body) === 'timeout_exception') return this.peekTask(taskId);
      throw unexpected(answer.statusCode, answer.body, `waiting for task ${taskId}`);
    }
    return outcomeOf(answer.body);
  }

  async peekTask(taskId: string): Promise<TaskOutcome> {
    const { body, statusCode } = await this.client.transport.request<TaskResponse>(
      { method: 'GET', path: `/_tasks/${enc(taskId)}` },
      { ignore: [404] }
    );
    if (statusCode === 404) return { state: 'lost' };
    return outcomeOf(body);
  }

  /**
   * Retires the source in one cluster-state update: the source's name (and its own aliases) move to the copy
   * and the source is deleted. The name never stops resolving, and no moment has both indices under it.
   */
  async swap(
    source: string,
    target: string,
    sourceAliases: Record<string, AliasDefinition>,
    removeSource: boolean
  ): Promise<void> {
    const carried = Object.entries(sourceAliases).map(([alias, def]) => ({
      add: { index: target, alias, ...def },
    }));
    const actions: unknown[] = [{ add: { index: target, alias: source } }, ...carried];
    if (removeSource) actions.push({ remove_index: { index: source } });
    await this.client.transport.request({ method: 'POST', path: '/_aliases', body: { actions } });
  }

  async search<T>(index: string, body: Record<string, unknown>): Promise<T> {
    const { body: result } = await this.client.transport.request<T>({
      method: 'POST',
      path: `/${enc(index)}/_search`,
      querystring: { expand_wildcards: 'all' },
      body,
    });
    return result;
  }

  async mget<T>(
    index: string,
    ids: string[]
  ): Promise<Array<{ _id: string; found: boolean; _source?: T }>> {
    const { body } = await this.client.transport.request<{
      docs: Array<{ _id: string; found: boolean; _source?: T }>;
    }>({
      method: 'POST',
      path: `/${enc(index)}/_mget`,
      body: { ids },
    });
    return body.docs;
  }
}
