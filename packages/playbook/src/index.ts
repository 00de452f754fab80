// The playbook domain: records and their zod schemas, the Y.Doc layout, canonical JSON,
// integrity validation, business diff, formatting, templates and benchmark fixtures.

export { MAX_RICH_TEXT_DEPTH, RichTextTooDeepError } from '@fullcourt/editor-schema';

export * from './diff/Change';
export { diff } from './diff/diff';
export { plainText, type StepMeter, words } from './diff/plainText';
export { textChanges } from './diff/textDiff';
export { type WordRun, wordDiff } from './diff/wordDiff';
export * from './errors';
export { toMarkdown } from './export/toMarkdown';
export { LARGE_PLAYBOOK, type LargePlaybookSize, largePlaybook } from './fixtures/largePlaybook';
export { approximateHours, type DurationParts, formatDuration, parseDuration } from './format/duration';
export * from './format/labels';
export { type StateNames, slaSentence, slaTitle, stateName } from './format/slaSentence';
export { applyJSON, parsePlaybook } from './json/applyJSON';
export { playbookJsonSchema } from './json/jsonSchema';
export { type ToJSONOptions, toJSON } from './json/toJSON';
export { type ContentMatrix, contentMatrix } from './matrix/contentMatrix';
export * from './records/BuyerStage';
export * from './records/ContentAsset';
export * from './records/Duration';
export { idSchema, isId, newId } from './records/id';
export * from './records/LeadState';
export * from './records/MetricPeriod';
export * from './records/Page';
export * from './records/Persona';
export * from './records/Playbook';
export * from './records/Responsibility';
export * from './records/RichText';
export * from './records/Role';
export * from './records/Sla';
export * from './records/Team';
export * from './records/textLimits';
export { defaultLifecycle, defaultRoles, LIFECYCLE_IDS } from './templates/defaultLifecycle';
export { emptyPlaybook } from './templates/emptyPlaybook';
export { starterTemplate } from './templates/starterTemplate';
export * from './validate/Finding';
export { type ValidateOptions, validate } from './validate/validate';
export type { IdOf, KeyedField, NewRecord, RecordOf, RecordPatch, RecordSchema } from './ydoc/Collection';
export { Collection } from './ydoc/Collection';
export { boundGarbageCollection, nestedDeeperThan, pruneTooDeep } from './ydoc/deepContent';
export type { ReadContext } from './ydoc/field';
export { isOrderKey, keyBetween, keysBetween } from './ydoc/orderKey';
export { LAYOUT_VERSION, type PlaybookChange, PlaybookDoc, ROOT } from './ydoc/PlaybookDoc';
export type { Position } from './ydoc/placement';
export { spliceBetween, type TextSplice } from './ydoc/textEdit';
export { cutBackOverLimitTexts, defineTextRoots, fieldTextLimit, type OverLimitText, textLimitOf } from './ydoc/textLimitGuard';
