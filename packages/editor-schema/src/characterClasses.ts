// Character classes as code-unit tests, for the linear scanners that replace regexes on user text.

/** A space or a tab (`[ \t]`). */
export const isBlank = (code: number) => code === 32 || code === 9;

/** What `\s` matches: ASCII blanks and controls, no-break and the Unicode spaces. */
export const isSpace = (code: number) =>
  code <= 32 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
