import { z } from 'zod';
import { idSchema } from './id';
import { limitedText, TEXT_LIMITS } from './textLimits';

export const PersonaIdSchema = idSchema('PersonaId');
export type PersonaId = z.infer<typeof PersonaIdSchema>;

/** The part a persona plays in the buying team's decision. */
export const BuyingRoleSchema = z.enum(['decision-maker', 'recommender', 'influencer', 'user']);
export type BuyingRole = z.infer<typeof BuyingRoleSchema>;

/** A member of the buying team: who they are, their role in the decision, and what they care about. */
export const PersonaSchema = z.object({
  id: PersonaIdSchema,
  name: limitedText(TEXT_LIMITS.name).default(''),
  buyingRole: BuyingRoleSchema.default('influencer'),
  caresAbout: z.array(limitedText(TEXT_LIMITS.line)).default([]),
});
export type Persona = z.infer<typeof PersonaSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;
