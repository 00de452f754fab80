import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// `npm run lint` runs ESLint with the repository's config (eslint.config.js) for one job: rejecting
// regular expressions that take super-linear time on some input. These are the shapes that froze
// the server (issue 8) and shapes that must stay allowed.
const eslint = new ESLint();
const problems = async (code: string) =>
  (await eslint.lintText(code, { filePath: 'packages/playbook/src/example.ts' }))[0]?.messages.map((m) => m.ruleId) ?? [];

describe('the regex lint rule', () => {
  it('rejects a search that rescans a run from every start, and nested quantifiers that backtrack', async () => {
    expect(await problems("export const trimmed = (s: string) => s.replace(/\\s+$/, '');")).toContain('regexp/no-super-linear-move');
    expect(await problems("export const cells = (s: string) => s.replace(/[ \\t]*\\|[ \\t]*/g, ' ');")).toContain(
      'regexp/no-super-linear-move',
    );
    expect(await problems('export const words = /^(\\w+\\s?)*$/;')).toContain('regexp/no-super-linear-backtracking');
  });

  it('accepts anchored, bounded patterns like the ones the records use', async () => {
    expect(await problems('export const id = /^[A-Za-z0-9_-]{1,64}$/;')).toEqual([]);
    expect(await problems('export const period = /^\\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/;')).toEqual([]);
  });
});
