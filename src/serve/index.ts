/**
 * `banmian preview`: the night desk's live view. A server on 127.0.0.1 builds the edition, serves the view
 * and the build's outputs, watches every input and pushes each rebuild to the open browser page.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DiagnosticError } from '../diag/index.js';
import type { PdfStandard } from '../pipeline/index.js';
import { EventHub } from './events.js';
import { createServer } from './server.js';
import { PreviewSession, type SessionEvent } from './session.js';

export type { SessionEvent } from './session.js';
export type { ViewState, ViewPage } from './state.js';
export { resolveUnder } from './paths.js';

/** The view's HTML, CSS and JavaScript: src/serve/view (dist/serve → ../../src/serve/view). */
export const VIEW_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'serve', 'view');

export interface PreviewOptions {
  outDir: string;
  /** 0: any free port. */
  port: number;
  /** Over the edition's and template's print settings, as for `banmian build`. */
  standard?: PdfStandard;
  profile?: string;
  /** Quiet time after a file event before rebuilding, ms (default 30). */
  debounceMs?: number;
  onEvent?: (e: SessionEvent) => void;
}

export interface PreviewServer {
  url: string;
  session: PreviewSession;
  close(): Promise<void>;
}

/** Build the edition, then serve it on 127.0.0.1 and rebuild on every change of its inputs. */
export async function startPreview(editionFile: string, opts: PreviewOptions): Promise<PreviewServer> {
  // The session builds and watches; the hub pushes its state to every open view.
  const hub = new EventHub();
  const session = new PreviewSession(
    editionFile,
    {
      outDir: opts.outDir,
      ...(opts.standard ? { standard: opts.standard } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      debounceMs: opts.debounceMs ?? 30,
      ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
    },
    // a rebuild starting is sent as a small `status` event: the views need not redraw (nor parse) the report
    (s, only) => (only === 'status' ? hub.send({ seq: s.seq, status: s.status }, 'status') : hub.send(s)),
  );
  // The first build, so that the first view has pages (a failed one shows its error instead; a problem of the
  // machine, which no edit of the edition mends, stops the preview).
  await session.rebuild();
  if (session.startError) {
    session.close();
    throw session.startError;
  }
  // Listen on loopback only.
  const server = createServer(session, hub, { outDir: opts.outDir, viewDir: VIEW_DIR });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      session.close();
      if (e.code === 'EADDRINUSE')
        reject(
          new DiagnosticError([
            {
              severity: 'error',
              code: 'port-in-use',
              message: `port ${opts.port} on 127.0.0.1 is already in use`,
              at: {},
              hint: 'give another port with --port N (or --port 0 for any free one)',
            },
          ]),
        );
      else reject(e);
    });
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    session,
    close: async () => {
      session.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
