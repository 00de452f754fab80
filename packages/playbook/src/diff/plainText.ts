import { isBlank, isSpace } from '@fullcourt/editor-schema';
/**
 * Counts the steps a text function takes (characters looked at, words compared), for tests that
 * check cost grows linearly with the input. Functions that take one add to it as they go.
 */
export interface StepMeter {
  steps: number;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
// A letter, digit or `_` in any script: the edges of a word, for telling emphasis marks from snake_case.
const isWordChar = (char: string | undefined) => char !== undefined && (char === '_' || /[\p{L}\p{N}]/u.test(char));

/**
 * Markdown reduced to the words a reader sees: no heading marks, bullets, quote marks, task
 * boxes, emphasis, code marks, table pipes or link targets; one line per line. A single pass over
 * each line that never looks back, so its cost is linear in the text whatever it holds (no
 * regular expression here can rescan a long run of spaces or brackets from every start).
 */
export function plainText(markdown: string, meter?: StepMeter): string {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (meter) meter.steps++;
    const start = skipPrefix(line, meter);
    if (start < 0) continue; // a code fence line
    if (isTableRule(line, start, meter)) {
      out.push('');
      continue;
    }
    out.push(inlineText(line, start, meter));
  }
  return out.join('\n');
}

/** Where a line's text starts after its block marker (heading, quote, bullet, number, task box); -1 for a code fence. */
function skipPrefix(line: string, meter: StepMeter | undefined): number {
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (meter) meter.steps += i;
  if (line.startsWith('```', i)) return -1;
  const marker = i;
  const c = line[i];
  if (c === '#') {
    while (line[i] === '#' && i - marker < 7) i++;
    if (i - marker > 6) return marker;
  } else if (c === '>') {
    i++;
  } else if (c === '-' || c === '*' || c === '+') {
    i++;
    // A task box: "- [ ] " or "- [x] ".
    let j = i;
    while (j < line.length && isBlank(line.charCodeAt(j))) j++;
    if (j > i && line[j] === '[' && (line[j + 1] === ' ' || line[j + 1] === 'x' || line[j + 1] === 'X') && line[j + 2] === ']') i = j + 3;
    if (meter) meter.steps += j - i + 3;
  } else if (isDigit(line.charCodeAt(i))) {
    while (isDigit(line.charCodeAt(i))) i++;
    if (line[i] !== '.' && line[i] !== ')') return marker;
    i++;
  } else {
    return marker;
  }
  // A marker counts only when followed by a space; "#hashtag" and "-5%" are words.
  if (!isBlank(line.charCodeAt(i))) return marker;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (meter) meter.steps += i - marker;
  return i;
}

/** A table's header rule, "| --- | :---: |". */
function isTableRule(line: string, start: number, meter: StepMeter | undefined): boolean {
  let dashes = 0;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (meter) meter.steps++;
    if (c === '-') dashes++;
    else if (c !== '|' && c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return dashes >= 3;
}

/** The words of one line's inline Markdown: links read as their text, marks and pipes dropped. */
function inlineText(line: string, start: number, meter: StepMeter | undefined): string {
  let out = '';
  // Where the next "]" and ")" are, found at most once per position: looking for them afresh from
  // every "[" would make a line of brackets quadratic.
  let close = -1;
  let paren = -1;
  const next = (char: string, from: number, known: number) => {
    if (known === Number.POSITIVE_INFINITY || known >= from) return known;
    const found = line.indexOf(char, from);
    if (meter) meter.steps += (found < 0 ? line.length : found) - from + 1;
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  for (let i = start; i < line.length; i++) {
    if (meter) meter.steps++;
    const c = line[i] as string;
    if (c === '[' || (c === '!' && line[i + 1] === '[')) {
      const open = c === '!' ? i + 1 : i;
      close = next(']', open + 1, close);
      if (close !== Number.POSITIVE_INFINITY && line[close + 1] === '(') {
        paren = next(')', close + 2, paren);
        if (paren !== Number.POSITIVE_INFINITY) {
          // The link text is read on as usual (it may hold emphasis); the target is skipped.
          out += inlineText(line.slice(open + 1, close), 0, meter);
          i = paren;
          continue;
        }
      }
      out += c;
      continue;
    }
    if ((c === '*' || c === '_' || c === '~') && line[i + 1] === c) {
      i++; // "**", "__", "~~"
      continue;
    }
    if (c === '`') continue;
    if (c === '|') {
      out += ' ';
      continue;
    }
    if (c === '&' && line.startsWith('&nbsp;', i)) {
      out += ' ';
      i += 5;
      continue;
    }
    if ((c === '*' || c === '_') && isEmphasisMark(line, i)) continue;
    out += c;
  }
  return out;
}

/** A single `*` or `_` that opens or closes emphasis (at a word's edge), not one inside a word like snake_case. */
function isEmphasisMark(line: string, i: number): boolean {
  const before = line[i - 1];
  const after = line[i + 1];
  const opens = !isWordChar(before) && after !== undefined && after !== ' ' && after !== '\t';
  const closes = !isWordChar(after) && before !== undefined && before !== ' ' && before !== '\t';
  return opens || closes;
}

/**
 * The words of a plain text, with PARAGRAPH between lines that hold words. A single pass; the
 * words of a huge text are many but each is looked at once.
 */
export function words(text: string, paragraph: string, meter?: StepMeter): string[] {
  const tokens: string[] = [];
  let word = -1;
  let lineHasWords = false;
  for (let i = 0; i <= text.length; i++) {
    if (meter) meter.steps++;
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (!isSpace(code)) {
      if (word < 0) word = i;
      continue;
    }
    if (word >= 0) {
      if (!lineHasWords && tokens.length > 0) tokens.push(paragraph);
      tokens.push(text.slice(word, i));
      lineHasWords = true;
      word = -1;
    }
    if (code === 10) lineHasWords = false;
  }
  return tokens;
}
