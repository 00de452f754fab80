import { type Finding, type Playbook, validate } from '@fullcourt/playbook';
import { localToday } from '../app/today';
import type { PlaybookState } from './playbookStore';

/** The canonical JSON the validator expects, from a render snapshot (attribution is free text it does not check). */
export function snapshotToPlaybook(state: PlaybookState): Playbook {
  return {
    id: null,
    title: state.title,
    description: state.description,
    stages: state.stages,
    lifecycle: state.lifecycle,
    slas: state.slas,
    content: state.content,
    personas: state.personas,
    roles: state.roles,
    responsibilities: state.responsibilities,
    metrics: { currency: state.currency, periods: state.metrics },
    attribution: { markdown: '' },
    pages: state.pages,
  };
}

/**
 * Validator findings for the latest snapshot. Validation parses the whole playbook, so it runs a
 * moment after typing pauses rather than on every keystroke; the validator never throws.
 */
export class FindingsStore {
  private findings: Finding[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly read: () => PlaybookState,
    subscribeToState: (listener: () => void) => () => void,
    private readonly delayMs = 200,
  ) {
    this.unsubscribe = subscribeToState(() => this.schedule());
    this.run();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Finding[] => this.findings;

  destroy(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.delayMs);
  }

  private run(): void {
    this.findings = validate(snapshotToPlaybook(this.read()), { today: localToday() });
    for (const listener of this.listeners) listener();
  }
}
