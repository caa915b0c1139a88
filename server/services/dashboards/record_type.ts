/**
 * The plugin's own saved-object type for the install record: per tenant (`single`), not hidden so the
 * request's client reaches it, and not importable: it describes this Dashboards' copies, not content to move.
 * Only the two scalar fields are mapped; the per-object hashes ride in _source.
 */
import { INSTALL_RECORD_TYPE } from '../../../common/saved_objects/install_types';
import type { SavedObjectsType } from '../../osd_port';

export const dashboardsInstallRecordType: SavedObjectsType = {
  name: INSTALL_RECORD_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: { pluginVersion: { type: 'keyword' }, updatedAt: { type: 'date' } },
  },
  management: {
    importableAndExportable: false,
    icon: 'dashboardApp',
    getTitle: () => 'Pinpoint dashboards install record',
  },
};
