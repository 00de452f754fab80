import type { VersionRef } from './versions';

/**
 * Every REST read's cache key, in one place so a mutation invalidates exactly what it changed.
 * Keys nest: invalidating `playbook(id)` refreshes everything read about that playbook.
 */
export const keys = {
  playbooks: ['playbook-list'] as const,
  playbook: (playbookId: string) => ['playbooks', playbookId] as const,
  versions: (playbookId: string) => ['playbooks', playbookId, 'versions'] as const,
  published: (playbookId: string) => ['playbooks', playbookId, 'versions', 'published'] as const,
  version: (playbookId: string, number: number) => ['playbooks', playbookId, 'version', number] as const,
  diffs: (playbookId: string) => ['playbooks', playbookId, 'diff'] as const,
  diff: (playbookId: string, from: VersionRef, to: VersionRef) => ['playbooks', playbookId, 'diff', from, to] as const,
  sharing: (playbookId: string) => ['playbooks', playbookId, 'access'] as const,
  webhooks: (playbookId: string) => ['playbooks', playbookId, 'webhooks'] as const,
  deliveries: (playbookId: string, webhookId: string) => ['playbooks', playbookId, 'webhooks', webhookId, 'deliveries'] as const,
  people: ['people'] as const,
  teams: ['teams'] as const,
  trash: ['trash'] as const,
  tokens: ['tokens'] as const,
  sessions: ['sessions'] as const,
  audit: ['audit'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};
