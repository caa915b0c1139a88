/**
 * The saved-object types the host knows: the core ones a Dashboards 2.19 install has (with their real
 * mappings, because the `.kibana` root mapping is strict: an attribute a real install would refuse is
 * refused here too) plus whatever a plugin registers with core.savedObjects.registerType.
 */
import type { SavedObjectsType } from '../../../server/osd_port';

export interface HostSavedObjectsType extends SavedObjectsType {
  /** What OSD's migrator stamps on a document of this type once its migrations have run. */
  latestMigrationVersion?: string;
}

const searchSourceMeta = {
  properties: { searchSourceJSON: { type: 'text', index: false } },
};
const notIndexed = (type: string) => ({ type, index: false, doc_values: false });

/** From OSD 2.19's plugins (data, visualizations, dashboard, discover) and core's ui_settings. */
export const CORE_TYPES: readonly HostSavedObjectsType[] = [
  {
    name: 'config',
    hidden: false,
    namespaceType: 'single',
    mappings: { dynamic: false, properties: { buildNum: { type: 'keyword' } } },
    management: { importableAndExportable: true },
    latestMigrationVersion: '7.9.0',
  },
  {
    name: 'index-pattern',
    hidden: false,
    namespaceType: 'single',
    mappings: {
      dynamic: false,
      properties: {
        title: { type: 'text' },
        type: { type: 'keyword' },
        dataSource: { type: 'keyword' },
      },
    },
    management: {
      importableAndExportable: true,
      icon: 'indexPatternApp',
      defaultSearchField: 'title',
    },
    latestMigrationVersion: '7.6.0',
  },
  {
    name: 'visualization',
    hidden: false,
    namespaceType: 'single',
    mappings: {
      properties: {
        description: { type: 'text' },
        kibanaSavedObjectMeta: searchSourceMeta,
        savedSearchRefName: notIndexed('keyword'),
        title: { type: 'text' },
        uiStateJSON: { type: 'text', index: false },
        version: { type: 'integer' },
        visState: { type: 'text', index: false },
      },
    },
    management: {
      importableAndExportable: true,
      icon: 'visualizeApp',
      defaultSearchField: 'title',
    },
    latestMigrationVersion: '7.10.0',
  },
  {
    name: 'dashboard',
    hidden: false,
    namespaceType: 'single',
    mappings: {
      properties: {
        description: { type: 'text' },
        hits: notIndexed('integer'),
        kibanaSavedObjectMeta: searchSourceMeta,
        optionsJSON: { type: 'text', index: false },
        panelsJSON: { type: 'text', index: false },
        refreshInterval: {
          properties: {
            display: notIndexed('keyword'),
            pause: notIndexed('boolean'),
            section: notIndexed('integer'),
            value: notIndexed('integer'),
          },
        },
        timeFrom: notIndexed('keyword'),
        timeRestore: notIndexed('boolean'),
        timeTo: notIndexed('keyword'),
        title: { type: 'text' },
        version: { type: 'integer' },
      },
    },
    management: {
      importableAndExportable: true,
      icon: 'dashboardApp',
      defaultSearchField: 'title',
    },
    latestMigrationVersion: '7.9.3',
  },
  {
    name: 'search',
    hidden: false,
    namespaceType: 'single',
    mappings: {
      properties: {
        columns: notIndexed('keyword'),
        description: { type: 'text' },
        hits: notIndexed('integer'),
        kibanaSavedObjectMeta: searchSourceMeta,
        sort: notIndexed('keyword'),
        columnWidths: { type: 'object', enabled: false },
        title: { type: 'text' },
        version: { type: 'integer' },
      },
    },
    management: { importableAndExportable: true, icon: 'discoverApp', defaultSearchField: 'title' },
    latestMigrationVersion: '7.9.3',
  },
];

function newestVersion(migrations: Record<string, unknown> | undefined): string | undefined {
  const versions = Object.keys(migrations ?? {});
  const key = (v: string) => v.split('.').map((n) => Number(n));
  versions.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    }
    return 0;
  });
  return versions[versions.length - 1];
}

export class SavedObjectTypeRegistry {
  private readonly types = new Map<string, HostSavedObjectsType>();

  constructor(initial: readonly HostSavedObjectsType[] = CORE_TYPES) {
    for (const type of initial) this.types.set(type.name, type);
  }

  registerType(type: SavedObjectsType): void {
    if (this.types.has(type.name)) throw new Error(`Type '${type.name}' is already registered`);
    this.types.set(type.name, { ...type, latestMigrationVersion: newestVersion(type.migrations) });
  }

  getType(name: string): HostSavedObjectsType | undefined {
    return this.types.get(name);
  }

  getAllTypes(): HostSavedObjectsType[] {
    return [...this.types.values()];
  }

  isImportableAndExportable(name: string): boolean {
    const type = this.types.get(name);
    return !!type && !type.hidden && type.management?.importableAndExportable === true;
  }
}
