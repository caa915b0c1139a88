/**
 * Jest for every tier of `npm test` (scripts/run_tests.ts runs one project per tier and reads its JSON
 * results). TypeScript goes through swc: ts-jest type-checks every file and is too slow on two cores; the
 * static tier's `tsc --noEmit` does the type checking once.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'classic' } },
    },
    module: { type: 'commonjs' },
  },
];

/** Settings every tier shares. */
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // OUI 1.19 imports OSD's in-tree @opensearch/datemath, which is not on npm; @elastic/datemath, its upstream,
  // has the same API (test/conformance/support/osd_page.ts does the same for the bundle).
  moduleNameMapper: {
    '^@opensearch/datemath$': '@elastic/datemath',
    // Deep equality that sees past jest's VM realms (the module says why).
    '^node:assert/strict$': '<rootDir>/test/support/realm_safe_assert.ts',
  },
  setupFiles: ['<rootDir>/test/support/jest_setup.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/build/', '/target/'],
  modulePathIgnorePatterns: ['<rootDir>/build/', '<rootDir>/target/'],
};

/** Unit tests live next to the code they test. */
const UNIT_DIRS = ['common', 'server', 'public', 'cli', 'dev', 'scripts', 'bench'];

/**
 * Dashboards 3.x's shared dependencies (React 18.2, OUI 1.22) in place of 2.19's (React 16.14, OUI 1.19):
 * installed as aliased devDependencies, mapped for every module the test loads, so the bundle, OUI and
 * react-dom all see one React 18.
 */
const OSD3_SHARED_DEPS = {
  '^react$': 'react18',
  '^react/(.*)$': 'react18/$1',
  '^react-dom$': 'react-dom18',
  '^react-dom/(.*)$': 'react-dom18/$1',
  '^@elastic/eui$': 'oui122',
  '^@elastic/eui/(.*)$': 'oui122/$1',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: UNIT_DIRS.map((dir) => `<rootDir>/${dir}/**/*.test.{ts,tsx}`),
    },
    ...['integration', 'conformance', 'browser', 'engines'].map((tier) => ({
      ...common,
      displayName: tier,
      testMatch: [`<rootDir>/test/${tier}/**/*.test.{ts,tsx}`],
    })),
    // The conformance suite again on a Dashboards 3.x page, against the 3.x zip (the conformance tier runs both).
    {
      ...common,
      displayName: 'conformance-osd3',
      testMatch: ['<rootDir>/test/conformance/**/*.test.{ts,tsx}'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/conformance/support/osd3_setup.ts'],
      moduleNameMapper: { ...common.moduleNameMapper, ...OSD3_SHARED_DEPS },
    },
  ],
};
