import { type ContentAsset, type ContentMatrix, contentMatrix } from '@fullcourt/playbook';
import { useMemo } from 'react';
import { useSelected } from '../../editor/useCollaboration';
import { useNames } from '../../editor/useNames';

type Links = Pick<ContentAsset, 'id' | 'stageIds' | 'personaIds'>;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
const sameLinks = (a: readonly Links[], b: readonly Links[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i] as Links;
    return x.id === y.id && sameIds(x.stageIds, y.stageIds) && sameIds(x.personaIds, y.personaIds);
  });

/**
 * The content map's layout (which asset sits in which cell), rebuilt only when a link, a stage
 * or persona name, or the set of assets changes: typing an asset's title leaves it as it was.
 */
export function useContentMap(): ContentMatrix {
  const stages = useNames('stages');
  const personas = useNames('personas');
  const content = useSelected(
    'content',
    (assets) => assets.map(({ id, stageIds, personaIds }) => ({ id, stageIds, personaIds })),
    sameLinks,
  );
  return useMemo(() => contentMatrix({ stages, personas, content }), [stages, personas, content]);
}
