import * as Y from 'yjs';
import { BuyerStageSchema } from '../records/BuyerStage';
import { ContentAssetSchema } from '../records/ContentAsset';
import { LeadStateSchema } from '../records/LeadState';
import { MetricPeriodSchema } from '../records/MetricPeriod';
import { PageSchema } from '../records/Page';
import { PersonaSchema } from '../records/Persona';
import { type CollectionName, PlaybookSchema } from '../records/Playbook';
import { ResponsibilitySchema } from '../records/Responsibility';
import { RoleSchema } from '../records/Role';
import { SlaSchema } from '../records/Sla';
import { type TextLimits, textLimitsOf } from '../records/textLimits';
import { ROOT } from './PlaybookDoc';

/** A text a change grew past its limit, and how much of that change was cut back. */
export interface OverLimitText {
  /** Where it is, e.g. `title` or `stages.<id>.name`. */
  path: string;
  limit: number;
  removed: number;
}

const playbookLimits = textLimitsOf(PlaybookSchema);
/** The limits under each top-level type of the Y.Doc: root texts, and one record schema per collection. */
const rootLimits: Record<string, number | TextLimits> = {
  [ROOT.title]: playbookLimits.title as number,
  [ROOT.description]: playbookLimits.description as number,
  [ROOT.stages]: textLimitsOf(BuyerStageSchema),
  [ROOT.lifecycle]: textLimitsOf(LeadStateSchema),
  [ROOT.slas]: textLimitsOf(SlaSchema),
  [ROOT.content]: textLimitsOf(ContentAssetSchema),
  [ROOT.personas]: textLimitsOf(PersonaSchema),
  [ROOT.roles]: textLimitsOf(RoleSchema),
  [ROOT.responsibilities]: textLimitsOf(ResponsibilitySchema),
  [ROOT.metrics]: textLimitsOf(MetricPeriodSchema),
  [ROOT.pages]: textLimitsOf(PageSchema),
};

const collectionRoots: Record<CollectionName, string> = {
  stages: ROOT.stages,
  lifecycle: ROOT.lifecycle,
  slas: ROOT.slas,
  content: ROOT.content,
  personas: ROOT.personas,
  roles: ROOT.roles,
  responsibilities: ROOT.responsibilities,
  metrics: ROOT.metrics,
  pages: ROOT.pages,
};

/**
 * The limit of a plain-text field, for inputs (`maxLength`): the playbook's `title` or
 * `description`, or a collection's field by dotted path (`bant.budget`; a text list's path gives
 * the limit of each line). Undefined when the field has no limit.
 */
export function fieldTextLimit(where: CollectionName | 'playbook', path: string): number | undefined {
  let limit: number | TextLimits | undefined = where === 'playbook' ? playbookLimits : rootLimits[collectionRoots[where]];
  for (const key of path.split('.')) limit = typeof limit === 'object' ? limit[key] : undefined;
  return typeof limit === 'number' ? limit : undefined;
}

/**
 * Makes sure the root texts exist as Y.Text before an update is integrated: Yjs gives a root it
 * has not been asked for yet a generic type, which a limit check would not recognise as text.
 */
export function defineTextRoots(doc: Y.Doc): void {
  for (const name of [ROOT.title, ROOT.description]) {
    try {
      doc.getText(name);
    } catch {
      // Defined as another type by some earlier code: not a text, so no text limit applies to it.
    }
  }
}

/** Where a Y.Text sits in the playbook layout, and its limit; undefined for text the layout does not limit. */
export function textLimitOf(text: Y.Text): { path: string; limit: number } | undefined {
  const keys: (string | null)[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Y.AbstractType's event type parameter differs per type; only parents are read here.
  let type: Y.AbstractType<any> = text;
  for (let item = type._item; item; item = type._item) {
    keys.push(item.parentSub);
    type = item.parent as Y.AbstractType<unknown>;
  }
  const root = rootName(type);
  if (root === undefined) return undefined;
  let limit: number | TextLimits | undefined = rootLimits[root];
  const path = [root];
  keys.reverse();
  // In a collection, the first key is the item's id; the rest lead through fields, groups and list entries.
  const fields = typeof limit === 'object' ? keys.slice(1) : keys;
  if (typeof limit === 'object') path.push(String(keys[0]));
  for (const key of fields) {
    if (limit === undefined) return undefined;
    if (key === null) continue; // an entry of a text list: every entry has the list's limit
    if (typeof limit === 'number') return undefined;
    limit = limit[key];
    path.push(key);
  }
  return typeof limit === 'number' ? { path: path.join('.'), limit } : undefined;
}

/** Whether neither the text nor anything it sits in was deleted. */
function isLive(text: Y.Text): boolean {
  for (let item = text._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) if (item.deleted) return false;
  return true;
}

// biome-ignore lint/suspicious/noExplicitAny: see textLimitOf.
function rootName(type: Y.AbstractType<any>): string | undefined {
  for (const [name, shared] of type.doc?.share ?? []) if (shared === type) return name;
  return undefined;
}

/**
 * Cuts back every text that the current transaction grew past its limit, removing only
 * characters this transaction inserted (the last ones first), so text anyone had before is
 * never lost, and a text stored over-long before the limits existed can shrink but not grow.
 * Call inside the transaction, after the update is integrated. Costs as much as the new
 * content plus the texts it touched, never the whole document.
 */
export function cutBackOverLimitTexts(transaction: Y.Transaction): OverLimitText[] {
  const isNew = (id: Y.ID) => id.clock >= (transaction.beforeState.get(id.client) ?? 0);
  const over: OverLimitText[] = [];
  for (const text of textsGrownBy(transaction, isNew)) {
    const found = textLimitOf(text);
    if (!found || text.length <= found.limit || !isLive(text)) continue;
    let excess = text.length - found.limit;
    const removed = excess;
    for (const [index, length] of newRuns(text, isNew).reverse()) {
      if (excess === 0) break;
      const take = Math.min(length, excess);
      text.delete(index + length - take, take);
      excess -= take;
    }
    over.push({ path: found.path, limit: found.limit, removed: removed - excess });
  }
  return over;
}

/** The Y.Texts that received new content or were created in this transaction, found from its new structs. */
function textsGrownBy(transaction: Y.Transaction, isNew: (id: Y.ID) => boolean): Set<Y.Text> {
  const texts = new Set<Y.Text>();
  for (const [client, structs] of transaction.doc.store.clients) {
    const before = transaction.beforeState.get(client) ?? 0;
    // A client's structs are ordered by clock, so its new ones are at the end.
    for (let i = structs.length - 1; i >= 0; i--) {
      const struct = structs[i] as Y.Item | Y.GC;
      if (struct.id.clock + struct.length <= before) break;
      if (!(struct instanceof Y.Item) || struct.deleted || !isNew(struct.id)) continue;
      if (struct.parent instanceof Y.Text) texts.add(struct.parent);
      if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Text) texts.add(struct.content.type);
    }
  }
  return texts;
}

/** [index, length] of each run of the text's visible characters inserted in this transaction, in order. */
function newRuns(text: Y.Text, isNew: (id: Y.ID) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let index = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (isNew(item.id)) runs.push([index, item.length]);
    index += item.length;
  }
  return runs;
}
