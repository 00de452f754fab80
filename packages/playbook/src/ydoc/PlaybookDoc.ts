import * as Y from 'yjs';
import type { z } from 'zod';
import { InvalidPlaybookError, InvalidRecordError } from '../errors';
import { BuyerStageSchema } from '../records/BuyerStage';
import { ContentAssetSchema } from '../records/ContentAsset';
import { LeadStateSchema } from '../records/LeadState';
import { MetricPeriodSchema } from '../records/MetricPeriod';
import { PageSchema } from '../records/Page';
import { PersonaSchema } from '../records/Persona';
import type { CollectionName, Playbook } from '../records/Playbook';
import { COLLECTION_PATHS, type PlaybookId, PlaybookIdSchema, PlaybookSchema } from '../records/Playbook';
import { type RaciLetter, RaciLetterSchema, ResponsibilitySchema } from '../records/Responsibility';
import type { RichText, RichTextInput } from '../records/RichText';
import { RichTextSchema } from '../records/RichText';
import { RoleSchema } from '../records/Role';
import { SlaSchema } from '../records/Sla';
import { clipText, textLimitsOf } from '../records/textLimits';
import { Collection, type RecordSchema } from './Collection';
import { boundGarbageCollection } from './deepContent';
import { markdownOnly, type ReadContext } from './field';
import {
  assetLayout,
  leadStateLayout,
  metricPeriodLayout,
  pageLayout,
  personaLayout,
  responsibilityLayout,
  roleLayout,
  slaLayout,
  stageLayout,
} from './layouts';
import { issue } from './recordInput';
import { readFragment, richTextProblem, writeFragment } from './richField';
import { setText } from './textEdit';

const playbookLimits = textLimitsOf(PlaybookSchema);
const TITLE_LIMIT = playbookLimits.title as number;
const DESCRIPTION_LIMIT = playbookLimits.description as number;

/** Bumped when the Y layout changes shape, so a migration can recognise older documents. */
export const LAYOUT_VERSION = 1;

/**
 * The names of the Y.Doc's top-level types. Collections are top-level maps (never nested in a
 * shared parent) because top-level types exist on every peer from the start: two peers creating
 * the same nested map concurrently would each create their own, and one would be lost.
 */
export const ROOT = {
  meta: 'meta',
  title: 'title',
  description: 'description',
  attribution: 'attribution',
  stages: 'stages',
  lifecycle: 'lifecycle',
  slas: 'slas',
  content: 'content',
  personas: 'personas',
  roles: 'roles',
  responsibilities: 'responsibilities',
  metrics: 'metricPeriods',
  pages: 'pages',
} as const;

function checkLength(field: string, value: string, limit: number): void {
  if (value.length > limit) {
    throw new InvalidPlaybookError([
      { code: 'too_big', origin: 'string', maximum: limit, path: [field], message: `at most ${limit} characters`, input: value },
    ]);
  }
}

/** A change notification: `local` is false when the change came from a peer or the server. */
export interface PlaybookChange {
  local: boolean;
  origin: unknown;
}

/**
 * The typed face of a playbook's Y.Doc: every read and write of the layout goes through here.
 * Collections offer add / update / move / delete; the domain operations below them (RACI letters,
 * asset links) change one entry so that concurrent edits of neighbouring entries merge.
 */
export class PlaybookDoc {
  readonly stages: Collection<typeof BuyerStageSchema>;
  readonly lifecycle: Collection<typeof LeadStateSchema>;
  readonly slas: Collection<typeof SlaSchema>;
  readonly content: Collection<typeof ContentAssetSchema>;
  readonly personas: Collection<typeof PersonaSchema>;
  readonly roles: Collection<typeof RoleSchema>;
  readonly responsibilities: Collection<typeof ResponsibilitySchema>;
  readonly metrics: Collection<typeof MetricPeriodSchema>;
  readonly pages: Collection<typeof PageSchema>;

  constructor(readonly ydoc: Y.Doc = new Y.Doc()) {
    // A document stored before nesting was limited may delete content deep enough to overflow Yjs' own collection.
    boundGarbageCollection(ydoc);
    const map = (name: string) => ydoc.getMap<unknown>(name);
    // Deleting a stage, persona or role drops the links to it: they would only dangle. Lifecycle
    // states are not cascaded: an SLA without its state needs a person to decide what it becomes,
    // so the validator reports it instead.
    this.stages = new Collection(map(ROOT.stages), 'stages', BuyerStageSchema, stageLayout, (id) => this.content.forget('stageIds', id));
    this.lifecycle = new Collection(map(ROOT.lifecycle), 'lifecycle', LeadStateSchema, leadStateLayout);
    this.slas = new Collection(map(ROOT.slas), 'slas', SlaSchema, slaLayout);
    this.content = new Collection(map(ROOT.content), 'content', ContentAssetSchema, assetLayout);
    this.personas = new Collection(map(ROOT.personas), 'personas', PersonaSchema, personaLayout, (id) =>
      this.content.forget('personaIds', id),
    );
    this.roles = new Collection(map(ROOT.roles), 'roles', RoleSchema, roleLayout, (id) => this.responsibilities.forget('raci', id));
    this.responsibilities = new Collection(map(ROOT.responsibilities), 'responsibilities', ResponsibilitySchema, responsibilityLayout);
    this.metrics = new Collection(map(ROOT.metrics), 'metrics', MetricPeriodSchema, metricPeriodLayout);
    this.pages = new Collection(map(ROOT.pages), 'pages', PageSchema, pageLayout);
  }

