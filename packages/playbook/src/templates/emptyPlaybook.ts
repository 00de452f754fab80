import type { PlaybookInput } from '../records/Playbook';
import { defaultLifecycle, defaultRoles } from './defaultLifecycle';

/** A new blank playbook: the default lifecycle and roles, nothing else. */
export function emptyPlaybook(): PlaybookInput {
  return {
    title: 'Untitled playbook',
    lifecycle: defaultLifecycle(),
    roles: defaultRoles(),
  };
}
