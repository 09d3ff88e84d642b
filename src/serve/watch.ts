/**
 * Watching an edition's input files with fs.watch. Each file's folder is watched rather than the file itself:
 * editors save by writing a new file and renaming it over the old one (which ends a watch on the file), and a
 * file that does not exist yet (a photo named in the edition but not delivered) is seen when it arrives.
 * Events for other files in those folders are ignored; a burst of events (one save is often several) is told
 * once, `debounceMs` after the last.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface InputWatcher {
  /** Watch exactly these files from now on (absolute or relative paths). */
  set(files: readonly string[]): void;
  close(): void;
}

export function watchInputs(onChange: (files: string[]) => void, debounceMs: number): InputWatcher {
  /** Folder → names of the watched files in it. */
  let wanted = new Map<string, Set<string>>();
  const watchers = new Map<string, fs.FSWatcher>();
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  const fire = (): void => {
    timer = null;
    const files = [...changed];
    changed = new Set();
    onChange(files);
  };
  const event = (dir: string, name: string | null): void => {
    const names = wanted.get(dir);
    if (!names) return;
    // no name: the platform could not say which file changed; take it as a change of any of them
    if (name !== null && !names.has(name)) return;
    changed.add(name === null ? dir : path.join(dir, name));
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };

  return {
    set(files) {
      wanted = new Map();
      for (const f of files) {
        const abs = path.resolve(f);
        const dir = path.dirname(abs);
        const names = wanted.get(dir) ?? new Set<string>();
        wanted.set(dir, names);
        names.add(path.basename(abs));
      }
      for (const [dir, w] of watchers)
        if (!wanted.has(dir)) {
          w.close();
          watchers.delete(dir);
        }
      for (const dir of wanted.keys()) {
        if (watchers.has(dir)) continue;
        try {
          const w = fs.watch(dir, { persistent: false }, (_type, name) => event(dir, name ? String(name) : null));
          // a folder that goes away ends its watch; it is watched again after the next build if it comes back
          w.on('error', () => {
            w.close();
            watchers.delete(dir);
          });
          watchers.set(dir, w);
        } catch {
          // the folder does not exist (yet): the next set() after a build tries again
        }
      }
    },
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
