// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Lint (npm run lint, part of npm test): typescript-eslint's strictTypeChecked
 * over everything we write, plus the house boundaries:
 * - a lib/background feature folder (core, vault, accounts, cloud, recovery,
 *   scan, transfer) is entered only through its index.ts;
 * - tools/ never imports tests/ (tests may use tools, not the other way round).
 * Every rule turned off or loosened below says why.
 */

const FEATURES = '(core|vault|accounts|cloud|recovery|scan|transfer)';
const deepImport = (prefix) => ({
  regex: `^${prefix}${FEATURES}/`,
  message: 'Enter a lib/background feature folder through its index.ts (import the folder, not a file in it).',
});

export default tseslint.config(
  {
    ignores: ['.output/**', 'dist/**', '.tools/**', '.wxt/**', 'node_modules/**', '.profiles/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  // examples/ are outside projects (their own package.json and tsconfig, importing the kit by
  // its package name): typechecked where they are installed, by tests/e2e/example-login-app.e2e.ts.
  { ignores: ['examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans read naturally in messages ("Use at least 8 characters").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => void promise` is how React handlers and listeners fire and forget on purpose.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // Listeners and React props take async functions whose promise nobody awaits by design
      // (browser event listeners, onClick); returned promises are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // A leading underscore marks a parameter, binding or caught error kept on purpose (a callback's signature, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Found when lint was added (11:10, 568 problems in 150 of 447 files) and not fixed
  // in this change: each rule below is off where it fired, to be fixed and turned on.
  {
    files: ['lib/**', 'entrypoints/**', 'components/**', 'tools/**', 'bench/**', 'ms-cloud-emulator/**', '*.ts'],
    rules: {
      // webextension-polyfill's browser.* methods are declared as methods but are bound functions (40 places when lint was added).
      '@typescript-eslint/unbound-method': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (22 places when lint was added).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // not yet fixed: deprecated APIs still in use (to review one by one) (22 places when lint was added).
      '@typescript-eslint/no-deprecated': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (17 places when lint was added).
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (14 places when lint was added).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (5 places when lint was added).
      '@typescript-eslint/require-await': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (5 places when lint was added).
      '@typescript-eslint/no-dynamic-delete': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (3 places when lint was added).
      '@typescript-eslint/no-misused-spread': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (3 places when lint was added).
      'no-control-regex': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (3 places when lint was added).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (2 places when lint was added).
      '@typescript-eslint/restrict-plus-operands': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (2 places when lint was added).
      'no-useless-assignment': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (2 places when lint was added).
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (1 place when lint was added).
      '@typescript-eslint/no-unsafe-return': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (1 place when lint was added).
      '@typescript-eslint/no-base-to-string': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (1 place when lint was added).
      '@typescript-eslint/return-await': 'off',
      // not yet fixed: debt found when lint was added, to fix and turn back on (1 place when lint was added).
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // tests index fixtures they just built; a wrong index fails the test at once (183 places when lint was added).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // fakes implement async port interfaces without awaiting anything (49 places when lint was added).
      '@typescript-eslint/require-await': 'off',
      // fixtures are read with JSON.parse (any) and checked by the assertions (35 places when lint was added).
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // tests assert states the types say can't happen (hostile input, old data) (25 places when lint was added).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // fakes stand in for browser classes (15 places when lint was added).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // not yet fixed in tests: debt, to turn back on (12 places when lint was added).
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // expect(fake.method) and spies pass methods by reference on purpose (10 places when lint was added).
      '@typescript-eslint/unbound-method': 'off',
      // Puppeteer's waitForFunction/evaluate take code to run in the page (9 places when lint was added).
      '@typescript-eslint/no-implied-eval': 'off',
      // not yet fixed in tests: debt, to turn back on (6 places when lint was added).
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // not yet fixed in tests: debt, to turn back on (4 places when lint was added).
      '@typescript-eslint/restrict-plus-operands': 'off',
      // not yet fixed in tests: debt, to turn back on (4 places when lint was added).
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      // not yet fixed in tests: debt, to turn back on (3 places when lint was added).
      '@typescript-eslint/no-unnecessary-template-expression': 'off',
      // fixtures are read with JSON.parse (any) and checked by the assertions (2 places when lint was added).
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // not yet fixed in tests: debt, to turn back on (2 places when lint was added).
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // not yet fixed in tests: debt, to turn back on (2 places when lint was added).
      '@typescript-eslint/no-misused-spread': 'off',
      // not yet fixed in tests: debt, to turn back on (2 places when lint was added).
      '@typescript-eslint/no-unused-expressions': 'off',
      // not yet fixed in tests: debt, to turn back on (1 place when lint was added).
      '@typescript-eslint/no-base-to-string': 'off',
      // not yet fixed in tests: debt, to turn back on (1 place when lint was added).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // not yet fixed in tests: debt, to turn back on (1 place when lint was added).
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      // not yet fixed in tests: debt, to turn back on (1 place when lint was added).
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  // A feature folder's files reach other features only through their index.
  {
    files: ['lib/background/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport('\\.\\./')] }] },
  },
  {
    files: ['lib/background/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport('\\./')] }] },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts'],
    ignores: ['lib/background/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport('(\\.\\./)+(lib/)?background/')] }] },
  },
  {
    // The shipped react-dom refuses it (tools/build/library-patches.ts): no page sets raw HTML.
    files: ['entrypoints/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in extension pages: render elements (the shipped react-dom refuses dangerouslySetInnerHTML).' }],
    },
  },
  {
    files: ['tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImport('(\\.\\./)+(lib/)?background/'),
            { regex: '(^|/)tests/', message: 'tools/ must not import tests/: move what both need into tools/ (or lib/).' },
          ],
        },
      ],
    },
  },
);
