/** ingest/: newsroom copy, story files and edition files in; the edition model out. */
export { importCopy, importCopyBytes, importCopyFile, COPY_LIMIT_BYTES } from './copy/index.js';
export { itemsToReferenceJson, itemToReference } from './reference.js';
export { normalizePunctuation, foldPunctuation } from './copy/punctuation.js';
export { writeStoryFiles, readStoryFile, storyFileText } from './story.js';
export { loadEdition } from './edition.js';
export { readImageSize, imageSizeOf } from './image-size.js';
