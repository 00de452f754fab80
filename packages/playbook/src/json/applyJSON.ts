import type * as Y from 'yjs';
import { InvalidPlaybookError } from '../errors';
import { type Playbook, type PlaybookInput, PlaybookSchema } from '../records/Playbook';
import { PlaybookDoc } from '../ydoc/PlaybookDoc';

/** Parses canonical playbook JSON without throwing: the zod result, for callers that report issues themselves. */
export function parsePlaybook(json: unknown) {
  return PlaybookSchema.safeParse(json);
}

/**
 * Makes the document hold this playbook (templates, imports, the REST write API), in one
 * transaction. Items are matched by id and changed in place with minimal edits, so applying a
 * JSON that differs in one field is one small update that merges with concurrent work.
 * Throws InvalidPlaybookError when the JSON does not fit the schema; the document is then untouched.
 */
export function applyJSON(target: Y.Doc | PlaybookDoc, json: PlaybookInput, origin?: unknown): Playbook {
  const parsed = PlaybookSchema.safeParse(json);
  if (!parsed.success) throw new InvalidPlaybookError(parsed.error.issues);
  const playbook = parsed.data;
  const doc = target instanceof PlaybookDoc ? target : new PlaybookDoc(target);
  // Checked before the transaction, so a playbook that cannot be written leaves the document untouched.
  const problems = doc.writeProblems(playbook);
  if (problems.length > 0) throw new InvalidPlaybookError(problems);
  doc.transact(() => {
    doc.stampLayoutVersion();
    // The id names the document, not its content: importing another playbook's JSON (a template,
    // a copy, an old version) must not rename this one. It is only filled in when missing.
    if (playbook.id !== null && doc.id === null) doc.setId(playbook.id);
    doc.setTitle(playbook.title);
    doc.setDescription(playbook.description);
    doc.setCurrency(playbook.metrics.currency);
    doc.setAttribution(playbook.attribution);
    doc.stages.replaceAll(playbook.stages);
    doc.lifecycle.replaceAll(playbook.lifecycle);
    doc.slas.replaceAll(playbook.slas);
    doc.content.replaceAll(playbook.content);
    doc.personas.replaceAll(playbook.personas);
    doc.roles.replaceAll(playbook.roles);
    doc.responsibilities.replaceAll(playbook.responsibilities);
    doc.metrics.replaceAll(playbook.metrics.periods);
    doc.pages.replaceAll(playbook.pages);
  }, origin);
  return playbook;
}
