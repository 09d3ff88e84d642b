/** One module kind per file; makeModule picks the kind for an item. */
import type { Item } from '../../model/edition.js';
import { BoxModule } from './box.js';
import { BriefsModule } from './briefs.js';
import { ListModule } from './list.js';
import { NoticeModule } from './notice.js';
import { PhotoModule } from './photo.js';
import type { Incoming, ModuleContext, ModuleSpec, Rank } from './spec.js';
import { StoryModule } from './story.js';
import { TableModule } from './table.js';

export type { BuildResult, HeadBand, Incoming, ModuleContext, ModuleSpec, Place, Rank, Shape } from './spec.js';
export { subheadText } from './head.js';
export { shared } from './spec.js';
export { BoxModule, PhotoModule, StoryModule };

export function makeModule(ctx: ModuleContext, item: Item, order: number, rank: Rank | null): ModuleSpec {
  switch (item.kind) {
    case 'article':
    case 'commentary':
      return new StoryModule(ctx, item, order, rank ?? (item.kind === 'commentary' ? 'commentary' : 'other'));
    case 'photo':
      return new PhotoModule(ctx, item, order);
    case 'ad':
    case 'weather':
      return new BoxModule(ctx, item, order);
    case 'notice':
      return new NoticeModule(ctx, item, order);
    case 'list':
      return new ListModule(ctx, item, order);
    case 'table':
      return new TableModule(ctx, item, order);
    case 'briefs':
      return new BriefsModule(ctx, item, order);
  }
}

/** The module of a story continued here from an earlier page. */
export function continuationModule(ctx: ModuleContext, part: Incoming, order: number): ModuleSpec {
  return new StoryModule(ctx, part.item, order, 'continued', part);
}
