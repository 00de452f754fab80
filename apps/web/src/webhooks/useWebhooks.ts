import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { addWebhook, deleteWebhook, listWebhooks, updateWebhook, type Webhook, type WebhookEvent } from '../api/webhooks';
import { mergeWebhookLists } from './webhookDisplay';

/** The server turns a webhook off after failures in a row; reading the list again now and then shows it without a reload. */
const REFRESH_MS = 10_000;

/** This playbook's webhooks, read again every few seconds; a fresh read merges into the shown list (see mergeWebhookLists). */
export function useWebhooks(playbookId: string) {
  const queryClient = useQueryClient();
  const key = keys.webhooks(playbookId);
  return useQuery({
    queryKey: key,
    queryFn: async () => mergeWebhookLists(queryClient.getQueryData<Webhook[]>(key) ?? null, await listWebhooks(playbookId)),
    refetchInterval: REFRESH_MS,
  });
}

/** Adding, changing and deleting a webhook update the cached list at once, so the list never waits for its next read. */
export function useWebhookMutations(playbookId: string) {
  const queryClient = useQueryClient();
  const key = keys.webhooks(playbookId);
  const patchList = (change: (list: Webhook[]) => Webhook[]) => queryClient.setQueryData<Webhook[]>(key, (list) => change(list ?? []));
  return {
    add: useMutation({
      mutationFn: (input: { url: string; events: WebhookEvent[] }) => addWebhook(playbookId, input),
      onSuccess: ({ secret: _secret, ...webhook }) => patchList((list) => [...list, webhook]),
    }),
    update: useMutation({
      mutationFn: ({ webhookId, patch }: { webhookId: string; patch: Parameters<typeof updateWebhook>[2] }) =>
        updateWebhook(playbookId, webhookId, patch),
      onSuccess: (changed) => patchList((list) => list.map((w) => (w.id === changed.id ? changed : w))),
    }),
    remove: useMutation({
      mutationFn: (webhookId: string) => deleteWebhook(playbookId, webhookId),
      onSuccess: (_nothing, webhookId) => {
        patchList((list) => list.filter((w) => w.id !== webhookId));
        queryClient.removeQueries({ queryKey: keys.deliveries(playbookId, webhookId) });
      },
    }),
  };
}
