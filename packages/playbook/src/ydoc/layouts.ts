import { z } from 'zod';
import type { BuyerStage } from '../records/BuyerStage';
import { StageIdSchema } from '../records/BuyerStage';
import type { ContentAsset } from '../records/ContentAsset';
import { AssetFormatSchema, isHttpUrl } from '../records/ContentAsset';
import { ClockSchema, IsoDateSchema, IsoDurationSchema } from '../records/Duration';
import type { LeadState } from '../records/LeadState';
import { LeadStateIdSchema } from '../records/LeadState';
import type { MetricPeriod } from '../records/MetricPeriod';
import type { Page } from '../records/Page';
import type { Persona } from '../records/Persona';
import { BuyingRoleSchema, PersonaIdSchema } from '../records/Persona';
import type { Responsibility } from '../records/Responsibility';
import { RaciLetterSchema } from '../records/Responsibility';
import type { Role } from '../records/Role';
import { RoleIdSchema } from '../records/Role';
import type { Sla } from '../records/Sla';
import { VolumeSchema } from '../records/Sla';
import { TeamSchema } from '../records/Team';
import { groupField, type Layout, textField, valueField } from './field';
import { idRecordField, idSetField, textListField } from './listFields';
import { richField } from './richField';

// How each record's fields are stored. The shapes come from the zod records; `Layout<T>` makes the
// compiler insist that every field has a storage here, so the two cannot drift apart.

const count = z.number().int().nonnegative();
const nullableCount = count.nullable();
const nullableAmount = z.number().nonnegative().nullable();

export const stageLayout: Layout<BuyerStage> = {
  name: textField(),
  goal: textField(),
  entryCriteria: textListField(),
  exitSignals: textListField(),
  owner: valueField(TeamSchema, 'shared'),
  plays: groupField({ marketing: textListField(), sales: textListField() }),
  notes: richField(),
};

export const leadStateLayout: Layout<LeadState> = {
  name: textField(),
  definition: textField(),
  bant: groupField({ budget: textField(), authority: textField(), need: textField(), timeline: textField() }),
  scoreThreshold: valueField(nullableCount, null),
  owner: valueField(TeamSchema, 'marketing'),
};

export const slaLayout: Layout<Sla> = {
  from: valueField(LeadStateIdSchema.nullable(), null),
  to: valueField(LeadStateIdSchema.nullable(), null),
  owner: valueField(TeamSchema, 'sales'),
  responseTime: groupField({ duration: valueField(IsoDurationSchema, 'PT24H'), clock: valueField(ClockSchema, 'business') }),
  followUp: groupField({ attempts: valueField(count, 0), window: valueField(IsoDurationSchema, 'P10D') }),
  feedback: groupField({ rejectWithin: valueField(IsoDurationSchema, 'P2D'), reasons: textListField() }),
  volume: valueField(VolumeSchema.nullable(), null),
};

export const assetLayout: Layout<ContentAsset> = {
  title: textField(),
  // Editors type the URL character by character; until it is an http(s) URL it reads as none,
  // so no reader, export or webhook ever passes on a javascript: or half-typed link.
  url: textField((url) => (isHttpUrl(url) ? url : '')),
  format: valueField(AssetFormatSchema, 'other'),
  owner: textField(),
  lastReviewed: valueField(IsoDateSchema.nullable(), null),
  reviewBy: valueField(IsoDateSchema.nullable(), null),
  stageIds: idSetField(StageIdSchema),
  personaIds: idSetField(PersonaIdSchema),
};

export const personaLayout: Layout<Persona> = {
  name: textField(),
  buyingRole: valueField(BuyingRoleSchema, 'influencer'),
  caresAbout: textListField(),
};

export const roleLayout: Layout<Role> = {
  name: textField(),
};

export const responsibilityLayout: Layout<Responsibility> = {
  activity: textField(),
  raci: idRecordField(RoleIdSchema, RaciLetterSchema),
};

export const metricPeriodLayout: Layout<MetricPeriod> = {
  period: textField(),
  leads: groupField({ predicted: valueField(nullableCount, null), actual: valueField(nullableCount, null) }),
  revenue: groupField({ forecast: valueField(nullableAmount, null), actual: valueField(nullableAmount, null) }),
  costPerClose: valueField(nullableAmount, null),
  closesBySource: groupField({
    sales: valueField(nullableCount, null),
    marketing: valueField(nullableCount, null),
    community: valueField(nullableCount, null),
  }),
};

export const pageLayout: Layout<Page> = {
  title: textField(),
  body: richField(),
};
