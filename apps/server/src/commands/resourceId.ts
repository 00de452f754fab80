import { customAlphabet } from 'nanoid';

/**
 * A new id for a playbook, token, invitation or webhook: letters and digits only, since people
 * pass these ids to the command line, where one starting with "-" reads as an option.
 */
export const newResourceId: (size?: number) => string = customAlphabet(
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  12,
);
