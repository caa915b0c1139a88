/** Built once at load: index.ts exports it to OSD and the plugin reads config only when it exists. */
import { buildConfigDescriptor } from './config';

export const CONFIG_DESCRIPTOR = buildConfigDescriptor();
