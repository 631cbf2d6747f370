// @ts-check
import eslint from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const fpTsImports = {
  regex: '^(fp-ts|io-ts)/(?!lib/[A-Za-z]+\\.js$)',
  message: "Import fp-ts/io-ts modules as 'fp-ts/lib/Either.js' (Node ESM cannot resolve 'fp-ts/Either').",
}
// D-BD-1: the package's own code reaches fp-ts through its `#fp-ts/*` import map, so that bundlers
// take fp-ts's ES modules (tree-shaken) and Node its CommonJS build; a direct `fp-ts/lib/…` import
// in src puts all of fp-ts's CommonJS Either (≈5 KB gzip) into every browser bundle
const fpTsInSrc = {
  regex: '^(fp-ts|io-ts)/',
  message: "In src, import fp-ts as '#fp-ts/Either.js' (the package's import map, D-BD-1) and io-ts as 'io-ts'.",
}
const xmlParserPaths = [
  { name: 'saxes', message: 'the XML parser is confined to src/xml/ (the wire adapter).' },
  { name: 'fast-xml-parser', message: 'fast-xml-parser is only the yardstick of bench/run.mjs.' },
]

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'examples/*/dist/**',
      'service/dist/**',
      'service/data/**',
      'docs/api/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp*/**',
      'node_modules/**',
      'playground/dist/**',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    rules: {
      'no-restricted-imports': ['error', { patterns: [fpTsImports] }],
      // `interface X extends t.TypeOf<typeof XC> {}` names a codec's type (the io-ts idiom)
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // spec §5: the XML parser is the wire adapter's business only
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: ['src/**', 'playground/src/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fpTsImports], paths: xmlParserPaths }] },
  },
  {
    // the playground's page is a browser bundle too
    files: ['src/**/*.ts', 'playground/src/**/*.ts'],
    ignores: ['src/xml/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fpTsInSrc], paths: xmlParserPaths }] },
  },
  {
    files: ['src/xml/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [fpTsInSrc] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
)
