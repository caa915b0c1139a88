/**
 * The plugin's own saved-object type: what the setup page remembers (the AWS region and Pinpoint application
 * ids of the wiring check). Per tenant/space (`single`), not hidden so the request's saved-objects client
 * reaches it, and not exported: it is a preference, not content to move between clusters.
 */
import { SETTINGS_SAVED_OBJECT_TYPE } from '../../common/wiring_types';
import type { SavedObjectsType } from '../osd_port';

const keyword = { type: 'keyword' };

export const pinpointSettingsType: SavedObjectsType = {
  name: SETTINGS_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'single',
  mappings: {
    dynamic: false,
    properties: {
      region: keyword,
      appIds: keyword,
      firehoseStream: keyword,
      domain: keyword,
      roleArn: keyword,
    },
  },
  management: { importableAndExportable: false, icon: 'gear', getTitle: () => 'Pinpoint settings' },
};
