/**
 * Two projects: the unit tests (Node and jsdom), and the browser tests of test/browser/ (the playground in
 * Debian's Chromium through playwright-core; their globalSetup builds dist/playground/ when it is missing or
 * older than its sources). `npx jest test/core` and the like still pick tests from either project by path.
 */
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: "unit", roots: ["<rootDir>/test"], testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"] },
    { ...shared, displayName: "browser", roots: ["<rootDir>/test/browser"], globalSetup: "<rootDir>/test/browser/support/global-setup.ts" },
  ],
};
