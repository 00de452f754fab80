import { type Playbook, plainText, slaSentence, slaTitle } from '@fullcourt/playbook';

/** One searchable passage of the playbook and the anchor its hit jumps to. */
export interface SearchEntry {
  anchor: string;
  section: string;
  title: string;
  text: string;
}

/** A hit: where it is, and the words around the first match for the results list. */
export interface SearchHit {
  anchor: string;
  section: string;
  title: string;
  before: string;
  match: string;
  after: string;
}

/** The anchor ids the reader gives its items; search results link to them. */
export const anchors = {
  stage: (id: string) => `stage-${id}`,
  state: (id: string) => `state-${id}`,
  sla: (id: string) => `sla-${id}`,
  asset: (id: string) => `asset-${id}`,
  persona: (id: string) => `persona-${id}`,
  responsibility: (id: string) => `activity-${id}`,
  metric: (id: string) => `metric-${id}`,
  page: (id: string) => `page-${id}`,
  attribution: () => 'attribution',
};

const lines = (...parts: (string | readonly string[])[]) =>
  parts
    .flat()
    .filter((p) => p.trim() !== '')
    .join('\n');

/** Everything a reader can find, one entry per item, in reading order. */
export function searchEntries(state: Playbook): SearchEntry[] {
  const roleName = new Map<string, string>(state.roles.map((r) => [r.id, r.name]));
  return [
    ...state.stages.map((s) => ({
      anchor: anchors.stage(s.id),
      section: 'Buyer stages',
      title: s.name || 'Unnamed stage',
      text: lines(s.name, s.goal, s.entryCriteria, s.exitSignals, s.plays.marketing, s.plays.sales, plainText(s.notes.markdown)),
    })),
    ...state.lifecycle.map((l) => ({
      anchor: anchors.state(l.id),
      section: 'Lead lifecycle & SLAs',
      title: l.name || 'Unnamed state',
      text: lines(l.name, l.definition, Object.values(l.bant)),
    })),
    ...state.slas.map((sla) => ({
      anchor: anchors.sla(sla.id),
      section: 'Lead lifecycle & SLAs',
      title: slaTitle(sla, state.lifecycle),
      text: lines(slaSentence(sla, state.lifecycle), sla.feedback.reasons),
    })),
    ...state.content.map((a) => ({
      anchor: anchors.asset(a.id),
      section: 'Content map',
      title: a.title || 'Untitled asset',
      text: lines(a.title, a.owner, a.url),
    })),
    ...state.responsibilities.map((r) => ({
      anchor: anchors.responsibility(r.id),
      section: 'Responsibilities',
      title: r.activity || 'Unnamed activity',
      text: lines(
        r.activity,
        Object.entries(r.raci).map(([roleId, letter]) => `${roleName.get(roleId) ?? ''} ${letter}`),
      ),
    })),
    ...state.personas.map((p) => ({
      anchor: anchors.persona(p.id),
      section: 'Buying team',
      title: p.name || 'Unnamed persona',
      text: lines(p.name, p.caresAbout),
    })),
    ...(state.attribution.markdown
      ? [{ anchor: anchors.attribution(), section: 'Metrics & credit', title: 'Attribution', text: plainText(state.attribution.markdown) }]
      : []),
    ...state.pages.map((p) => ({
      anchor: anchors.page(p.id),
      section: 'Pages',
      title: p.title || 'Untitled page',
      text: lines(p.title, plainText(p.body.markdown)),
    })),
  ];
}

const CONTEXT = 40;

/**
 * The entries holding every word of the query (any order, any case), titles first. Each hit
 * carries the passage around the first word, so the list shows why it matched.
 */
export function search(entries: readonly SearchEntry[], query: string, limit = 30): SearchHit[] {
  const terms = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const hits: (SearchHit & { rank: number })[] = [];
  for (const entry of entries) {
    const haystack = entry.text.toLocaleLowerCase();
    if (!terms.every((t) => haystack.includes(t))) continue;
    const first = terms[0] as string;
    const at = haystack.indexOf(first);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const start = Math.max(0, at - CONTEXT);
    const end = Math.min(entry.text.length, at + first.length + CONTEXT);
    hits.push({
      anchor: entry.anchor,
      section: entry.section,
      title: entry.title,
      before: (start > 0 ? '…' : '') + flat(entry.text.slice(start, at)),
      match: entry.text.slice(at, at + first.length),
      after: flat(entry.text.slice(at + first.length, end)) + (end < entry.text.length ? '…' : ''),
      rank: terms.every((t) => entry.title.toLocaleLowerCase().includes(t)) ? 0 : 1,
    });
  }
  return hits
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}
