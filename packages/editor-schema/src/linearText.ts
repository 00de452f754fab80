import type { JSONContent } from '@tiptap/core';
import { isBlank, isSpace } from './characterClasses';

/** Counts the steps a text function takes (see @fullcourt/playbook's StepMeter). */
export interface StepMeter {
  steps: number;
}

/**
 * Longest run of whitespace @tiptap/markdown's serializer is given inside formatted text. It trims
 * a formatted text node's trailing whitespace with /(\s+)$/, which rescans every whitespace run of
 * the node from each of its characters: quadratic in the run (80,000 spaces in bold took seconds).
 */
const MAX_RUN = 16;

const isNewline = (code: number) => code === 10 || code === 13;

/** A document prepared for the serializer, and what to put back into its output. */
export interface LinearizedDoc {
  doc: JSONContent;
  /** Stands for each long whitespace run taken out of formatted text, in document order. */
  placeholder: string;
  runs: string[];
}

/**
 * The document reshaped so that @tiptap/markdown's serializer does linear work on it:
 * - inside formatted text, each interior whitespace run longer than MAX_RUN is replaced by a
 *   placeholder character (put back by restoreRuns), so the serializer only ever rescans short runs;
 *   a run holding line breaks there, which the editor never writes (Enter starts a paragraph), is
 *   written as one line break;
 * - inside table cells, whitespace runs are shortened the way the table writer would collapse them
 *   anyway, but before its `[ \t]*\r?\n[ \t]*` replace rescans them from every start.
 * Everything else is unchanged, so the Markdown is the same (the markdown tests compare).
 * Iterative, so a deeply nested document costs no stack here.
 */
export function linearizeForMarkdown(doc: JSONContent, meter?: StepMeter): LinearizedDoc {
  const placeholder = unusedPlaceholder(doc, meter);
  const runs: string[] = [];
  const root: JSONContent = { ...doc };
  const stack: { node: JSONContent; inCell: boolean }[] = [{ node: root, inCell: false }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, inCell } = next;
    if (meter) meter.steps++;
    if (!Array.isArray(node.content)) continue;
    const content: JSONContent[] = [];
    const blocks: { node: JSONContent; inCell: boolean }[] = [];
    for (const child of node.content) {
      if (meter) meter.steps++;
      if (child?.type === 'text' && typeof child.text === 'string') {
        let text = inCell ? shortenCellRuns(child.text, meter) : child.text;
        if (!inCell && child.marks && child.marks.length > 0) text = takeOutLongRuns(text, placeholder, runs, meter);
        content.push(text === child.text ? child : { ...child, text });
        continue;
      }
      const copy = { ...child };
      content.push(copy);
      blocks.push({ node: copy, inCell: inCell || child?.type === 'tableCell' || child?.type === 'tableHeader' });
    }
    node.content = content;
    // Pushed last-first so blocks are visited, and runs recorded, in document order.
    for (let i = blocks.length - 1; i >= 0; i--) stack.push(blocks[i] as { node: JSONContent; inCell: boolean });
  }
  return { doc: root, placeholder, runs };
}

/** Puts the runs linearizeForMarkdown took out back into the serializer's output. */
export function restoreRuns(markdown: string, { placeholder, runs }: LinearizedDoc, meter?: StepMeter): string {
  if (runs.length === 0) return markdown;
  const pieces = markdown.split(placeholder);
  if (meter) meter.steps += markdown.length;
  let out = pieces[0] as string;
  for (let i = 1; i < pieces.length; i++) out += (runs[i - 1] ?? ' ') + pieces[i];
  return out;
}

/** A private-use character that no text of the document holds. */
function unusedPlaceholder(doc: JSONContent, meter?: StepMeter): string {
  const used = new Set<number>();
  const stack: JSONContent[] = [doc];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (typeof node.text === 'string') {
      for (let i = 0; i < node.text.length; i++) {
        const code = node.text.charCodeAt(i);
        if (code >= 0xe000 && code <= 0xf8ff) used.add(code);
      }
      if (meter) meter.steps += node.text.length;
    }
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  let code = 0xe000;
  while (used.has(code)) code++;
  return String.fromCharCode(code);
}

/** Replaces each interior whitespace run longer than MAX_RUN by the placeholder, recording it in `runs`. */
function takeOutLongRuns(text: string, placeholder: string, runs: string[], meter?: StepMeter): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (meter) meter.steps++;
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    let newline = false;
    while (end < text.length && isSpace(text.charCodeAt(end))) newline = isNewline(text.charCodeAt(end++)) || newline;
    if (meter) meter.steps += end - i;
    // Leading and trailing runs are the serializer's to move outside the marks, and it does so cheaply.
    if (end - i > MAX_RUN && i > 0 && end < text.length) {
      out += text.slice(from, i) + (newline ? '\n' : placeholder);
      if (!newline) runs.push(text.slice(i, end));
      from = end;
    }
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Each stretch of spaces and other blanks between line breaks shortened to what the table writer
 * makes of it (blanks next to a line break go with it, the rest become one space): at most a
 * space, one other blank (as the first of them), and a space.
 */
function shortenCellRuns(text: string, meter?: StepMeter): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (meter) meter.steps++;
    const code = text.charCodeAt(i);
    if (!isSpace(code) || isNewline(code)) {
      i++;
      continue;
    }
    let end = i;
    let other = '';
    while (end < text.length && isSpace(text.charCodeAt(end)) && !isNewline(text.charCodeAt(end))) {
      if (!other && !isBlank(text.charCodeAt(end))) other = text[end] as string;
      end++;
    }
    if (meter) meter.steps += end - i;
    if (end - i > 1) {
      const short = other ? `${isBlank(code) ? ' ' : ''}${other}${isBlank(text.charCodeAt(end - 1)) ? ' ' : ''}` : ' ';
      out += text.slice(from, i) + short;
      from = end;
    }
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `text` without trailing whitespace, scanning back from the end once (a /\s+$/ rescans every run: quadratic). */
export function trimEndLinear(text: string, meter?: StepMeter): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (meter) meter.steps += text.length - end + 1;
  return end === text.length ? text : text.slice(0, end);
}
