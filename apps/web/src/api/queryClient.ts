import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './request';

/**
 * The one cache of REST reads. A 4xx answer is an answer (missing, forbidden, invalid), so it is
 * not asked again; a network failure or a 5xx is retried twice, as a flaky connection deserves.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
