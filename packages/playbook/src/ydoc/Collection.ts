import * as Y from 'yjs';
import type { z } from 'zod';
import { DuplicateIdError, InvalidRecordError, ItemNotFoundError, NotALiveFieldError } from '../errors';
import { isId } from '../records/id';
import type { CollectionName } from '../records/Playbook';
import { clipText, type TextLimits, textLimitsOf } from '../records/textLimits';
import { pruneTooDeep } from './deepContent';
import { type FieldCodec, type Layout, markdownOnly, type ReadContext } from './field';
import { mapAt } from './listFields';
import { liveField } from './liveField';
import { isOrderKey } from './orderKey';
import { compareEntries, type OrderedEntry, type Position, placementKeys, reorderKeys } from './placement';
import { checkNewRecord, checkPatch, issue, writeProblems } from './recordInput';

/** A record schema whose records carry an `id`. */
export type RecordSchema = z.ZodObject<{ id: z.ZodType<string> } & z.ZodRawShape>;
export type RecordOf<S extends RecordSchema> = z.output<S>;
export type IdOf<S extends RecordSchema> = z.output<S> extends { id: infer I extends string } ? I : string;
/** A new record: any defaulted field may be left out, and the id is generated unless given. */
export type NewRecord<S extends RecordSchema> = Omit<z.input<S>, 'id'> & { id?: string };
/** A record type with its branded ids widened to strings: callers pass ids they got as plain strings. */
export type Unbranded<T> = T extends string & z.core.$brand
  ? string
  : T extends readonly (infer U)[]
    ? Unbranded<U>[]
    : T extends object
      ? { [K in keyof T as K extends string & z.core.$brand ? string : K]: Unbranded<T[K]> }
      : T;
/**
 * Fields to change. A nested group (an SLA's `followUp`) is given whole: zod would fill a partial
 * group's missing keys with defaults, silently overwriting them. Ids are checked at run time.
 */
export type RecordPatch<S extends RecordSchema> = Partial<Unbranded<Omit<z.output<S>, 'id'>>>;
/** Keys of fields stored as sets or maps of ids (asset stages, RACI letters). */
export type KeyedField<S extends RecordSchema> = {
  [K in keyof RecordOf<S> & string]: RecordOf<S>[K] extends readonly string[] | Record<string, string> ? K : never;
}[keyof RecordOf<S> & string];

/** What one transaction changed in a collection (see Collection.observeRecords). */
export interface RecordsChange {
  /** Ids of the records added, deleted or changed in any field. */
  changed: ReadonlySet<string>;
  /** Whether the ids or their order may differ. */
  reordered: boolean;
}

interface Entry extends OrderedEntry {
  item: Y.Map<unknown>;
}

/** The item field holding the fractional order key. */
const ORDER = 'order';

/**
 * An ordered collection of records in a Y.Map keyed by id, each record a Y.Map of its fields plus
 * an `order` key. The only code that knows how records sit in the Y.Doc, with PlaybookDoc.
 */
export class Collection<S extends RecordSchema> {
  /** The plain-text limits of the record, read from its schema once. */
  private readonly limits: TextLimits;

  constructor(
    private readonly map: Y.Map<unknown>,
    readonly name: CollectionName,
    private readonly schema: S,
    private readonly layout: Layout<RecordOf<S>>,
    private readonly afterDelete: (id: string) => void = () => {},
  ) {
    this.limits = textLimitsOf(schema);
  }

  /** Every record, in order. */
  list(context: ReadContext = markdownOnly): RecordOf<S>[] {
    return this.entries().map((entry) => this.read(entry.id, entry.item, context));
  }

  /** One record, or undefined when it is not (or no longer) there. */
  get(id: string, context: ReadContext = markdownOnly): RecordOf<S> | undefined {
    const item = this.map.get(id);
    return item instanceof Y.Map ? this.read(id, item, context) : undefined;
  }

  /** The ids in order. */
  ids(): IdOf<S>[] {
    return this.entries().map((entry) => entry.id as IdOf<S>);
  }

  has(id: string): boolean {
    return this.map.get(id) instanceof Y.Map;
  }

  get size(): number {
    return this.entries().length;
  }

