import type { VersionSummary } from '../api/versions';

/** One day on the timeline, newest first, as the panel lists it. */
export interface TimelineDay {
  /** YYYY-MM-DD in the reader's time zone. */
  key: string;
  /** "Today", "Yesterday" or "Saturday, 21 November 2026". */
  heading: string;
  entries: VersionSummary[];
  /** Checkpoints of this day left out while checkpoints are hidden, so the day does not look emptier than it was. */
  hiddenCheckpoints: number;
}

export interface TimelineOptions {
  showCheckpoints: boolean;
  now: Date;
  locale?: string;
  timeZone?: string;
}

function dayKey(date: Date, timeZone: string | undefined): string {
  // en-CA formats dates as YYYY-MM-DD, which sorts and compares as text.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function previousDay(key: string): string {
  const date = new Date(`${key}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Versions grouped by the day they were saved, newest first. Hidden checkpoints are counted, not
 * dropped silently; the published version always shows, whatever its kind, because it is the one
 * other tools read.
 */
export function groupTimeline(versions: readonly VersionSummary[], options: TimelineOptions): TimelineDay[] {
  const today = dayKey(options.now, options.timeZone);
  const yesterday = previousDay(today);
  const heading = (key: string, sample: Date) => {
    if (key === today) return 'Today';
    if (key === yesterday) return 'Yesterday';
    return new Intl.DateTimeFormat(options.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: options.timeZone,
    }).format(sample);
  };

  const days: TimelineDay[] = [];
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  for (const version of sorted) {
    const date = new Date(version.createdAt);
    const key = dayKey(date, options.timeZone);
    let day = days.at(-1);
    if (!day || day.key !== key) {
      day = { key, heading: heading(key, date), entries: [], hiddenCheckpoints: 0 };
      days.push(day);
    }
    if (version.kind === 'checkpoint' && !version.published && !options.showCheckpoints) day.hiddenCheckpoints++;
    else day.entries.push(version);
  }
  return days;
}

/** "version 3, Q3 kickoff": how buttons and headings name a version. */
export function versionName(version: Pick<VersionSummary, 'number' | 'label'>): string {
  return `version ${version.number}, ${version.label}`;
}
