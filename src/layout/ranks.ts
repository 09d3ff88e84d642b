/**
 * Make-up order and story ranks. Order: explicit priorities first, then copy order; the first story leads unless
 * a priority says otherwise. Rank follows order AND length (doc §6.1 headline scale): the lead, the next
 * `secondary.count` stories, the rest; a story no longer than `heads.brief.maxChars` is a 简讯 whatever its
 * place (a small head over 1–2 columns), and never the lead.
 */
import { type Diagnostic, diagnostic } from '../diag/index.js';
import type { Item, StoryItem } from '../model/edition.js';
import type { Rank } from './modules/index.js';
import type { LayoutTemplate } from './template.js';

const isStory = (it: Item): it is StoryItem => it.kind === 'article' || it.kind === 'commentary';

export function orderItems(items: Item[]): Item[] {
  // Ads come last: booked space is set around the copy, at the foot (an explicit priority still counts).
  const keyed = items.map((it, i) => ({
    it,
    key: it.overrides?.priority ?? (it.kind === 'ad' ? 2000 : 1000) + i,
    explicit: it.overrides?.priority !== undefined,
  }));
  keyed.sort((a, b) => a.key - b.key);
  const first = keyed[0];
  if (first && !isStory(first.it) && !first.explicit) {
    const k = keyed.findIndex((x) => isStory(x.it));
    if (k > 0) keyed.unshift(...keyed.splice(k, 1));
  }
  return keyed.map((x) => x.it);
}

/** Characters of a story's body (what its rank by length counts). */
export function bodyChars(it: StoryItem): number {
  return it.paragraphs.reduce((a, p) => a + Array.from(p.replace(/\s/g, '')).length, 0);
}

/** The rank of every item in make-up order (null for items that are not stories), with warnings. */
export function assignRanks(
  ordered: Item[],
  t: LayoutTemplate,
  page: number,
): { ranks: Array<Rank | null>; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const brief = t.heads.brief.maxChars;
  const ranks: Array<Rank | null> = ordered.map(() => null);
  let lead = -1;
  ordered.forEach((it, i) => {
    if (it.kind === 'commentary') ranks[i] = 'commentary';
    else if (it.kind === 'article' && bodyChars(it) <= brief) ranks[i] = 'brief';
  });
  // The lead carries legs of minLeg lines under a head over its rank's narrowest width: a story too short for that
  // is not the lead (the next one is).
  const leadMin = Math.min(t.heads.lead.spans[0], t.grid.columns) * t.body.minLeg * t.grid.columnChars;
  // A page whose first story is a commentary (an opinion page) has no news lead: its articles rank after it.
  const firstStory = ordered.find(isStory);
  if (firstStory?.kind === 'article') {
    lead = ordered.findIndex((it, i) => it.kind === 'article' && ranks[i] === null && bodyChars(it) >= leadMin);
  }
  let secondary = 0;
  ordered.forEach((it, i) => {
    if (it.kind !== 'article' || ranks[i] !== null) return;
    if (i === lead) ranks[i] = 'lead';
    else if (secondary < t.heads.secondary.count) {
      ranks[i] = 'secondary';
      secondary++;
    } else ranks[i] = 'other';
  });
  const first = ordered[0];
  if (first && isStory(first) && first.overrides?.priority === 1 && ranks[0] !== 'lead' && first.kind === 'article')
    diags.push(
      diagnostic(
        'lead-too-short',
        `${first.id} has priority 1 but only ${bodyChars(first)} characters: it is set as a brief (简讯), ${lead >= 0 ? ordered[lead]!.id : 'no story'} leads the page`,
        { page, item: first.id },
        `give the lead story more copy (over ${brief} characters), or give priority 1 to a longer story`,
      ),
    );
  const ones = ordered.filter((it) => it.overrides?.priority === 1);
  if (ones.length > 1)
    diags.push(
      diagnostic(
        'priority-duplicate',
        `${ones.length} items have priority 1 on page ${page} (${ones.map((x) => x.id).join(', ')}); ${ones[0]!.id} leads`,
        { page, item: ones[1]!.id },
        'give one story priority 1 and the others 2, 3, …',
      ),
    );
  return { ranks, diags };
}
