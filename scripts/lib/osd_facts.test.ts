import { describe, expect, it } from '@jest/globals';
import { OSD_2_19_SHARED_DEP_KEYS, OSD_SHARED_DEP_MODULES, OSD_SHARED_DEPS } from './osd_facts';

describe('OSD shared-dependency facts', () => {
  it('externalises every module of the page to the key the page defines it under', () => {
    // The build (webpack externals) and the host (the page's shared-deps bundle) read two tables: they must
    // agree, or a plugin reads a global the page never set.
    for (const [key, module] of OSD_SHARED_DEP_MODULES) {
      expect([module, OSD_SHARED_DEPS[module]]).toEqual([module, `__osdSharedDeps__.${key}`]);
    }
  });

  it('names each page key once', () => {
    expect(new Set(OSD_2_19_SHARED_DEP_KEYS).size).toBe(OSD_2_19_SHARED_DEP_KEYS.length);
    expect(OSD_2_19_SHARED_DEP_KEYS).toContain('Theme');
    expect(OSD_2_19_SHARED_DEP_KEYS).not.toContain('ReactDomClient');
  });
});
