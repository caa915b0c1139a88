/**
 * The saved-objects index, created the way OSD's migrator leaves a fresh cluster: a `<index>_1` index behind
 * the alias `<index>`, strict root mapping with core's fields plus one property per type. On an existing
 * index (a real Dashboards may have made it) only the mappings of our types are added. No migrations run:
 * documents are stored as they come.
 */
import type { Logger, OpenSearchClient } from '../../../server/osd_port';
import type { SavedObjectTypeRegistry } from './type_registry';

const CORE_PROPERTIES = {
  migrationVersion: { dynamic: 'true', type: 'object' },
  type: { type: 'keyword' },
  namespace: { type: 'keyword' },
  namespaces: { type: 'keyword' },
  originId: { type: 'keyword' },
  updated_at: { type: 'date' },
  references: {
    type: 'nested',
    properties: { name: { type: 'keyword' }, type: { type: 'keyword' }, id: { type: 'keyword' } },
  },
};

export function buildTypeProperties(registry: SavedObjectTypeRegistry): Record<string, unknown> {
  return Object.fromEntries(registry.getAllTypes().map((type) => [type.name, type.mappings]));
}

export function buildMappings(registry: SavedObjectTypeRegistry) {
  return {
    dynamic: 'strict',
    properties: { ...CORE_PROPERTIES, ...buildTypeProperties(registry) },
  };
}

function errorType(error: unknown): string | undefined {
  return (error as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
}

export async function ensureSavedObjectsIndex(
  client: OpenSearchClient,
  index: string,
  registry: SavedObjectTypeRegistry,
  logger: Logger
): Promise<void> {
  const head = await client.transport.request(
    { method: 'HEAD', path: `/${encodeURIComponent(index)}` },
    { ignore: [404] }
  );
  if (head.statusCode === 404) {
    try {
      await client.transport.request({
        method: 'PUT',
        path: `/${encodeURIComponent(`${index}_1`)}`,
        body: {
          settings: { number_of_shards: 1, auto_expand_replicas: '0-1' },
          aliases: { [index]: {} },
          mappings: buildMappings(registry),
        },
      });
      logger.info(`created saved objects index ${index}_1 (alias ${index})`);
    } catch (error) {
      // Another host starting at the same time created it first: that is the index we want.
      if (errorType(error) !== 'resource_already_exists_exception') throw error;
    }
    return;
  }
  try {
    await client.transport.request({
      method: 'PUT',
      path: `/${encodeURIComponent(index)}/_mapping`,
      body: { properties: buildTypeProperties(registry) },
    });
  } catch (error) {
    logger.warn(
      `could not add saved-object type mappings to ${index} (${errorType(error) ?? (error as Error).message}); objects whose fields conflict will be refused`
    );
  }
}
