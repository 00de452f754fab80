import { isHttpUrl } from '../../records/ContentAsset';
import { PlaybookSchema } from '../../records/Playbook';
import { clipTexts, limitedTexts, textLimitsOf, wasClipped } from '../../records/textLimits';
import { type Finding, finding } from '../Finding';

const playbookLimits = textLimitsOf(PlaybookSchema);

/**
 * Text the schema no longer accepts, which only data stored before a rule existed can hold: a
 * plain text over its limit, an asset URL that is not http(s). Each is reported, then made
 * readable (clipped, or the URL left out), so one such field never hides the other findings.
 */
export function repairStoredTexts(json: unknown): { json: unknown; findings: Finding[] } {
  const findings: Finding[] = [];
  for (const { path, value, limit } of limitedTexts(json, playbookLimits)) {
    if (value.length <= limit && !wasClipped(value, limit)) continue;
    findings.push(
      finding(
        'warning',
        'text-too-long',
        path,
        `${describe(path)} was stored longer than the ${limit}-character limit and reads cut; shorten it.`,
        itemIdAt(json, path),
      ),
    );
  }
  const clipped = clipTexts(json, playbookLimits).json;
  const content = (clipped as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) return { json: clipped, findings };
  let repaired = clipped;
  content.forEach((asset: { id?: unknown; url?: unknown; title?: unknown }, index) => {
    if (typeof asset?.url !== 'string' || asset.url === '' || isHttpUrl(asset.url)) return;
    const name = typeof asset.title === 'string' && asset.title.trim() !== '' ? `'${asset.title}'` : 'an unnamed asset';
    findings.push(
      finding(
        'warning',
        'asset-url',
        ['content', index, 'url'],
        `Asset ${name} has a URL that is not a web address.`,
        typeof asset.id === 'string' ? asset.id : null,
      ),
    );
    if (repaired === json) repaired = structuredClone(json);
    ((repaired as { content: { url: string }[] }).content[index] as { url: string }).url = '';
  });
  return { json: repaired, findings };
}

function describe(path: (string | number)[]): string {
  return path.length === 1 ? `The playbook's ${path[0]}` : `The field ${path.join('.')}`;
}

function itemIdAt(json: unknown, path: (string | number)[]): string | null {
  if (path.length < 2 || typeof path[1] !== 'number') return null;
  const item = (json as Record<string, unknown[]>)[path[0] as string]?.[path[1]] as { id?: unknown } | undefined;
  return typeof item?.id === 'string' ? item.id : null;
}
