import type { StepMeter } from './linearText';

/**
 * Bounds on Markdown given as text (the REST API's `markdown`), checked before it reaches the
 * parser. marked, which @tiptap/markdown parses with, is super-linear in some shapes: emphasis,
 * code and link delimiters within one paragraph (quadratic), columns of one table row (worse), and
 * nested quotes or lists (recursive: thousands of levels overflow the stack). Held under these
 * bounds its cost per paragraph is a constant, so a document costs time linear in its length.
 * No text a person writes comes near them.
 */
export const MARKDOWN_BOUNDS = {
  /** Inline delimiters (`*_~\`[]()<>\`) in one paragraph (text between blank lines); a table's pipes count per row. */
  delimitersPerParagraph: 300,
  /** `|` on one line: a table row's columns. */
  pipesPerLine: 128,
  /** Quote and list markers opening one line (`> - > 1. …`), and leading blanks, i.e. nesting depth. */
  markersPerLine: 16,
  leadingBlanks: 64,
} as const;

const DELIMITERS = new Set(['*', '_', '~', '`', '[', ']', '(', ')', '<', '>', '\\']);

/**
 * Why this Markdown is too complex to parse safely, or undefined when it is within MARKDOWN_BOUNDS.
 * One pass over the text.
 */
export function markdownTooComplex(markdown: string, meter?: StepMeter): string | undefined {
  let delimiters = 0;
  let lineStart = 0;
  for (let end = 0; end <= markdown.length; end++) {
    if (end < markdown.length && markdown[end] !== '\n') continue;
    if (meter) meter.steps += end - lineStart + 1;
    const line = markdown.slice(lineStart, end);
    lineStart = end + 1;
    if (line.trim() === '') {
      delimiters = 0;
      continue;
    }
    let pipes = 0;
    for (const char of line) {
      if (char === '|') pipes++;
      else if (DELIMITERS.has(char)) delimiters++;
    }
    if (delimiters > MARKDOWN_BOUNDS.delimitersPerParagraph) {
      return `a paragraph holds more than ${MARKDOWN_BOUNDS.delimitersPerParagraph} formatting characters (* _ ~ \` [ ] ( ) < > \\)`;
    }
    if (pipes > MARKDOWN_BOUNDS.pipesPerLine) return `a table row has more than ${MARKDOWN_BOUNDS.pipesPerLine} columns`;
    const depth = nesting(line);
    if (depth.blanks > MARKDOWN_BOUNDS.leadingBlanks) return `a line is indented more than ${MARKDOWN_BOUNDS.leadingBlanks} spaces deep`;
    if (depth.markers > MARKDOWN_BOUNDS.markersPerLine)
      return `quotes or lists are nested more than ${MARKDOWN_BOUNDS.markersPerLine} deep`;
  }
  return undefined;
}

/** The leading blanks of a line, and how many quote or list markers open it. */
function nesting(line: string): { blanks: number; markers: number } {
  let i = 0;
  let blanks = 0;
  let markers = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      i++;
      blanks++;
    }
    const c = line[i];
    if (c === '>') i++;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) i++;
    else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (line[j] !== undefined && (line[j] as string) >= '0' && (line[j] as string) <= '9') j++;
      if ((line[j] !== '.' && line[j] !== ')') || (line[j + 1] !== ' ' && line[j + 1] !== undefined)) return { blanks, markers };
      i = j + 1;
    } else return { blanks, markers };
    markers++;
  }
}
