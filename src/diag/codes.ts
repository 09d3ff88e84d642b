/**
 * Every diagnostics code the engine raises, once: its severity, the stage that owns it (the `src/` folder whose
 * code raises it, and no other) and what it means. A code has one severity; a problem that can be worse or
 * milder gets two codes. `tests/diag-codes.test.ts` ties this table to every code used under `src/` and to the
 * README's table, which `npm run docs:codes` writes from it.
 */
import type { Severity } from './index.js';

/** The `src/` folder that raises a code. */
export type Stage = 'diag' | 'commands' | 'ingest' | 'fonts' | 'text' | 'layout' | 'pdf' | 'pipeline' | 'serve';

export interface CodeInfo {
  readonly severity: Severity;
  readonly stage: Stage;
  /** Its short Chinese name, shown in the live preview beside the code. */
  readonly label: string;
  /** One line: what happened, as the editor or the operator would put it. */
  readonly meaning: string;
}

export const CODES = {
  // commands: what the command line was given
  'input-missing': {
    label: '输入文件不存在',
    severity: 'error',
    stage: 'commands',
    meaning: 'the input file named on the command line does not exist',
  },
  'input-is-directory': {
    label: '输入是文件夹',
    severity: 'error',
    stage: 'commands',
    meaning: 'the input named on the command line is a folder, not a file',
  },

  // ingest: reading the edition, story files and copy
  'input-encoding': {
    label: '编码无法识别',
    severity: 'error',
    stage: 'ingest',
    meaning: 'the copy is damaged: a byte sequence cannot be read in its encoding (byte offset and line given)',
  },
  'input-too-large': {
    severity: 'error',
    stage: 'ingest',
    label: '输入文件过大',
    meaning: 'the copy file is larger than one page of copy may be (size and limit given)',
  },
  'input-binary': {
    severity: 'error',
    stage: 'ingest',
    label: '输入不是文本',
    meaning: 'the copy is an archive, a document or other binary data, not text',
  },
  'input-truncated': {
    severity: 'error',
    stage: 'ingest',
    label: '文件被截断',
    meaning: 'the copy ends in the middle of a character (byte offset and line given)',
  },
  'input-encoding-assumed': {
    severity: 'info',
    stage: 'ingest',
    label: '编码已推定',
    meaning: 'the copy had no byte-order mark and was read as GB18030 or UTF-16: check it reads right',
  },
  'input-replacement-char': {
    severity: 'warning',
    stage: 'ingest',
    label: '含替换字符',
    meaning: 'the copy holds U+FFFD: a character was lost before the file reached us',
  },
  'story-exists': {
    severity: 'error',
    stage: 'ingest',
    label: '稿件文件已存在',
    meaning: 'import --out would overwrite a story file an editor changed; nothing was written',
  },
  'import-escape-removed': {
    severity: 'info',
    stage: 'ingest',
    label: '已删控制序列',
    meaning: 'terminal escape sequences were removed from the copy',
  },
  'import-control-removed': {
    severity: 'info',
    stage: 'ingest',
    label: '已删控制字符',
    meaning: 'control characters (vertical tab, form feed, line separators) were removed',
  },
  'import-slot-labels': {
    severity: 'info',
    stage: 'ingest',
    label: '字段标签已去除',
    meaning: 'the copy labels its head lines (【引题】…); the labels were taken off',
  },
  'import-unbalanced': {
    severity: 'warning',
    stage: 'ingest',
    label: '引号括号不配对',
    meaning: 'a quote or bracket is never closed, or closes nothing, in an item',
  },
  'import-long-paragraph': {
    severity: 'warning',
    stage: 'ingest',
    label: '段落过长',
    meaning: 'a paragraph longer than two full columns: the copy has probably lost its breaks',
  },
  'copy-unreadable': {
    severity: 'error',
    stage: 'ingest',
    label: '稿件读不出',
    meaning: 'the copy file does not exist or cannot be read',
  },
  'edition-unreadable': {
    label: '版次文件读不出',
    severity: 'error',
    stage: 'ingest',
    meaning: 'the edition file does not exist or cannot be read',
  },
  'yaml-syntax': {
    label: '格式错误',
    severity: 'error',
    stage: 'diag',
    meaning: 'an edition, story or template file is not valid YAML (its line given); diag/yaml.ts reads them all',
  },
  'edition-invalid': {
    label: '版次文件有误',
    severity: 'error',
    stage: 'ingest',
    meaning: 'the edition file is valid YAML but a field is missing or of the wrong kind',
  },
  'missing-copy': {
    label: '缺稿件文件',
    severity: 'error',
    stage: 'ingest',
    meaning: 'a page names a copy file that does not exist',
  },
  'missing-story': {
    label: '缺稿件文件',
    severity: 'error',
    stage: 'ingest',
    meaning: 'a page names a story file that does not exist',
  },
  'story-invalid': {
    label: '稿件文件有误',
    severity: 'error',
    stage: 'ingest',
    meaning: "a story file's front matter has a missing or wrong field",
  },
  'story-unreadable': {
    label: '稿件文件读不出',
    severity: 'error',
    stage: 'ingest',
    meaning: 'a story file does not exist or cannot be read',
  },
  'story-front-matter': {
    label: '稿件文件头未结束',
    severity: 'error',
    stage: 'ingest',
    meaning: "a story file's front matter is not closed by a line of ---",
  },
  'story-empty': { label: '空稿', severity: 'warning', stage: 'ingest', meaning: 'a story file has no body text' },
  'story-no-headline': {
    label: '缺标题',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'a story file has no headline',
  },
  'story-mark-range': {
    label: '标记越界',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'a paragraph mark in a story file names lines it does not have',
  },
  'story-caption-paragraphs': {
    label: '图说多段',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'a photo story has more than one caption paragraph; they are joined',
  },
  'duplicate-item': {
    label: '稿件重号',
    severity: 'error',
    stage: 'ingest',
    meaning: 'two items of one page have the same id',
  },
  'unknown-item': {
    label: '无此稿件',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'an image or override names an item the page does not have',
  },
  'image-wrong-kind': {
    label: '图片挂错稿件',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'an image is given for an item that is not a photo or an ad',
  },
  'missing-image': {
    label: '缺图',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'a photo has no image file, or its file does not exist: a placeholder frame is drawn',
  },
  'image-size-unknown': {
    severity: 'warning',
    stage: 'ingest',
    label: '图片尺寸未知',
    meaning: 'the pixel size of an image cannot be read from its header; it is framed at the default shape',
  },
  'page-empty': { label: '空版', severity: 'warning', stage: 'ingest', meaning: 'a page of the edition has no items' },
  'import-dropped-text': {
    label: '导入丢字',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'the importer left a line of copy out of every item (ornament or noise); file and line given',
  },
  'import-ornament-dropped': {
    severity: 'info',
    stage: 'ingest',
    label: '装饰线已略去',
    meaning: 'a line of ornament only (a rule of ——— or ★★★) was left out of the copy',
  },
  'import-empty': { label: '空稿', severity: 'warning', stage: 'ingest', meaning: 'the copy file holds no text' },
  'import-empty-story': {
    label: '有题无文',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'a headline of the copy has no body under it',
  },
  'import-no-headline': {
    label: '缺标题',
    severity: 'warning',
    stage: 'ingest',
    meaning: 'body text of the copy has no headline above it',
  },
  'import-head-guess': {
    label: '标题待确认',
    severity: 'info',
    stage: 'ingest',
    meaning: 'the importer chose which head line is the 引题, 主题 or 副题: check it',
  },
  'import-column-guess': {
    label: '栏目待确认',
    severity: 'info',
    stage: 'ingest',
    meaning: 'the importer guessed a column name from the copy: check it',
  },
  'import-invisible-text': {
    label: '不可见字符',
    severity: 'info',
    stage: 'ingest',
    meaning: 'invisible control or zero-width characters were removed from the copy',
  },

  // fonts: the faces each role sets from
  'font-missing': {
    label: '缺字体',
    severity: 'error',
    stage: 'fonts',
    meaning: 'a font file the roles use is not installed (file and package named)',
  },
  'font-role-missing': {
    label: '字体未指定',
    severity: 'error',
    stage: 'fonts',
    meaning: 'the font map has no face for a role the engine sets',
  },

  // pipeline: the build around the stages
  'char-not-in-fonts': {
    label: '字库缺字',
    severity: 'error',
    stage: 'pipeline',
    meaning: "a character no face of its role's chain has; it prints as 〓",
  },
  'missing-glyph': {
    label: '缺字',
    severity: 'warning',
    stage: 'pipeline',
    meaning: 'a set line holds a glyph its face does not have',
  },
  'kinsoku-forced': {
    label: '强制断行',
    severity: 'warning',
    stage: 'pipeline',
    meaning: 'a line had to break against the line-breaking rules',
  },
  'overfull-line': {
    label: '行超宽',
    severity: 'warning',
    stage: 'pipeline',
    meaning: 'a line is wider than its measure',
  },
  'line-not-flush': {
    label: '行未排满',
    severity: 'warning',
    stage: 'pipeline',
    meaning: 'a justified line does not reach its measure',
  },
  preflight: {
    label: '印前检查未通过',
    severity: 'error',
    stage: 'pipeline',
    meaning: "a page's PDF fails a preflight check; the finding and what to do are given",
  },
  'continue-invalid': {
    severity: 'warning',
    stage: 'pipeline',
    label: '续版无效',
    meaning: "a story's continueOn names no later page of the edition",
  },
  'unknown-page': {
    label: '无此版',
    severity: 'error',
    stage: 'pipeline',
    meaning: '`build --page N` names a page the edition does not have',
  },
  'output-changed': {
    label: '输出已变',
    severity: 'error',
    stage: 'pipeline',
    meaning: 'the folder lost a file of the previous build that a `--page` build carries over',
  },
  'output-not-a-folder': {
    label: '输出不是文件夹',
    severity: 'error',
    stage: 'pipeline',
    meaning: 'the output path is a file',
  },
  'output-unwritable': {
    label: '输出不可写',
    severity: 'error',
    stage: 'pipeline',
    meaning: 'the output folder or its parent cannot be written',
  },
  'output-not-ours': {
    label: '输出文件夹非本系统',
    severity: 'error',
    stage: 'pipeline',
    meaning: "the output folder holds files that are not a banmian build's; nothing is replaced",
  },
  'disk-full': {
    label: '磁盘已满',
    severity: 'error',
    stage: 'pipeline',
    meaning: 'the output disk has too little room for the build',
  },

  // layout: make-up of the page
  overset: {
    label: '溢出',
    severity: 'error',
    stage: 'layout',
    meaning: 'text that did not fit its module (lines and characters given), marked 溢出 on the proof',
  },
  'held-over': {
    label: '未上版',
    severity: 'error',
    stage: 'layout',
    meaning: 'an item no place on the page could take was left off, with its size',
  },
  held: {
    label: '已撤下',
    severity: 'info',
    stage: 'layout',
    meaning: 'an item the editor held was left off the page',
  },
  underfull: {
    label: '版面未满',
    severity: 'warning',
    stage: 'layout',
    meaning: 'the page lacks copy: its largest hole and the lines missing are given',
  },
  'pin-invalid': {
    label: '固定位置无效',
    severity: 'warning',
    stage: 'layout',
    meaning: "an editor's pin cannot be kept on this grid",
  },
  'running-head-name': {
    label: '报眉',
    severity: 'warning',
    stage: 'layout',
    meaning: 'an inner page has no section name for its 报眉',
  },
  'continuation-held': {
    severity: 'error',
    stage: 'layout',
    label: '续稿未排',
    meaning: 'a continuation a jump line promised could not be set on its page',
  },
  'butting-heads': {
    severity: 'warning',
    stage: 'layout',
    label: '标题相撞',
    meaning: 'heads of neighbouring modules side by side that the search could not avoid (碰题)',
  },
  'override-breaks-rule': {
    severity: 'warning',
    stage: 'layout',
    label: '人工指定违规',
    meaning: "an editor's pin, span or head size breaks a page rule; the override and the rule are named",
  },
  'lead-too-short': {
    severity: 'warning',
    stage: 'layout',
    label: '头条过短',
    meaning: 'the priority-1 story is too short to lead the page; the next story leads',
  },
  'priority-duplicate': {
    severity: 'warning',
    stage: 'layout',
    label: '头条重复',
    meaning: 'two priority-1 stories on one page',
  },
  'template-missing': {
    label: '缺版式',
    severity: 'error',
    stage: 'layout',
    meaning: 'the layout template named by the edition does not exist',
  },
  'template-invalid': {
    label: '版式有误',
    severity: 'error',
    stage: 'layout',
    meaning: 'the layout template has a missing or wrong field',
  },

  // pdf: writing and checking the print files
  'image-not-found': {
    label: '图片丢失',
    severity: 'error',
    stage: 'pdf',
    meaning: 'an image file was gone when the PDF was written',
  },
  'unreadable-image': {
    label: '图片读不出',
    severity: 'error',
    stage: 'pdf',
    meaning: 'an image file cannot be decoded',
  },
  'image-resolution-too-low': {
    label: '图片精度过低',
    severity: 'error',
    stage: 'pdf',
    meaning: 'a photo prints under the minimum resolution (default 100 ppi)',
  },
  'low-resolution-image': {
    label: '图片精度低',
    severity: 'warning',
    stage: 'pdf',
    meaning: 'a photo prints under the recommended resolution (default 200 ppi)',
  },
  'image-cmyk-untagged': {
    label: 'CMYK 图无特性文件',
    severity: 'info',
    stage: 'pdf',
    meaning: 'a CMYK photo without a profile is taken as separated for this press',
  },
  'colour-over-ink-limit': {
    label: '颜色超墨量',
    severity: 'error',
    stage: 'pdf',
    meaning: 'a template colour exceeds the total ink limit',
  },
  'bad-glyph-id': {
    label: '字形错误',
    severity: 'error',
    stage: 'pdf',
    meaning: 'a glyph id outside its font reached the PDF writer',
  },
  'glyph-without-text': {
    label: '字形无文本',
    severity: 'info',
    stage: 'pdf',
    meaning: 'a printed glyph maps to no text (it will not copy or search)',
  },
  'bad-edition-date': {
    label: '出版日期有误',
    severity: 'error',
    stage: 'pdf',
    meaning: "the edition date cannot stamp the PDF's dates",
  },
  'profile-missing': {
    label: '缺色彩特性文件',
    severity: 'error',
    stage: 'pdf',
    meaning: 'the output ICC profile file does not exist',
  },
  'profile-invalid': {
    label: '色彩特性文件有误',
    severity: 'error',
    stage: 'pdf',
    meaning: 'the output ICC profile is not a CMYK output profile',
  },

  // serve: the live preview
  'port-in-use': {
    label: '端口被占用',
    severity: 'error',
    stage: 'serve',
    meaning: "the preview's port is taken by another program",
  },
  'internal-error': {
    label: '内部错误',
    severity: 'error',
    stage: 'serve',
    meaning: 'a rebuild in the preview stopped on a bug; the last good pages stay',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** The codes of one severity, so that `sink.warn` accepts only warnings. */
export type CodeOf<S extends Severity> = {
  [K in Code]: (typeof CODES)[K]['severity'] extends S ? K : never;
}[Code];

/** Stages in the order a build runs them, for the README's table. */
const STAGE_ORDER: readonly Stage[] = [
  'diag',
  'commands',
  'ingest',
  'fonts',
  'text',
  'layout',
  'pdf',
  'pipeline',
  'serve',
];

/** The README's diagnostics table: one row per code, by stage (written by `npm run docs:codes`). */
export function codesTableMarkdown(): string {
  const rows = (Object.entries(CODES) as [Code, CodeInfo][])
    .sort(([a, x], [b, y]) => STAGE_ORDER.indexOf(x.stage) - STAGE_ORDER.indexOf(y.stage) || a.localeCompare(b))
    .map(([code, c]) => `| \`${code}\` | ${c.severity} | ${c.stage} | ${c.label} | ${c.meaning} |`);
  return ['| code | severity | raised by | 名称 | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}
