import { Dependency, type Compiler, type NormalModule } from 'webpack';

const NAME = 'OsdBundleExportsPlugin';

/**
 * OSD reads the plugin's exports at runtime through __osdBundles__.get(key) = __webpack_require__(moduleKey),
 * which webpack cannot see: to it, the entry's require.resolve(public/index) uses no export at all, and tree
 * shaking would empty the module. This marks every export of that one module as used.
 */
export class OsdBundleExportsPlugin {
  constructor(private readonly publicIndexFile: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      compilation.hooks.dependencyReferencedExports.tap(NAME, (referenced, dependency) => {
        if (dependency.type !== 'require.resolve') return referenced;
        const module = compilation.moduleGraph.getModule(dependency) as NormalModule | null;
        return module?.resource === this.publicIndexFile
          ? Dependency.EXPORTS_OBJECT_REFERENCED
          : referenced;
      });
    });
  }
}
