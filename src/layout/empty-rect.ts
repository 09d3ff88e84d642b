/**
 * The largest empty axis-aligned rectangle of a raster of cells (1 = ink), by the histogram method: row by row,
 * the heights of white above each cell, and the largest rectangle under that histogram from a stack of
 * increasing heights. O(cells); typed arrays, so a scan allocates nothing per row.
 */
export interface EmptyRect {
  /** Area in cells. */
  area: number;
  /** Column, row (of its top), width and height in cells. */
  col: number;
  row: number;
  cols: number;
  rows: number;
}

export function largestEmptyRect(full: Uint8Array, W: number, H: number): EmptyRect {
  const h = new Int32Array(W);
  const stack = new Int32Array(W + 1);
  const out: EmptyRect = { area: 0, col: 0, row: 0, cols: 0, rows: 0 };
  for (let r = 0; r < H; r++) {
    const base = r * W;
    for (let c = 0; c < W; c++) h[c] = full[base + c] ? 0 : h[c]! + 1;
    let sp = 0;
    for (let c = 0; c <= W; c++) {
      const cur = c < W ? h[c]! : 0;
      while (sp > 0 && h[stack[sp - 1]!]! >= cur) {
        const top = stack[--sp]!;
        const left = sp > 0 ? stack[sp - 1]! + 1 : 0;
        const a = h[top]! * (c - left);
        if (a > out.area) {
          out.area = a;
          out.col = left;
          out.row = r - h[top]! + 1;
          out.cols = c - left;
          out.rows = h[top]!;
        }
      }
      stack[sp++] = c;
    }
  }
  return out;
}
