// ESLint runs one job here: rejecting regular expressions that can take super-linear time on
// user text (ReDoS). Biome does formatting and every other lint rule (see biome.json).
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'bench/results/**', 'data/**', 'drizzle/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tsParser },
    plugins: { regexp },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Nested or adjacent quantifiers that backtrack exponentially or polynomially.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // Unanchored searches that rescan a long run from every start, e.g. /\s+$/ (quadratic).
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false, ignoreSticky: false }],
    },
  },
];
