import { z } from 'zod';
import { PlaybookSchema } from '../records/Playbook';

/**
 * The JSON Schema of canonical playbook JSON, derived from the zod schema. `output` (default)
 * describes what toJSON returns, every field present; `input` what applyJSON accepts, with
 * defaulted fields optional.
 */
export function playbookJsonSchema(io: 'output' | 'input' = 'output'): Record<string, unknown> {
  return z.toJSONSchema(PlaybookSchema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}
