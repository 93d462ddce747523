// One jest configuration: every project shares `base` and differs only in what it matches
// (and, for the unit project, the Taro stand-in it maps in).
/** @type {import('jest').Config} */
const base = {
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@supabase)/)'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/miniapp/src/$1',
    '^@contract/(.*)$': '<rootDir>/server/contract/$1',
  },
  testEnvironment: 'node',
};

/**
 * A jest project: `base` with its name, its test match and an optional setup that is merged
 * over the base (moduleNameMapper entries are added to the base's, not put in its place).
 * @param {string} name
 * @param {string | string[]} match
 * @param {import('jest').Config} [setup]
 */
function project(name, match, setup = {}) {
  return {
    ...base,
    ...setup,
    moduleNameMapper: { ...base.moduleNameMapper, ...setup.moduleNameMapper },
    displayName: name,
    testMatch: Array.isArray(match) ? match : [match],
  };
}

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    project('unit', '<rootDir>/{server,miniapp,supabase,api}/**/*.test.{ts,tsx}', {
      moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts' },
    }),
    project('db', '<rootDir>/test/db/**/*.test.ts'),
    project('api', '<rootDir>/test/api/**/*.test.ts'),
    project('weapp', '<rootDir>/test/weapp/**/*.test.ts'),
    project('e2e', '<rootDir>/test/e2e/**/*.test.ts'),
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
