import type { Change } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { changeHeadline, groupChanges, textSides } from './changeDisplay';

const change = (section: Change['section'], text: string, extra: Partial<Change> = {}): Change => ({
  section,
  kind: 'changed',
  itemId: null,
  path: [],
  text,
  ...extra,
});

describe('groupChanges', () => {
  it('heads changes with the editor section they are made in, in the order given', () => {
    const groups = groupChanges([
      change('playbook', "Playbook renamed from 'A' to 'B'"),
      change('stages', "Stage 'Aware' renamed to 'Discover'"),
      change('lifecycle', 'MQL: score threshold 60 → 65'),
      change('slas', 'SLA MQL → SAL: response time 24 hours → 4 hours'),
      change('attribution', 'Attribution rules: added “Last touch wins.”'),
    ]);
    expect(groups.map((g) => [g.heading, g.changes.length])).toEqual([
      ['Playbook', 1],
      ['Buyer stages', 1],
      ['Lead lifecycle & SLAs', 2],
      ['Metrics & credit', 1],
    ]);
  });
});

describe('changeHeadline', () => {
  it('keeps the subject of a rich-text change whose words are shown inline', () => {
    const text = "Page 'Glossary': added “ICP: ideal customer profile.”; removed “BANT: budget.”";
    expect(changeHeadline(change('pages', text, { textChanges: { added: ['ICP'], removed: ['BANT'] } }))).toBe("Page 'Glossary'");
  });

  it('keeps the field of a long plain-text change', () => {
    const text = "Stage 'Aware': goal added “and compare vendors”";
    expect(changeHeadline(change('stages', text, { textChanges: { added: ['x'], removed: [] } }))).toBe("Stage 'Aware': goal");
    expect(changeHeadline(change('pages', "Page 'Intro': formatting changed", { textChanges: { added: [], removed: [] } }))).toBe(
      "Page 'Intro'",
    );
  });

  it('leaves every other sentence as the server wrote it', () => {
    expect(changeHeadline(change('stages', "Stage 'Pilot' added after 'Evaluate'"))).toBe("Stage 'Pilot' added after 'Evaluate'");
  });
});

describe('textSides', () => {
  it('gives the two texts of a text change, and nothing for other changes', () => {
    const textChanges = { added: ['b'], removed: ['a'] };
    expect(textSides({ before: 'a', after: 'b', textChanges })).toEqual({ before: 'a', after: 'b' });
    expect(textSides({ before: 'a', after: 'b' })).toBeNull();
    expect(textSides({ textChanges })).toBeNull();
  });
});
