import { Hono } from 'hono';
import { type FeedReader, feedFrames, followPlaybook } from '../../../commands/readerFeeds';
import type { Services } from '../../../commands/services';
import type { Actor } from '../../../identity/actor';
import type { AppEnv } from '../../env';

/**
 * GET /api/playbooks/:id/events: the live playbook as server-sent events for the reader page
 * (`event: playbook`, data the canonical JSON, once on opening and after each change;
 * `event: denied` when access ends). The web app's own route, not part of /api/v1.
 */
export function readerFeedRoutes(services: Services) {
  return new Hono<AppEnv>().get('/playbooks/:id/events', async (c) => {
    const reader = new StreamedReader(c.var.actor, c.req.param('id'));
    reader.stop = await followPlaybook(services, reader, c.var.clientAddress);
    return c.body(reader.stream, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Proxies such as nginx would otherwise hold the frames back.
      'X-Accel-Buffering': 'no',
    });
  });
}

/**
 * A reader as a response body that is pulled, not pushed: Node takes the next chunk only once
 * the socket has drained the last, and until then a newer frame simply replaces the waiting one.
 */
class StreamedReader implements FeedReader {
  /** Detaches from the feed; set once the feed accepted the reader. */
  stop: () => void = () => {};
  readonly stream: ReadableStream<Uint8Array>;
  private pending: Uint8Array | undefined = feedFrames.hello;
  private ending = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly actor: Actor,
    readonly playbookId: string,
  ) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => this.pull(controller),
        cancel: () => this.finish(),
      },
      { highWaterMark: 0 },
    );
  }

  push(frame: Uint8Array): void {
    if (this.ending) return;
    this.pending = frame;
    this.wake?.();
  }

  ping(): void {
    if (!this.pending) this.push(feedFrames.ping);
  }

  end(frame?: Uint8Array): void {
    if (this.ending) return;
    if (frame) this.pending = frame;
    this.ending = true;
    this.wake?.();
  }

  private async pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    while (!this.pending && !this.ending) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    const frame = this.pending;
    this.pending = undefined;
    if (frame) controller.enqueue(frame);
    if (this.ending && !this.pending) {
      controller.close();
      this.finish();
    }
  }

  private finish(): void {
    this.ending = true;
    this.stop();
  }
}
