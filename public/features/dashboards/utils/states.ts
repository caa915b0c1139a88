/** Words and colours for object states and install actions, one place for the section and its tests. */
import type { InstallAction, ObjectState } from '../../../../common/saved_objects/install_types';

export const STATE_BADGE: Record<ObjectState, { color: string; text: string }> = {
  current: { color: 'success', text: 'Installed' },
  outdated: { color: 'primary', text: 'Update available' },
  missing: { color: 'hollow', text: 'Not installed' },
  edited: { color: 'warning', text: 'Edited' },
};

export const ACTION_WORDS: Record<InstallAction, string> = {
  created: 'installed',
  updated: 'updated',
  replaced: 'replaced',
  unchanged: 'already current',
  kept: 'kept (edited)',
};

export const TYPE_WORDS: Record<string, string> = {
  'index-pattern': 'Index pattern',
  visualization: 'Visualization',
  dashboard: 'Dashboard',
};
