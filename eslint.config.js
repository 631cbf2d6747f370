// @ts-check
import eslint from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const fpTsImports = {
  regex: '^(fp-ts|io-ts)/(?!lib/[A-Za-z]+\\.js$)',
  message: "Import fp-ts/io-ts modules as 'fp-ts/lib/Either.js' (Node ESM cannot resolve 'fp-ts/Either').",
}

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
    ignores: ['src/xml/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [fpTsImports],
          paths: [
            { name: 'saxes', message: 'the XML parser is confined to src/xml/ (the wire adapter).' },
            { name: 'fast-xml-parser', message: 'fast-xml-parser is only the yardstick of bench/run.mjs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
)
