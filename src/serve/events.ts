/**
 * Server-sent events (HTML Living Standard §9.2): every open view holds one `GET /events` response open and
 * is sent the view state whenever it changes, so a page updates without a reload. A comment line every 15 s
 * keeps idle connections open; the browser reconnects by itself after `retry` ms if one drops.
 */
import type http from 'node:http';

export class EventHub {
  private readonly clients = new Set<http.ServerResponse>();
  private readonly ping: NodeJS.Timeout;

  constructor() {
    this.ping = setInterval(() => {
      for (const c of this.clients) c.write(': ping\n\n');
    }, 15_000);
    this.ping.unref();
  }

  /** Hold `res` open as an event stream; `first` is sent at once (the current state). */
  open(req: http.IncomingMessage, res: http.ServerResponse, first: unknown): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 1000\n\n');
    res.write(frame(first));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /** Send `data` to every open view, as a `message` event or as the named `event`. */
  send(data: unknown, event?: string): void {
    const f = frame(data, event);
    for (const c of this.clients) c.write(f);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.ping);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

/** One event (`message` unless named); JSON has no raw newlines, so the data fits one `data:` line. */
const frame = (data: unknown, event?: string): string =>
  `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
