import { describe, expect, it } from 'vitest';
import { PlaybookSchema } from '../records/Playbook';
import { contentMatrix } from './contentMatrix';

describe('content matrix', () => {
  const playbook = PlaybookSchema.parse({
    stages: [
      { id: 'consider', name: 'Consider' },
      { id: 'decide', name: 'Decide' },
    ],
    personas: [
      { id: 'cfo', name: 'CFO' },
      { id: 'ops', name: 'Ops' },
    ],
    content: [
      { id: 'roi', title: 'ROI calculator', stageIds: ['consider', 'decide'], personaIds: ['cfo'] },
      { id: 'tour', title: 'Tour', stageIds: ['consider'], personaIds: ['cfo', 'ops', 'gone'] },
      { id: 'blog', title: 'Blog', stageIds: ['decide'] },
      { id: 'lost', title: 'Lost', stageIds: ['deleted-stage'] },
    ],
  });

  it('reads as a stage × persona grid with the assets in each cell', () => {
    const matrix = contentMatrix(playbook);
    expect(matrix.stages.map((s) => s.name)).toEqual(['Consider', 'Decide']);
    expect(matrix.personas.map((p) => p.name)).toEqual(['CFO', 'Ops']);
    expect(matrix.cells).toEqual({ consider: { cfo: ['roi', 'tour'], ops: ['tour'] }, decide: { cfo: ['roi'], ops: [] } });
  });

  it('lists assets for every persona of a stage and assets mapped nowhere', () => {
    const matrix = contentMatrix(playbook);
    expect(matrix.anyPersona).toEqual({ consider: [], decide: ['blog'] });
    expect(matrix.unmapped).toEqual(['lost']);
  });
});
