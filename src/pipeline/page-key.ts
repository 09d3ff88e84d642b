/**
 * What a page's build reads, summarised as one key: when the key is unchanged, the page's layout, PDFs and
 * diagnostics from the last build are still right. A page reads
 *
 * - its own items, overrides, name, number and template (the whole template, as loaded);
 * - the edition's standing data (paper, date, issue) and its number of pages (今日N版 in the masthead);
 * - of the other pages only what page furniture quotes: the headline of each page's lead story (the 导读 of
 *   page 1 lists them; the lead is chosen as layout chooses it, from the items' order and overrides, so those
 *   are in the key too), and every item that may continue across pages in full;
 * - the image files of its photos and ads (size and modification time: a replaced photo is a change);
 * - the loader's diagnostics of the page (layout does not repeat a missing-image warning the loader gave).
 *
 * What the edition asks of the page as built — the stories continued into it from earlier pages, where its own
 * may jump, page 1's 导读 of the pages as built — is added to this key by planEdition (edition.ts), so a change
 * on page 2 that changes what continues onto page 3 lays out page 3 again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Diagnostic } from '../diag/index.js';
import { type LayoutTemplate, orderItems } from '../layout/index.js';
import type { Edition, Page } from '../model/edition.js';

/** What another page contributes to this page: its lead story's headline (the 导读), items that may continue. */
function quoted(p: Page): unknown {
  const lead = orderItems(p.items.filter((it) => !it.overrides?.hold)).find(
    (it) => it.kind === 'article' || it.kind === 'commentary',
  );
  return {
    number: p.number,
    order: p.items.map((it) => [it.id, it.kind, it.overrides ?? null]),
    lead: lead && 'headline' in lead ? [lead.id, lead.headline] : null,
    continuing: p.items.filter((it) => it.overrides?.continueOn !== undefined),
  };
}

function fileStamp(file: string | undefined): string | null {
  if (file === undefined) return null;
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The key of `page` in `edition`: a hash of everything its build reads. */
export function pageKey(
  edition: Edition,
  page: Page,
  template: LayoutTemplate,
  loaderDiagnostics: readonly Diagnostic[],
  salt: string,
): string {
  const { pages, ...standing } = edition;
  const summary = {
    salt,
    standing,
    pageCount: pages.length,
    page,
    others: pages.filter((p) => p !== page).map(quoted),
    template,
    images: page.items.map((it) => ('image' in it ? fileStamp(it.image) : null)),
    diagnostics: loaderDiagnostics.filter((d) => d.at.page === page.number),
  };
  return crypto.createHash('sha256').update(JSON.stringify(summary)).digest('hex');
}
