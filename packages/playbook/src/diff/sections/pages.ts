import type { Page } from '../../records/Page';
import type { SectionSpec } from '../collectionDiff';
import { q } from '../context';
import { renamed, richChange } from '../fieldChanges';

export const pagesSpec: SectionSpec<Page> = {
  section: 'pages',
  ordered: true,
  label: (page) => `Page ${q(page.title)}`,
  name: (page) => page.title,
  fields: (before, after, _ctx, make) => [
    ...renamed(make, `Page ${q(before.title)}`, ['title'], before.title, after.title),
    ...richChange(make, `Page ${q(after.title)}`, ['body'], before.body, after.body),
  ],
};
