import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setText } from './textEdit';

function text(initial: string): Y.Text {
  const t = new Y.Doc().getText('t');
  t.insert(0, initial);
  return t;
}

describe('minimal text edits', () => {
  it('replaces only the span that differs', () => {
    const t = text('Follow up all MQLs');
    const deltas: unknown[] = [];
    t.observe((event) => deltas.push(event.delta));
    setText(t, 'Follow up every MQL');
    expect(t.toString()).toBe('Follow up every MQL');
    expect(deltas).toHaveLength(1);
    expect(deltas[0]).toContainEqual({ retain: 10 });
    expect(deltas[0]).toContainEqual({ delete: 8 });
    expect(deltas[0]).toContainEqual({ insert: 'every MQL' });
  });

  it('does nothing when the text is unchanged', () => {
    const t = text('Same');
    let changes = 0;
    t.observe(() => changes++);
    setText(t, 'Same');
    expect(changes).toBe(0);
  });

  it('never splits a surrogate pair', () => {
    const t = text('Goal 🎯 reached');
    setText(t, 'Goal 🏁 reached');
    expect(t.toString()).toBe('Goal 🏁 reached');
    setText(t, 'Goal 🏁🏁 reached');
    expect(t.toString()).toBe('Goal 🏁🏁 reached');
    setText(t, '');
    expect(t.toString()).toBe('');
  });

  it('lets a concurrent edit elsewhere in the text survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Sales follows up within four hours');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setText(a.getText('t'), 'Sales follows up within 4 hours');
    setText(b.getText('t'), 'Sales always follows up within four hours');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(a.getText('t').toString()).toBe('Sales always follows up within 4 hours');
  });
});
