/**
 * An image cache that outlives display lists: pdf/'s cache is keyed by ImageOp, so a page painted again (an
 * incremental rebuild) would convert its photos again. This one keys each op by what the conversion reads (the
 * file, its size and modification time, the frame and the fit), so a photo is converted once per change of the
 * file or its frame, however often its page is rebuilt.
 */
import fs from 'node:fs';
import type { ImageOp } from '../paint/display.js';
import type { ImageCache } from '../pdf/index.js';

type Conversion = ImageCache extends WeakMap<ImageOp, infer V> ? V : never;

const keyOf = (op: ImageOp): string => {
  let stamp = 'missing';
  try {
    const st = fs.statSync(op.src);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    // a missing file has its own key: when it appears, the key changes
  }
  return JSON.stringify([op.src, stamp, op.w, op.h, op.fit]);
};

/** Conversions kept: enough for every photo of a 16-page edition in two frame sizes; the oldest go first. */
const KEEP = 128;

class ContentImageCache extends WeakMap<ImageOp, Conversion> {
  private readonly byContent = new Map<string, Conversion>();
  override get(op: ImageOp): Conversion | undefined {
    const k = keyOf(op);
    const v = this.byContent.get(k);
    if (v) {
      // most recently used last
      this.byContent.delete(k);
      this.byContent.set(k, v);
    }
    return v;
  }
  override has(op: ImageOp): boolean {
    return this.byContent.has(keyOf(op));
  }
  override set(op: ImageOp, v: Conversion): this {
    this.byContent.set(keyOf(op), v);
    for (const k of this.byContent.keys()) {
      if (this.byContent.size <= KEEP) break;
      this.byContent.delete(k);
    }
    return this;
  }
  override delete(op: ImageOp): boolean {
    return this.byContent.delete(keyOf(op));
  }
}

/** A cache for every build of one edition (e.g. the preview server's). */
export function contentImageCache(): ImageCache {
  return new ContentImageCache();
}
