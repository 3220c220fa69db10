// ESLint for `npm run lint` (office-addin-lint uses this file when it exists): the Office add-in rules
// (sync before read, no sync in loops …) and prettier, with the checks TypeScript already makes switched off.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import reactHooks from "eslint-plugin-react-hooks";

// The same @typescript-eslint plugin object the Office config registers (ESLint refuses a second copy under the name).
const tsPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins["@typescript-eslint"];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "demo-output/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { "@typescript-eslint": tsPlugin, "react-hooks": reactHooks },
    rules: {
      // The core rule reads parameter names in function types as unused variables; the TypeScript one does not.
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // TypeScript resolves names (Office, Excel, globalThis …); ESLint's no-undef only knows browser/ES globals.
      "no-undef": "off",
      // Full-width spaces and ideographic punctuation are deliberate in Chinese strings and patterns.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Excel host loads in one batch and reads after a sync made by its caller, which these per-function rules
    // cannot follow. The fake object model in test/hosts/excel enforces the same rule at run time instead: reading a
    // property that was not loaded and synced throws PropertyNotLoaded there, as in Excel.
    files: ["src/hosts/excel/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
