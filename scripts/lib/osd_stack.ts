/**
 * Which UI stack a Dashboards release shares with plugins (window.__osdSharedDeps__): 2.x and 3.0-3.4 React
 * 16.14 with OUI 1.19; OUI 1.22 from 3.5; React 18.2 from 3.6 (PR #11187). The 3.x packages are installed as
 * aliased devDependencies (react18, react-dom18, oui122); `aliases` maps the module names the page's shared
 * deps are built from to them (the dev host's esbuild alias; jest.config.js maps the same for conformance-osd3).
 */
export interface OsdUiStack {
  react: '16.14' | '18.2';
  oui: '1.19' | '1.22';
  /** Module name -> installed alias package, for the shared-deps build. Empty for the default stack. */
  aliases: Record<string, string>;
}

export function osdUiStack(osdVersion: string): OsdUiStack {
  const [major, minor] = osdVersion.split('.').map(Number);
  const from = (m: number, n: number) => major > m || (major === m && minor >= n);
  const react18 = from(3, 6);
  const oui122 = from(3, 5);
  return {
    react: react18 ? '18.2' : '16.14',
    oui: oui122 ? '1.22' : '1.19',
    aliases: {
      ...(react18 ? { react: 'react18', 'react-dom': 'react-dom18' } : {}),
      ...(oui122 ? { '@elastic/eui': 'oui122' } : {}),
    },
  };
}
