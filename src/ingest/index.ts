/** ingest/: newsroom copy, story files and edition files in; the edition model out. */
export { importCopy } from './copy.js';
export { itemsToReferenceJson, itemToReference } from './reference.js';
export { checkNoLoss, itemTexts, type LossReport } from './check.js';
export { normalizePunctuation, foldPunctuation } from './normalize.js';
export { writeStoryFiles, readStoryFile, storyFileText } from './story.js';
export { loadEdition } from './edition.js';
export { readImageSize, imageSizeOf } from './image-size.js';
