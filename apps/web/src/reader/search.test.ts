import { applyJSON, PlaybookDoc, starterTemplate, toJSON } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { search, searchEntries } from './search';

function starterState() {
  const doc = new PlaybookDoc();
  applyJSON(doc, starterTemplate());
  return toJSON(doc);
}

describe('reader search', () => {
  const entries = searchEntries(starterState());

  it('finds a word in any section, case-insensitively, and says where it is', () => {
    const hits = search(entries, 'mql');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.section)).toContain('Lead lifecycle & SLAs');
    expect(hits[0]?.match.toLowerCase()).toBe('mql');
  });

  it('finds text inside rich-text notes and pages, without Markdown marks', () => {
    const hits = search(entries, 'missed quarter');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.section).toBe('Buyer stages');
    expect(`${hits[0]?.before}${hits[0]?.match}${hits[0]?.after}`).not.toContain('**');
  });

  it('needs every word, and ranks a title match first', () => {
    expect(search(entries, 'zebra mql')).toEqual([]);
    const [first] = search(entries, 'glossary');
    expect(first?.title.toLowerCase()).toContain('glossary');
  });

  it('finds nothing for an empty query', () => {
    expect(search(entries, '   ')).toEqual([]);
  });
});
