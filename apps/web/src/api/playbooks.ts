import { ApiError, request } from './request';

/** The server's playbook summary, as GET /api/playbooks returns it. */
export interface PlaybookSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** What a new playbook starts from. */
export type PlaybookTemplate = 'empty' | 'starter';

export const listPlaybooks = () => request<{ items: PlaybookSummary[] }>('/api/playbooks').then((r) => r.items);

/**
 * Creates a playbook. A server that does not know templates yet rejects the field; the playbook is
 * then created without it and the app fills the template in on first open (see useTemplateSeed).
 */
export async function createPlaybook(title: string, template: PlaybookTemplate): Promise<PlaybookSummary> {
  const post = (body: object) => request<PlaybookSummary>('/api/playbooks', { method: 'POST', body: JSON.stringify(body) });
  try {
    return await post({ title, template });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && error.fieldErrors.some((e) => e.field === 'template')) {
      return post({ title });
    }
    throw error;
  }
}