  /** Adds a record at `position` (the end by default) and returns its id. */
  add(input: NewRecord<S>, position: Position = 'end'): IdOf<S> {
    const record = checkNewRecord(this.name, this.schema, this.fields(), input as Record<string, unknown>);
    const id = record.id;
    if (this.has(id)) throw new DuplicateIdError(this.name, id);
    this.transact(() => {
      const siblings = this.entries();
      const keys = placementKeys(siblings, this.indexFor(position, siblings), id);
      const item = new Y.Map<unknown>();
      this.map.set(id, item);
      // Fields are written after the item joined the doc: rich text converters need a live fragment.
      this.writeFields(item, record);
      this.writeKeys(keys, item, id);
    });
    return id as IdOf<S>;
  }

  /** Changes the given fields of a record, each with the smallest edit that produces it. */
  update(id: string, patch: RecordPatch<S>): void {
    const item = this.itemOrThrow(id);
    const checked = checkPatch(
      this.name,
      this.schema.shape as unknown as Record<string, z.ZodType>,
      this.fields(),
      patch as Record<string, unknown>,
    );
    this.transact(() => this.writeFields(item, checked));
  }

  /** Moves a record; only its order key changes, so a concurrent move or edit cannot duplicate or lose it. */
  move(id: string, position: Position): void {
    const item = this.itemOrThrow(id);
    this.transact(() => {
      const siblings = this.entries().filter((entry) => entry.id !== id);
      this.writeKeys(placementKeys(siblings, this.indexFor(position, siblings), id), item, id);
    });
  }

  /** Deletes a record and the references to it that the playbook can drop safely (see PlaybookDoc). */
  delete(id: string): void {
    const item = this.itemOrThrow(id);
    // Rich text nested past the limit (stored before it existed) goes first, deepest first and in
    // bounded steps: deleting it in one go would recurse once per level, here and on every peer.
    pruneTooDeep(item);
    this.transact(() => {
      this.map.delete(id);
      this.afterDelete(id);
    });
  }

  /** Adds one id to a set field (e.g. links an asset to a stage); idempotent and merge-friendly. */
  addTo(id: string, field: KeyedField<S>, key: string, value: unknown = true): void {
    const item = this.itemOrThrow(id);
    if (!isId(key)) throw new InvalidRecordError(this.name, [issue([field], `"${key}" is not an id`)]);
    this.transact(() => {
      const set = mapAt(item, field);
      if (set.get(key) !== value) set.set(key, value);
    });
  }

  /** Removes one id from a set or id-keyed field. */
  removeFrom(id: string, field: KeyedField<S>, key: string): void {
    const item = this.itemOrThrow(id);
    this.transact(() => {
      const stored = item.get(field);
      if (stored instanceof Y.Map && stored.has(key)) stored.delete(key);
    });
  }

  /** Drops `key` from `field` in every record: how deleting a stage unlinks it from all assets at once. */
  forget(field: KeyedField<S>, key: string): void {
    this.transact(() => {
      for (const entry of this.entries()) {
        const stored = entry.item.get(field);
        if (stored instanceof Y.Map && stored.has(key)) stored.delete(key);
      }
    });
  }

  /** The live Y.Text of a text field (dotted path for grouped fields, e.g. `bant.budget`), for input bindings. */
  text(id: string, path: string): Y.Text {
    return this.live(id, path, 'text') as Y.Text;
  }

  /** The live Y.XmlFragment of a rich field, for Tiptap's Collaboration extension (`fragment` option). */
  fragment(id: string, path: string): Y.XmlFragment {
    return this.live(id, path, 'rich') as Y.XmlFragment;
  }

  /**
   * Makes the collection hold exactly these records in this order (applyJSON). Records keep their
   * Y identity when their id exists, fields change minimally, and only out-of-order keys move.
   */
  replaceAll(wantedRecords: RecordOf<S>[]): void {
    const records = wantedRecords as (Record<string, unknown> & { id: string })[];
    this.transact(() => {
      const wanted = new Set(records.map((record) => record.id));
      for (const entry of this.entries()) {
        if (wanted.has(entry.id)) continue;
        pruneTooDeep(entry.item);
        this.map.delete(entry.id);
      }
      const items = records.map((record) => {
        let item = this.map.get(record.id);
        if (!(item instanceof Y.Map)) {
          item = new Y.Map<unknown>();
          this.map.set(record.id, item);
        }
        this.writeFields(item as Y.Map<unknown>, record);
        return item as Y.Map<unknown>;
      });
      const current = items.map((item) => {
        const key = item.get(ORDER);
        return isOrderKey(key) ? key : null;
      });
      reorderKeys(current).forEach((key, i) => {
        if (current[i] !== key) (items[i] as Y.Map<unknown>).set(ORDER, key);
      });
    });
  }