  /**
   * A collection by its section name, for callers that route by name (the REST write API). Typed
   * loosely on purpose: the caller's input is unknown JSON, and every write is checked at run
   * time against the record's zod schema anyway (InvalidRecordError).
   */
  collection(name: CollectionName): Collection<RecordSchema> {
    return this[name] as unknown as Collection<RecordSchema>;
  }

  /** The playbook's id, null until the server filed it. */
  get id(): PlaybookId | null {
    const parsed = PlaybookIdSchema.safeParse(this.meta.get('id'));
    return parsed.success ? parsed.data : null;
  }

  setId(id: string): void {
    this.meta.set('id', PlaybookIdSchema.parse(id));
  }

  /** The title, clipped to its limit (only a title stored before the limits existed is longer). */
  get title(): string {
    return clipText(this.titleText().toString(), TITLE_LIMIT);
  }

  setTitle(title: string): void {
    checkLength('title', title, TITLE_LIMIT);
    this.transact(() => setText(this.titleText(), title));
  }

  get description(): string {
    return clipText(this.descriptionText().toString(), DESCRIPTION_LIMIT);
  }

  setDescription(description: string): void {
    checkLength('description', description, DESCRIPTION_LIMIT);
    this.transact(() => setText(this.descriptionText(), description));
  }

  /** The ISO 4217 code every metric amount is in. */
  get currency(): string {
    const stored = this.meta.get('currency');
    return typeof stored === 'string' && /^[A-Z]{3}$/.test(stored) ? stored : 'USD';
  }

  setCurrency(currency: string): void {
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new InvalidRecordError('metrics', [
        { code: 'custom', path: ['currency'], message: 'an ISO 4217 currency code such as USD', input: currency },
      ]);
    }
    if (this.meta.get('currency') !== currency) this.meta.set('currency', currency);
  }

  /** How credit for closes is attributed, in words. */
  attribution(context: ReadContext = markdownOnly): RichText {
    return readFragment(this.attributionFragment(), context.tiptap);
  }

  /** Replaces the attribution text (Markdown string, or rich text with optional Tiptap JSON). */
  setAttribution(text: string | RichTextInput): void {
    const value = RichTextSchema.parse(typeof text === 'string' ? { markdown: text } : text);
    this.transact(() => writeFragment(this.attributionFragment(), value));
  }

  /** What would stop applyJSON writing this playbook (rich text nested too deep), as zod issues with their paths. */
  writeProblems(playbook: Playbook): z.core.$ZodIssue[] {
    const attribution = richTextProblem(playbook.attribution);
    const collections = (Object.entries(COLLECTION_PATHS) as [CollectionName, readonly string[]][]).flatMap(([name, path]) => {
      const records = path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], playbook);
      return this.collection(name).writeProblems(records as never, path);
    });
    return [...(attribution ? [issue(['attribution', ...attribution.path], attribution.message)] : []), ...collections];
  }

  /** The live Y.Text of the title, for an input bound per character. */
  titleText(): Y.Text {
    return this.ydoc.getText(ROOT.title);
  }

  descriptionText(): Y.Text {
    return this.ydoc.getText(ROOT.description);
  }

  /** The live fragment of the attribution text, for Tiptap's Collaboration extension. */
  attributionFragment(): Y.XmlFragment {
    return this.ydoc.getXmlFragment(ROOT.attribution);
  }

  /** Sets one role's RACI letter for an activity, or clears it with null. Other roles' letters are untouched. */
  setRaci(responsibilityId: string, roleId: string, letter: RaciLetter | null): void {
    if (letter === null) {
      this.responsibilities.removeFrom(responsibilityId, 'raci', roleId);
      return;
    }
    this.responsibilities.addTo(responsibilityId, 'raci', roleId, RaciLetterSchema.parse(letter));
  }

  /** Maps an asset to a stage or a persona (a cell of the content matrix). */
  linkAsset(assetId: string, target: { stageId: string } | { personaId: string }): void {
    if ('stageId' in target) this.content.addTo(assetId, 'stageIds', target.stageId);
    else this.content.addTo(assetId, 'personaIds', target.personaId);
  }

  unlinkAsset(assetId: string, target: { stageId: string } | { personaId: string }): void {
    if ('stageId' in target) this.content.removeFrom(assetId, 'stageIds', target.stageId);
    else this.content.removeFrom(assetId, 'personaIds', target.personaId);
  }

  /** Runs several operations as one Yjs transaction: peers see them together, undo treats them as one step. */
  transact(fn: () => void, origin?: unknown): void {
    this.ydoc.transact(fn, origin);
  }

  /** Calls `listener` after every transaction that changed the playbook; returns the unsubscribe. */
  observe(listener: (change: PlaybookChange) => void): () => void {
    const handler = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) =>
      listener({ local: transaction.local, origin });
    this.ydoc.on('update', handler);
    return () => this.ydoc.off('update', handler);
  }

  /** Marks the document as written in the current layout (applyJSON does it). */
  stampLayoutVersion(): void {
    if (this.meta.get('layoutVersion') !== LAYOUT_VERSION) this.meta.set('layoutVersion', LAYOUT_VERSION);
  }

  private get meta(): Y.Map<unknown> {
    return this.ydoc.getMap<unknown>(ROOT.meta);
  }
}
