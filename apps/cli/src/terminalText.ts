// C0 and C1 control characters (ESC, CSI, BEL, backspace, carriage return …) except tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from the server made safe to print: a label or author name cannot move the cursor, recolour
 * the terminal, rewrite earlier lines or set the window title through escape sequences.
 */
export function terminalText(text: string): string {
  return text.replace(controlCharacters, '');
}