  /** What would stop replaceAll writing these records (rich text nested too deep), with paths from `prefix`. */
  writeProblems(records: RecordOf<S>[], prefix: readonly PropertyKey[] = [this.name]): z.core.$ZodIssue[] {
    return records.flatMap((record, i) => writeProblems(this.fields(), record as Record<string, unknown>, [...prefix, i]));
  }

  /** Calls `listener` after every change to the collection, local or remote; returns the unsubscribe. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  /**
   * Like observe, but says which records changed (by id) and whether the set or order of records
   * did (an add, a delete or a move), so a cache can re-read only those records.
   */
  observeRecords(listener: (change: RecordsChange) => void): () => void {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const changed = new Set<string>();
      let reordered = false;
      for (const event of events) {
        const path = event.path;
        if (path.length === 0) {
          // The collection map itself: records were added, deleted or replaced.
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
          reordered = true;
          continue;
        }
        changed.add(String(path[0]));
        if (path.length === 1 && event instanceof Y.YMapEvent && event.keysChanged.has(ORDER)) reordered = true;
      }
      listener({ changed, reordered });
    };
    this.map.observeDeep(handler);
    return () => this.map.unobserveDeep(handler);
  }

  private entries(): Entry[] {
    const entries: Entry[] = [];
    this.map.forEach((item, id) => {
      if (!(item instanceof Y.Map) || !isId(id)) return;
      const order = item.get(ORDER);
      entries.push({ id, item, order: isOrderKey(order) ? order : '' });
    });
    return entries.sort(compareEntries);
  }

  private read(id: string, item: Y.Map<unknown>, context: ReadContext): RecordOf<S> {
    const record: Record<string, unknown> = { id };
    for (const [field, codec] of this.codecs()) record[field] = codec.read(item, field, context);
    // A text stored before the limits existed reads clipped, so every read still fits the schema.
    clipInPlace(record, this.limits);
    return record as RecordOf<S>;
  }

  private writeFields(item: Y.Map<unknown>, values: Record<string, unknown>): void {
    for (const [field, codec] of this.codecs()) {
      if (field in values) codec.write(item, field, values[field]);
    }
  }

  private writeKeys(keys: Map<string, string>, item: Y.Map<unknown>, id: string): void {
    for (const [entryId, key] of keys) {
      const target = entryId === id ? item : this.map.get(entryId);
      if (target instanceof Y.Map) target.set(ORDER, key);
    }
  }

  private codecs(): [string, FieldCodec<unknown>][] {
    return Object.entries(this.fields());
  }

  private fields(): Record<string, FieldCodec<unknown>> {
    return this.layout as Record<string, FieldCodec<unknown>>;
  }

  private indexFor(position: Position, siblings: OrderedEntry[]): number {
    if (position === 'start') return 0;
    if (position === 'end') return siblings.length;
    if ('index' in position) return Math.max(0, Math.min(siblings.length, Math.trunc(position.index)));
    const anchor = 'before' in position ? position.before : position.after;
    const at = siblings.findIndex((entry) => entry.id === anchor);
    if (at < 0) throw new ItemNotFoundError(this.name, anchor);
    return 'before' in position ? at : at + 1;
  }

  private itemOrThrow(id: string): Y.Map<unknown> {
    const item = this.map.get(id);
    if (!(item instanceof Y.Map)) throw new ItemNotFoundError(this.name, id);
    return item;
  }

  private live(id: string, path: string, kind: 'text' | 'rich'): Y.AbstractType<unknown> {
    const item = this.itemOrThrow(id);
    let found: Y.AbstractType<unknown> | undefined;
    this.transact(() => {
      found = liveField(item, this.fields(), path, kind);
    });
    if (!found) throw new NotALiveFieldError(this.name, path, kind);
    return found;
  }

  private transact(fn: () => void): void {
    const doc = this.map.doc;
    if (doc) doc.transact(fn);
    else fn();
  }
}

/** Clips the limited texts of a freshly read record in place (no copy: nobody else holds it yet). */
function clipInPlace(record: Record<string, unknown>, limits: TextLimits): void {
  for (const [field, limit] of Object.entries(limits)) {
    const value = record[field];
    if (typeof limit === 'number') {
      if (typeof value === 'string') record[field] = clipText(value, limit);
      else if (Array.isArray(value)) record[field] = value.map((line) => (typeof line === 'string' ? clipText(line, limit) : line));
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      clipInPlace(value as Record<string, unknown>, limit);
    }
  }
}
