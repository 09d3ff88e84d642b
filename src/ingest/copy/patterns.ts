/**
 * The importer's rules as data: every keyword list and pattern the line classifiers use, each with what it
 * matches and why the importer needs it. Patterns are compiled once, here, outside the parsing loop.
 *
 * Conventions: a pattern is tested against one trimmed, punctuation-normalised line (see normalize.ts), so
 * ASCII `,:;?!()` next to Chinese text are already full width. `SP` is optional white space (ASCII, NBSP,
 * U+3000: names in bylines are padded with any of them). Where a convention comes from a standard it is cited;
 * the rest are the forms newspapers print (GB/T 15834-2011 for punctuation; the 电头 and 署名 forms are the
 * house rules of Chinese dailies and agencies).
 */

/** Han characters. */
export const HAN = '\\p{Script=Han}';
/** Optional white space inside a line (names are padded with spaces, NBSP or U+3000). */
export const SP = '[\\s\\u3000]*';
/** White space or a list comma between names. */
const SEP = '[\\s\\u3000、，,]+';

/**
 * Byline roles (署名 roles), longer forms first so `摄影记者` wins over `摄影`. Why: a line made of a role and
 * names is a credit, never a headline or a paragraph.
 */
export const ROLES = [
  '融媒体记者',
  '全媒体记者',
  '新媒体记者',
  '融媒记者',
  '全媒记者',
  '首席记者',
  '特约记者',
  '见习记者',
  '摄影记者',
  '特约通讯员',
  '特约撰稿人',
  '特约评论员',
  '记者',
  '通讯员',
  '实习生',
  '见习生',
  '评论员',
  '摄影',
  '摄像',
  '撰稿',
  '撰文',
  '整理',
  '编译',
  '口述',
  '作者',
  '制图',
  '文/摄',
  '文／摄',
  '文/图',
  '图/文',
  '文／图',
  '图／文',
  '文:',
  '图:',
  '文：',
  '图：',
  '文/',
  '图/',
  '文／',
  '图／',
  '文|',
  '图|',
];

/**
 * Who a reporter works for, before the role: `本报`, `新华社`, `本报驻东京`, `人民日报`, `县融媒体中心`. Why: the
 * national forms `本报记者 X`, `新华社记者 X`, `本报驻巴黎记者 X` are bylines like `记者 X`.
 */
const OUTLET = `(?:本报|本刊|新华社|中新社|[${HAN}]{2,8}(?:日报|晚报|报社|报|通讯社|网)|[${HAN}]{1,8}(?:电视台|广播电视台|融媒体中心|传媒集团|新闻中心))(?:驻[${HAN}]{1,8})?`;

const ROLE = `(?:${OUTLET}${SP})?(?:${ROLES.map((r) => r.replace(/[|/]/g, '\\$&')).join('|')})`;

/**
 * Words that follow a role word but name no one: `记者手记`, `记者观察`, `评论员观察`, `通讯员来信`. Why: taken as
 * a byline, a label inside a story ended the story, and a column tag became a credit.
 */
const NOT_NAME = `(?:手记|观察|调查|札记|感言|随笔|日记|笔记|连线|探访|走访|追踪|体验|发现|回访|再访|暗访|来信|热线|专栏|文章|视点|观点|点评|眼中|心声|故事|现场|说法|提问|问答|之家|之窗|节|证)(?![${HAN}])`;

/**
 * A personal name: a two-character name padded to three (`王  芳`, `王　芳`), a letter-spaced one (`王 小 明`), 2–4 Han characters, a name with
 * `·` (`阿依古丽·买买提`), or a Latin name. Why: newspapers pad two-character names so that names line up. (A padded
 * name is followed by no Han character but the 摄 of a photo credit: `马  宁摄`.)
 */
export const NAME = `(?!${NOT_NAME})(?:[${HAN}][ \\u00A0\\u3000]{1,3}[${HAN}](?!(?!摄)[${HAN}])|[${HAN}](?: [${HAN}] (?![文图][/／])[${HAN}]|\\u3000[${HAN}]\\u3000(?![文图][/／])[${HAN}])(?![${HAN}/／])|[${HAN}]{1,6}·[${HAN}·]{1,12}|[${HAN}]{2,4}|[A-Z][A-Za-z.\\-]+(?: [A-Z][A-Za-z.\\-]+)*)`;
const ROLE_NAMES = `${ROLE}${SP}[:：]?${SP}${NAME}(?:${SEP}(?:${ROLE}${SP}[:：]?${SP})?${NAME})*`;
const NAMES_ONLY = `${NAME}(?:${SEP}(?:${ROLE}${SP}[:：]?${SP})?${NAME})*`;
/** A byline that names no one: `本报评论员`, `人民日报评论员`, `本报编辑部`. */
const HOUSE_CREDIT = `${OUTLET}(?:特约)?(?:评论员|评论部|编辑部|调查组|调研组|采访组|记者调查组)`;

export const BYLINE = {
  /** `记者 张三`, `本报记者 王  芳 李四`, `记者张三 通讯员李四`, `新华社记者 X`: a role line. */
  roleLine: new RegExp(
    `^(?:${ROLE_NAMES}(?:${SP}(?:文[/／]摄|文[/／]图|图[/／]文|文图|撰文|报道))?|${HOUSE_CREDIT})$`,
    'u',
  ),
  /** `■记者 林旭东`, `■言成声` (a pen name after ■), `□本报记者 吴晓峰`: county papers mark bylines with ■/□. */
  markLine: new RegExp(
    `^(?:■${SP}(?:${ROLE_NAMES}|${NAMES_ONLY}|${HOUSE_CREDIT})|□${SP}(?:${ROLE_NAMES}|${HOUSE_CREDIT}))$`,
    'u',
  ),
  /** `□林一平`: a byline only right under a head group; elsewhere `□…` is a section label. */
  boxedName: new RegExp(`^□${SP}${NAMES_ONLY}$`, 'u'),
  /** `（记者 张三 通讯员 李四）`, `（本报记者 X）` on a line of its own. */
  bracketLine: new RegExp(`^[（(【〔\\[]${SP}(?:${ROLE_NAMES}|${HOUSE_CREDIT})${SP}[）)】〕\\]]$`, 'u'),
  /**
   * `（据新华社北京10月11日电 记者 张三）`, `（据新华社电）`, `（新华社供稿）`, `（本报综合报道）`: a source credit closing a
   * story or brief. Why: the agency and reporter are credits of the story, not a paragraph.
   */
  sourceLine: new RegExp(
    `^[（(]${SP}(?:据${SP}[^（）()]{1,24}?(?:电|报道|消息)(?:${SP}[，,]?${SP}${ROLE_NAMES})?|(?:本报|新华社|中新社)(?:综合)?(?:报道|供稿|专稿)|[^（）()]{2,16}供稿)${SP}[）)]$`,
    'u',
  ),
  /** A bare name (one or two people) between a head group and the body: `李 斌`, `张三　李四`. */
  bareName: new RegExp(
    `^(?:[${HAN}][ \\u00A0\\u3000]{1,3}[${HAN}]|[${HAN}]{2,3}|[${HAN}]{1,6}·[${HAN}·]{1,12}|[A-Z][a-z]+(?: [A-Z][a-z]+)+)(?:${SEP}(?:[${HAN}][ \\u00A0\\u3000]{1,3}[${HAN}]|[${HAN}]{2,3}))?$`,
    'u',
  ),
  /** A role with no name after it: `图/文`, `摄影`. */
  roleOnly: new RegExp(`^(?:■${SP})?${ROLE}${SP}[:：]?$`, 'u'),
  /** A role word inside a credit, where a credit line splits into several: `记者 X 通讯员 Y`. */
  roleSplit: new RegExp(`[\\s\\u3000]+(?=${ROLE})`, 'gu'),
  /** A bracketed credit at the very end of a paragraph: `……。（记者 张三）`, `……。（通讯员 王一鸣）`. */
  trailing: new RegExp(
    `[（(]${SP}(?:${ROLE_NAMES}|${HOUSE_CREDIT}|据${SP}[^（）()]{1,24}?(?:电|报道)(?:${SP}[，,]?${SP}${ROLE_NAMES})?)${SP}[）)]$`,
    'u',
  ),
  /** A bracketed credit opening a paragraph with no dateline: `（记者 张三）10月9日，…`. */
  lead: new RegExp(`^[（(]${SP}(?:${ROLE_NAMES}|${HOUSE_CREDIT})${SP}[）)]`, 'u'),
  /** Words that make a credit a reporter's (news), not an author's (opinion). */
  reporter: /记者|通讯员|实习生|见习生|报道组/u,
} as const;

/** A photo credit's words: `摄影 王强`, `图/赵刚`, `摄影：王强`, `记者 王强 摄`, `刘洋摄影报道`. */
const PHOTO_CREDIT = `(?:(?:图[/／]文|文[/／]图|图文|摄影记者|摄影|图片|图|摄)${SP}[:：/／]?${SP}(?:${ROLE}${SP})?${NAMES_ONLY}|(?:${ROLE}${SP})?${NAMES_ONLY}${SP}(?:[/／]${SP})?摄(?:影报道|影)?)`;

/**
 * Photo credits. Why: the credit line ends a photo's caption (and a caption is recognised by its credit).
 */
export const PHOTO = {
  /**
   * `■摄影 王强`, `摄影：王强`, `图/赵刚`, `记者 王强 摄`, `新华社记者 李四摄`, `本报记者 张  三摄影报道`,
   * `刘洋 摄`, `（记者 徐丽 摄）`, `（摄影：王强）`, `张三摄（新华社发）`, `新华社发（王五摄）`, `新华社发`,
   * `本组图片由本报记者 严明 摄`, `（图片由某某镇政府提供）`, `（县文旅局供图）`.
   */
  credit: new RegExp(
    `^(?:■${SP})?${PHOTO_CREDIT}${SP}(?:[（(][^（）()]{1,20}[）)])?$` +
      `|^[（(]${SP}${PHOTO_CREDIT}${SP}[）)]$` +
      `|^(?:新华社|中新社|本报)(?:记者${SP}${NAMES_ONLY}${SP})?(?:发|传真|供图)${SP}(?:[（(][^（）()]{1,20}[）)])?$` +
      // a picture someone provided: `（图片由某某镇政府提供）`, `（县文旅局供图）`
      `|^[（(]?${SP}(?:图片|照片|图)(?:均)?由${SP}[^（）()\\s]{2,20}${SP}提供${SP}[）)]?$` +
      `|^[（(]${SP}[^（）()\\s]{2,20}${SP}供图${SP}[）)]$` +
      // a block's shared credit: `本组图片由本报记者 严明 摄`, `本版图片均为记者 X 摄`
      `|^(?:本组图片|本版图片|组图|以上图片)均?(?:由|为)?${SP}(?:${ROLE}${SP})?${NAMES_ONLY}${SP}(?:拍)?摄(?:影)?$`,
    'u',
  ),
  /** A photo credit glued to the end of its caption: `…较量。■摄影 王强`, `…游玩。（记者 徐丽 摄）`, `…。　新华社记者 X摄`. */
  glued:
    /^(.*[。！？”…）])[\s\u3000]*((?:■[\s\u3000]*摄影|[（(]|(?:新华社|中新社|本报)?(?:记者|通讯员)?[\s\u3000]*[\p{Script=Han}·\s\u3000]{2,12}摄)[^。！？]*)$/u,
  /** `图片报道`, `图片新闻`, `新闻图片`, `摄影报道`, `图说`: a label over a photo item. */
  label: /^[【[]?(?:图片报道|图片新闻|新闻图片|摄影报道|图说新闻|图说|看图说话|图片故事|组图|新闻摄影)[】\]]?$/u,
  /** A caption that introduces its photo: `图为…`, `上图：…`. */
  captionOpening: /^(?:图[为①②③④⑤⑥1-6一二三四]|[上下左右中]图[：:为]|图[①②③④⑤⑥1-6][：:])/u,
  /**
   * A caption that says when the picture was taken: `11月3日，…`, `图为11月1日晚，…`, `近日，…`, `连日来，…`. Why: in a
   * 图片报道 block, a title over such a line is the next photo even when its credit is missing.
   */
  captionTime:
    /^(?:图为)?(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日[\p{Script=Han}]{0,3}|近日|日前|连日来|近期|当天|当日|[今昨]天|[今昨]日[\p{Script=Han}]{0,2})[，,]/u,
} as const;

/**
 * Datelines (电头) at the start of a story's first paragraph. Why: a dateline opens a story, so the lines before
 * it are that story's head group, and it is printed run-in before the first paragraph.
 */
export const DATELINE = {
  forms: [
    // 本报讯, 本报电, 本报7月1日讯, 本报北京10月11日电, 据本报… (not 本报记者: that is a byline)
    new RegExp(
      `^(?:据)?本报(?:驻[${HAN}]{1,8}记者)?(?:(?!记者|通讯员)[${HAN}]{2,8})?${SP}(?:\\d{1,2}月\\d{1,2}日)?${SP}[讯电]`,
      'u',
    ),
    // 【本市讯】 【本报讯】
    /^【[^】]{1,12}[讯电]】/u,
    // 晚报讯, 新京报讯, 本刊讯, 央广网讯, 都市快报10月11日讯: any paper, magazine, site or station's 讯
    new RegExp(`^(?!据)[${HAN}]{1,8}(?:报|刊|网|台|社)${SP}(?:\\d{1,2}月\\d{1,2}日)?${SP}讯`, 'u'),
    // 新华社北京10月11日电, 据新华社华盛顿10月10日电, 中新网上海10月11日电
    new RegExp(
      `^(?:据)?(?:新华社|中新社|中新网|人民网|央视网|新华网|人民日报|光明日报|经济日报|中国日报|浙江日报|浙江在线|潮新闻)(?:[${HAN}]{0,8})?${SP}(?:\\d{1,2}月\\d{1,2}日)?${SP}电`,
      'u',
    ),
    // 本报记者 张三 李四 报道
    new RegExp(`^本报(?:记者|通讯员)${SP}${NAME}(?:${SEP}${NAME})*${SP}报道`, 'u'),
  ],
  /** The bracketed credit right after a dateline: `（记者 张三、李四）`, `（本报记者 王芳）`. */
  credit: /^[\s\u3000]*([（(][^（）()，。；]{1,40}[）)])/u,
} as const;

/**
 * Closing lines (结尾括注) of a story, a whole line in brackets: they belong to the story before them, never to
 * the next one. Why: taken as the next story's head, they swallowed or split stories.
 */
export const CLOSING = {
  /**
   * `（作者为某大学教授）`, `（作者单位：…）`, `（本系列评论到此结束）`, `（图表为本报记者 X制作）`, `（本报北京10月11日电）`,
   * `（完）`, `（待续）`, `（来源：…）`, `（摘自…）`, `（本版责编：…）`, `（资料图片）`: any short bracketed line that is
   * not a jump line (those are checked first).
   */
  bracket: /^[（(][^（）()]{1,80}[）)]$/u,
  /**
   * Closing lines that name a person but are no byline: `（作者为…）`, `（图表为本报记者 X制作）`, `（图片由…提供）`,
   * `（本版责编：…）`. Why: they must not be taken for a credit (or a new story's byline).
   */
  explicit:
    /^[（(][\s\u3000]*(?:作者|图表|图片|图为|本文|本版|本系列|本组|资料|完|待续|未完待续|全文完|责任编辑|责编)/u,
  /** Page furniture closing the last story: `本版责编：张三`, `责任编辑：X  版式设计：Y`. */
  furniture: /^(?:本版)?(?:责任编辑|责编|编辑|版式设计|美编|校对|审校|版式|制图)[:：]/u,
} as const;

/** Jump lines (转版). Why: a story continued on another page ends at its jump line; its continuation starts one. */
export const JUMP = {
  /** `（下转第2版）`, `(转A3版)` at the end of a paragraph. */
  out: /[（(][\s\u3000]*(?:下转|紧转|转)[\s\u3000]*第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版[\s\u3000]*[）)]$/u,
  /** `（上接第1版）` opening a paragraph. */
  in: /^[（(][\s\u3000]*(?:上接|紧接|接)[\s\u3000]*第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版[\s\u3000]*[）)]/u,
} as const;

/**
 * Column tags and column names (栏目). Why: a column tag after a headline names the column an item runs under,
 * and an opinion column makes the item a commentary.
 */
export const COLUMN = {
  /** A bracketed tag at the end of a head line: `让创新活力竞相迸发（人民论坛）`, `（点赞新时代·奋斗者）`. */
  tag: /^(.+?)[\s\u3000]*([（(]([^（）()，。；：:]{2,20})[）)])$/u,
  /**
   * A column name in brackets on a line of its own above a head group: `【今日谈】`, `【县域观察】`, `〖民生直通车〗`,
   * `[东湖时评]`. Why: it names the column the piece runs under; taken as a head line it pushed the headline down
   * to a 副题. (Labels, briefs headers, datelines and photo labels in the same brackets are told apart first.)
   */
  lineAbove: /^[【〖［[]([^【】〖〗［］[\]（）()，。；：:！？、\s]{2,12})[】〗］\]]$/u,
  /** The same tag on a line of its own right under the head. */
  tagLine: /^[（(]([^（）()，。；：:]{2,20})[）)]$/u,
  /**
   * Bracketed tails that are part of the headline, not a column: part numbers `（上）` `（二）` `（之三）`, `（草案）`,
   * `（摘要）`, `（全文）`, `（附图）`, `（试行）`, numbers and years.
   */
  notTag:
    /^(?:[上中下续完]|[一二三四五六七八九十\d]+|之[一二三四五六七八九十\d]+|[上中下]篇|第[一二三四五六七八九十\d]+[篇章部集期回讲]|草案|草案说明|摘要|摘编|全文|节选|附图|图|图表|试行|修订|修订版|征求意见稿|送审稿|\d{4}年?|\d{4}年版|[A-Za-z\d .-]+)$/u,
  /**
   * Words that end an opinion column's name: `人民论坛`, `金台随笔`, `人民时评`, `评论员观察`, `今日谈`, `大地漫笔`.
   * Why: these columns are commentary (set in the commentary face, with a column logo), not news.
   */
  opinion:
    /(?:论坛|时评|随笔|评论|短评|快评|锐评|热评|微评|新评|社评|社论|评论员文章|观察|观点|视点|新论|论衡|杂谈|漫谈|漫笔|笔谈|札记|随想|随感|感言|有感|一家言|谈|论|评|新语|微言|纵横|评弹|思享|观澜)$/u,
  /** A column name standing alone above its piece: `东湖评论`, `今日谈`, `南湖时评` (short, no punctuation). */
  nameAbove: /(?:评论|时评|短评|热评|快评|锐评|微评|社论|论坛|随笔|杂谈|漫谈|专栏|今日谈|谈|新语|观察|评弹)$/u,
  /** Column names that go with an editor line (`栏目统筹：…`). */
  withEditor: /(?:评论|时评|短评|热评|快评|社论|观察|论坛|随笔|杂谈|漫谈|专栏)$/u,
  /** The romanized column-name line: `DIYI PINGLUN 栏目统筹:黄金凤`. */
  romanized: /^([A-Z][A-Z'’\- ]*[A-Z])(?:[\s\u3000]+(.+))?$/u,
  /** The column editor line: `栏目统筹：黄金凤`, `主持人：张三`. */
  editor: /^(?:栏目统筹|栏目主持|栏目编辑|主持人?|统筹|策划|责编)[:：]/u,
} as const;

/**
 * Labels, notes and signatures inside a story. Why: `核心阅读` or `引子` taken as a 副题 or a headline split
 * stories; a label is set as a label and a signature flush right.
 */
export const LABEL = {
  /**
   * In-story labels: `核心阅读`, `引子`, `尾声`, `记者手记`, `相关链接`, `延伸阅读`, `短评`, `数说`, `小贴士` …, alone
   * on a line (optionally in 【】). A reporter's or editor's piece named by its form (`记者手记`, `采访札记`,
   * `记者感言`, `编后`, `微评`) is a label too: its words look like a role and a name, or like a head line.
   */
  words:
    /^[【[]?(?:核心阅读|阅读提示|引子|引言|楔子|尾声|结语|后记|(?:记者|采访|编辑|评论员|调查|采写|探访)(?:手记|札记|后记|感言|笔记|日记|随感)|记者(?:观察|再访|回访|追访|探访|体验)|编后|编后语|编后记|相关链接|新闻链接|链接|延伸阅读|背景链接|新闻背景|背景|相关新闻|相关报道|新闻延伸|专家点评|专家观点|专家解读|短评|微评|快评|小评|点评|一句话点评|小贴士|温馨提示|特别提示|数说|数读|图解|现场|特写|镜头|故事|一线调研|记者调查|观察)[】\]]?$/u,
  /** A section label: `□增值化改革进行时`, `◆民生热线`, `▲…` (short, no sentence inside). */
  section: /^[□◇◆▲△◎☆★][\s\u3000]*\S/u,
  /**
   * The name of a supplement or special page over its first piece: `大地副刊`, `文化周刊`, `读书专版`. Why: it heads
   * the page's pieces; taken as a 主题 it pushed the real headline down to a 副题.
   */
  pageName: /^[【[]?[\p{Script=Han}·]{2,10}(?:副刊|周刊|专刊|特刊|专版|增刊|月刊|旬刊)[】\]]?$/u,
  /** An editor's note opening or closing a story: `编者按：…`, `开栏的话`, `编后：…`. */
  note: /^[【[]?(?:编者按|编者的话|开栏的话|编后(?:语|记)?|编辑手记|写在前面)[】\]]?(?:[:：\s\u3000]|$)/u,
  /**
   * A signature set flush right: `——编 者`, `——编者`, `——本报编辑部`, `——张 三`: a name of up to four characters
   * (padded or not) or a body that signs. Why so narrow: a longer dash line, `——国庆假期市场观察`, is a 副题.
   */
  signature: new RegExp(
    `^[—－]{1,2}${SP}(?:[${HAN}](?:${SP}[${HAN}]){1,3}|[${HAN}]{0,8}(?:编者|编辑部|评论员|评论部|作者|记者|报社|编委会))$`,
    'u',
  ),
  /** An interview question: `记者：…`, `问：…`, `Q：…`. */
  question: /^(?:本报)?(?:记者|问|Q)[:：]/u,
} as const;

/** Head lines: 引题 / 主题 / 副题. */
export const HEAD = {
  /** A 副题 opens with a dash: `——部署做好今年秋粮收购各项工作`. */
  dashSubhead: /^[—－-]{1,2}/u,
  /**
   * A 引题 that introduces the main head ends with a reporting verb or a colon: `仲旭东在走访企业时强调`. Why: the
   * line after it is the headline even when it is shorter.
   */
  kickerEnding:
    /(?:强调|指出|表示|要求|提出|寄语|时说|讲话|部署|研究部署|指示|批示|致信|致辞|希望|号召|会见|会谈|出席|主持|[:：])$/u,
  /**
   * A head line that names a topic rather than the news: `关注秋冬季流感防控`, `聚焦平安平湖建设`, `喜迎国庆`. Of two
   * head lines, the one in this form is the 引题 (first) or the 副题 (second); the other is the 主题.
   */
  topic:
    /^(?:关注|聚焦|喜迎|迎接|献礼|庆祝|纪念|走进|探访|直击|回眸|盘点|对话|专访|见证|追踪|数说|图解|解读|透视|寻访|探秘)/u,
  /**
   * A 引题 that states an aim or a drive, a slogan without a subject: `推进医保服务便民化`, `践行“两山”理念`,
   * `让文明新风吹进千家万户`, `以学促干…`. Over a line that states the news, it is the 引题; under a line that
   * announces an event (`…召开`), it is the 主题 (the event's message).
   */
  slogan:
    /^(?:推进|推动|坚持|深化|加快|加强|持续|全力|奋力|着力|聚力|助力|赋能|践行|弘扬|传承|守护|守牢|筑牢|夯实|抓好|抓实|做好|做优|做强|做实|用好|办好|建好|管好|打造|打好|打赢|共建|共享|共创|激发|激活|凝聚|汇聚|锚定|瞄准|勇当|争当|争创|争做|奋进|奋楫|砥砺|牢记|扛起|扛牢|落实|贯彻|学习贯彻|深入学习|决胜|决战|攻坚|优化|提升|完善|健全|强化|巩固|拓展|擦亮|点亮|护航|建强|对标|紧扣|围绕|立足|面向|迈向|奔向|冲刺|坚定|真抓实干|凝心聚力|同心|携手|齐心|合力|以(?!色列|来|上|下|后|前|及|往)|让|为了|为(?!期))/u,
  /** A 引题 that sets the scene or the time: `在希望的田野上`, `当秋风吹过稻田时`, `随着…`, `金秋十月`, `国庆假期`. */
  scene:
    /^(?:在[^，]{2,14}(?:上|中|里|下|前|后|间|路上|一线|时)|当[^，]{2,14}时|随着|面对|迎着|踏着)|^[^，\s]{1,4}(?:时节|季节|假期|长假|季|月|前夕|期间|之际|时分)$/u,
  /**
   * A 引题 that frames the news in time or place and says nothing else: `10月10日上午`, `今年前8个月`, `截至9月底`,
   * `一年来`, `在白沙乡`, `清溪河畔`, `东岭村里`, `从“输血”到“造血”`. Over another head line it is the 引题, however
   * short the line under it.
   */
  frame:
    /^(?:(?:今年|去年|明年|近年|近期|近日|连日|日前|昨天|昨日|今天|今日|本周|上周|当天|当日|\d{1,4}年|[一二三四五六七八九十百千\d]+年|前?[一二三四五六七八九十\d]+个?(?:月|季度|周|天)|\d{1,2}日|上半年|下半年|年初|年底|年末|月底|月初|以来|来|间|期间|[至到]|底|末|初|份|上午|下午|晚上|晚间|凌晨|清晨|傍晚|中午|夜间|截至|截止)+|在[^，\s]{2,12}|[^，\s]{2,5}(?:畔|边|旁|里|间|头|一线|身边|脚下)|从[^，\s]{1,10}到[^，\s]{1,10})$/u,
  /**
   * A 引题 that ends with a colon over the 主题: `东岭镇：`, `记者调查：`, `好消息：`. Short, no other punctuation.
   * Why: a colon ends no head line elsewhere, and such a line alone is no sentence.
   */
  colonKicker: /^[^，。、；！？,;!?：:\s]{2,12}[：:]$/u,
  /** A series or campaign name over the news: `“我们的节日·重阳”`, `走基层·看变化`, `科技特派员在行动`. */
  series: /^[“「]?[^，\s“”「」]{2,10}·[^，\s“”「」]{1,8}[”」]?$|(?:在行动|进行时|再出发|看变化|见成效)$/u,
  /**
   * A head line that ends like a sentence, in `！` or `？` (with a closing quote or not): a 主题 may (GB/T
   * 15834-2011 allows a question or exclamation mark at the end of a title), but it is never a 引题 set apart
   * from its 主题 by a blank line: there it is the last paragraph of the story above.
   */
  sentenceEnd: /[！？!?…][”’」』]*$/u,
  /** A head that is one quotation, nothing outside the quotes: `“六楼的我终于能天天下楼了”`. */
  quoted: /^“[^“”]{4,28}”$/u,
  /** A one-word exclamation over the news: `暖心！`, `点赞！`, `好消息！`. */
  exclamation: /^[\p{Script=Han}]{1,4}[！!]$/u,
  /** A line that announces an event (`县委常委会召开扩大会议`, `首届农民丰收节开幕`): a 主题, or a 引题 over its message. */
  event:
    /(?:召开|举行|举办|开幕|闭幕|启动|开班|开讲|开赛|揭牌|揭晓|落幕|会议|大会|座谈会|推进会|现场会|学习会|报告会|发布会|仪式)$|召开|举行|举办/u,
  /**
   * A 副题 that continues the 主题's fact, its subject left out: `将为全球气候研究提供数据`, `覆盖城东8个新建小区`,
   * `研究部署秋冬种工作` (what a meeting did), `为期两个月…`, `位居全市第一`, `总数达到5项`, `亩均节水三成`.
   */
  continuation:
    /^(?:将|并|还|已|又|同时|其中|全年|预计|力争|目前|截至|累计|共(?:有|计|\d)|总投资|计划|覆盖|惠及|涉及|为期|研究部署|部署|听取|审议|要求|确保|位居|位列|居全|排名|名列|总数|总量|总计|达到|同比|较上年|比上年|亩均|人均|户均|系(?!列|统))/u,
  /**
   * A head line that opens with its own subject, a place or a body (`我县…`, `全市…`, `城关镇…`, `县图书馆…`):
   * a complete news statement. Over a short line that is no slogan, it is the 主题 and the short line its 副题
   * (`城关镇新建12个村级快递驿站` / `村民取件不出村`).
   */
  subject:
    /^(?:我|全|本)?(?:国|省|市|县|区|镇|乡|村)(?![长委])|^[\p{Script=Han}]{1,8}?(?:省|市|县|区|镇|乡|村|街道|社区|医院|学校|公司|中心)(?![长委])/u,
  /** A feature title (`山里娃的“梦想课堂”`, `小巷深处的“幸福食堂”`): a 主题 over the line that states the fact. */
  title: /^(?![在当为随])[^，\s]{1,12}的[“「]?[^的，\s]{1,6}[”」]?$/u,
  /** Numbered lines (`一、`, `（二）`, `3.`) are list items or crossheads, never headlines. */
  numbered:
    /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+[，、：:])/u,
  /** A crosshead that leads into the text: a phrase ending in a dash, `守住耕地——`. */
  leadIn: /[—－]{1,2}$/u,
} as const;

/**
 * Notices (公告, 通知, 主席令, 决定, 任免名单, 启事 …). Why: a notice is set as its own kind of module, with the
 * title centred and the signature and date flush right, so it must not become a story.
 */
export const NOTICE = {
  /** A notice title ends with the document's kind. */
  title:
    /(?:公告|通告|通知|启事|启示|声明|公示|倡议书|更正|致歉|更正说明|致读者|通报|决定|决议|主席令|国务院令|政府令|人民政府令|委员会令|任免名单|公报|告知书|告示|须知|公开信|致.{1,12}的信|征集令|招聘简章|招生简章|招标公告|拍卖公告|(?:\d{4}年)?第[\d一二三四五六七八九十]+号公告)$|^关于.{2,40}的(?:倡议|意见|实施意见|实施方案|办法|规定|批复|细则)$/u,
  /** Titles that are a roll of entries (任免名单): each line is an entry. */
  roll: /(?:任免名单|人事任免|任免事项)$/u,
  /** The document number under the title: `第二十一号`, `（2024）第3号`, `县政发〔2024〕12号`. */
  number:
    /^(?:[（(]?第[一二三四五六七八九十百零〇\d]+号[）)]?|[（(〔[]\d{4}[）)〕\]][\p{Script=Han}\dA-Za-z\s\u3000]{0,14}?第?[\s\u3000]*\d+[\s\u3000]*号|[\p{Script=Han}]{1,10}[〔[（(]\d{4}[〕\]）)][\s\u3000]*第?\d+[\s\u3000]*号)$/u,
  /**
   * An issuing body on a signature line: ends with an organisation word (`本报总编室` too); a family signs a
   * 寻人启事 as `家属`.
   */
  issuer:
    /^[\p{Script=Han}（）()《》·、\s\u3000\dA-Za-z]{2,40}?(?:局|委|委员会|常委会|常务委员会|政府|人民政府|公司|有限公司|办公室|办公厅|中心|院|所|会|部|厅|处|队|站|社|集团|银行|学校|医院|法院|人民法院|检察院|街道|办事处|镇|乡|村|委会|小组|指挥部|联合会|协会|研究院|大学|学院|报社|管委会|分局|支队|大队|党委|党组|政协|人大|监委|纪委|工作组|家属|全体股东|董事会|编辑部|联|妇联|残联|文联|侨联|科协|工会|团委|办|日报|晚报|报|杂志社|电视台|融媒体中心|出版社|总编室|编辑室|[\s\u3000][\p{Script=Han}]{2,4})$|^(?:全体)?家属$/u,
  /** A signature of a person with a title: `中华人民共和国主席  林正平`, `县长 王明远`. */
  officer: new RegExp(
    `^[${HAN}]{0,20}(?:主席|副主席|主任|县长|市长|省长|局长|书记|总理|委员长|院长|部长|厂长|经理|董事长|校长|会长|理事长|负责人|法定代表人)${SP}[:：]?${SP}${NAME}$`,
    'u',
  ),
  /**
   * Who signs a 声明 or 启事 by their part in it: `声明人：李某某`, `失主：张先生`, `启事人 王某`, `声明人：某某家庭农场`.
   * Why: a notice of a person has no issuing body; this line is its signature.
   */
  signer:
    /^(?:声明人|启事人|失主|寻人者|申请人|当事人|委托人|发布人|立约人|承诺人)[\s\u3000]*[:：]?[\s\u3000]*(\S.*)$/u,
  /** `特此公告。`, `特此通知。`: the formula that ends a notice's text. */
  formula: /^特此(?:公告|通告|通知|声明|函告|告知|公示)[。！]?$/u,
} as const;

/** Dates standing alone on a line (落款日期, a notice's date). */
export const DATE = {
  only: /^(?:\d{4}年)?\d{1,2}月\d{1,2}日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/u,
} as const;

/** Lists of names (获奖名单, 光荣榜). Why: set in columns, unjustified, one entry per name. */
export const LIST = {
  /**
   * A list title ends with 名单, 名录, 光荣榜, any …榜 (`“好人榜”`, `英雄榜`) … (任免名单 is a notice), also after a
   * note in brackets. A head line ending in 榜 is a list only over lines of entries (readList); a 金牌榜, 积分榜
   * or 排行榜 is a table of figures.
   */
  title:
    /(?:名单|名录|名册|光荣榜|榜单|花名册|一览|获奖者|获奖作品|入围作品|候选人|人选|(?:(?!金牌|奖牌|积分|排行|销量|票房)[\p{Script=Han}]{2})榜”?)(?:[（(][^（）()]{1,16}[）)])?$/u,
  /** A name, or a two-character name padded to three: one token of a names line. */
  name: new RegExp(`^(?:[${HAN}]{2,4}|[${HAN}]{1,6}·[${HAN}·]{1,12})$`, 'u'),
  /** A unit or household on a roll of honour: `县第一中学`, `城关镇人民政府`, `王芳家庭`, `白沙村`. */
  unit: /^[\p{Script=Han}\d“”]{2,20}(?:家庭|之家|户|村|社区|镇|乡|街道|局|委|办|中心|学校|小学|中学|幼儿园|医院|公司|站|所|队|院|厂|店|协会|合作社|集团|部|处|科|室|组|班|团|馆|会)$/u,
  /**
   * A heading over a group of a list's entries: `一等奖（3名）`, `先进集体（4个）`, `优秀教师：`, `特等奖`.
   * (Numbered headings, `一、先进集体`, are told by their number.)
   */
  heading:
    /^(?:[一二三四五六七八九十\d]+等奖|特等奖|优秀奖|金奖|银奖|铜奖|入围奖|提名奖|先进集体|先进个人|先进单位|[\p{Script=Han}]{2,10}(?:奖|称号))(?:[（(][^（）()]{1,12}[）)])?[：:]?$|^[\p{Script=Han}“”]{2,12}[（(]\d+[个名人家户项位所][）)][：:]?$|^[\p{Script=Han}“”]{2,10}[：:]$/u,
} as const;

/** Tables flattened into text. Why: a price list or results table is a table item with rows and cells. */
export const TABLE = {
  /** Cell separators on one line: a tab, two or more spaces, or ideographic spaces. */
  cells: /\t+|[ \u00A0]{2,}|\u3000+/u,
  /**
   * A numeric cell: `2.50`, `1,200`, `-0.3%`, `12.5元`, `3:1`, `↑2.1`, `28℃`, `5.2万`, `7.85元/升`, `628元/克`,
   * `3.52米`: a number, a unit, and a unit it is counted per.
   */
  numeric:
    /^[+\-−↑↓▲▼]?\d[\d,.:：/／]*(?:%|‰|个百分点|[万亿千百]?(?:元|美元|吨|斤|公斤|千克|克|升|毫升|个|台|家|人|人次|次|件|户|亩|分|秒|米|毫米|厘米|公里|千米|℃|度|倍|名|辆|套|平方米|㎡|立方米|千瓦时|千瓦|小时|天|岁|头|只|株|篇|场|例|项|枚|票|座|所))?(?:[/／]\d{0,4}(?:斤|公斤|千克|克|升|个|只|吨|平方米|㎡|立方米|千瓦时|度|人|户|亩|头|小时|天|次|件|箱|袋|盒|瓶|份|张))?$/u,
  /** A body cell that stands for a figure: unchanged, none, not sold. */
  noFigure: /^(?:持平|—|－|-|\/|／|无|暂无|停售|缺货)$/u,
  /** A line naming the table's unit or source: `单位：元/公斤`, `（单位：亿元）`, `数据来源：县统计局`, `注：…`. */
  note: /^[（(]?(?:(?:单位|计量单位|数据来源|来源|资料来源|注|备注|说明|统计时间|制表)[:：]|数据截至|截至|统计截至)/u,
} as const;

/** Lists of briefs (简讯). */
export const BRIEFS = {
  /** A header over briefs: `简讯`, `本地快讯`, `【一句话新闻】`, `新闻速览`, `□本地快讯`, `一周要闻`, `乡镇动态`. */
  header:
    /^[□◇◆■▲△◎☆★【[]?[\s\u3000]*(?:[\p{Script=Han}]{0,6}(?:简讯|快讯|短讯|速递|速览|简报|短波|集锦|快递|快报|一句话新闻|简明新闻|新闻超市)|[\p{Script=Han}]{1,4}(?:要闻|动态|资讯|扫描|传真|播报|掠影|拾零))[】\]]?$/u,
  /** A brief that opens with a bullet: `■10月10日，…`, `●…`, `▲…`. */
  bullet: /^[■●▲◆◇□○•·▶►]/u,
  /** A run-in head in brackets: `【县图书馆开展国庆阅读活动】10月1日…`. */
  runIn: /^【([^】]{4,40})】/u,
  /** The bullet before a brief, and the space after it: `■ `, `▲`, `●`. */
  bulletMark: /^([■●▲◆◇□○•▶►★☆◎])[\s\u3000]*/u,
  /**
   * Where a run-in head ends and the text begins: a full-width space (or two spaces) before the text or its
   * dateline: `东坝镇：稻田养蟹亩均增收两千元　本报讯　今年，…`. Why: one-line briefs print their head run in.
   */
  runInSpace: /\u3000+|[ \u00A0]{2,}|[ \u00A0](?=本报|据)/u,
  /** A run-in head ended by a colon: `县图书馆新馆开放：10月1日起，…`. */
  runInColon: /[：:]/u,
  /**
   * What opens a sentence, not a head (`10月1日：`, `近日，`, `记者从…获悉：`): before a colon it is no run-in head.
   */
  notHead:
    /^(?:\d{1,2}月\d{1,2}日|\d{4}年|近日|日前|连日来|今年以来|今年|目前|截至|记者|据|本报)|(?:获悉|表示|介绍|指出|了解到|说|称|透露|发现|看到|认为|强调|提醒)$/u,
} as const;

/** A page index (导读). */
export const INDEX = {
  header: /^[【[]?(?:本期|今日|本版|要闻)?(?:导读|要目)[】\]]?$/u,
  /** `●我县前三季度经济运行稳中有进　　2版`, `·……（第3版）`. */
  pageRef: /(?:第?[\s\u3000]*[A-Za-z]?\d{1,2}[\s\u3000]*版|[A-Z]\d{1,2})[\s\u3000]*[）)]?$/u,
  bullet: /^[●■◆▲►▶·•]/u,
} as const;

/** Advertisements and service boxes. */
export const AD = {
  /**
   * A field an ad or service box prints and a headline never does: an address, a phone number, a website.
   * Why: such a line rules out a head group.
   */
  field:
    /地址[:：]|电话[:：]|热线[:：]|咨询[:：]|联系方式[:：]|联系人[:：]|[Tt][Ee][Ll][:：.]|手机[:：]|网址[:：]|邮箱[:：]|QQ[:：]|\d{3,4}-\d{7,8}|\b\d{8,}\b|www\.|营业时间[:：]/iu,
  /** Words an ad uses (weaker: they also occur in news). */
  words:
    /电话|热线|咨询|联系方式|联系人|hotline|网址|微信|公众号|邮箱|QQ|\d{7,}|欢迎(?:来电|垂询|惠顾)|营业时间|优惠|特价|热销|火热招生|招生|加盟|开业|大促|五折|折起/iu,
} as const;

/** Weather boxes. */
export const WEATHER = {
  /** Weather words; a line with a temperature and several of them is weather. */
  signals: [
    /℃|°C/,
    /气温/,
    /多云/,
    /[阵雷]雨|[小中大暴]雨|雨夹雪|[小中大]雪/,
    /晴/,
    /阴/,
    /[东南西北偏][东南西北]?风|风力/,
    /\d\s*(?:到|～|~|-|—)?\s*\d?\s*级/,
    /湿度/,
    /降水|降雨/,
    /天气/,
  ],
  label: /^[【[]?(?:天气预报|今日天气|天气|气象)[】\]]?(?:[:：\s]|$)/u,
  /** Reporting words: a line with them is a story about the weather, not a weather box. */
  reporting: /据|记者|表示|介绍|获悉/u,
} as const;

/**
 * Slot labels of a CMS export that writes each field on a labelled line: `【引题】…`, `主题：…`, `【副题】` (empty),
 * `【正文】`. Why: the label says which head line is which; it is furniture of the export, not copy, and an empty
 * slot is no line at all. Recognised only when a copy has at least two head-slot labels.
 */
export const SLOT = {
  line: /^(?:【(引题|肩题|眉题|主题|标题|主标题|大标题|副题|副标题|子题|作者|署名|正文)】|(引题|肩题|眉题|主题|主标题|副题|副标题|正文)[：:])[\s\u3000]*/u,
  kicker: /^(?:引题|肩题|眉题)$/u,
  headline: /^(?:主题|标题|主标题|大标题)$/u,
  subhead: /^(?:副题|副标题|子题)$/u,
} as const;

/** Lines that print nothing: rules and ornaments (`——————`, `＊＊＊`). */
export const DECORATION = /^[\s\-=_*~·•—－＝＊#＿]+$/u;

/** Sentence-final punctuation (GB/T 15834-2011 §4.1–4.3: 句号, 问号, 叹号; §4.6 分号; §4.7 冒号; §4.10 省略号). */
export const TERMINAL = /[。！？!?…；;：:.]/u;

/**
 * A sentence stop inside or at the end of a line: 句号, 分号, an ASCII period after Chinese text (messy copy
 * types `.` for `。`; a period between digits, `1.65米`, is no stop), an ellipsis at the end. Why: a line with a
 * sentence stop is text, never a head line (a 主题 may end in `？` or `！`, never in a period or an ellipsis, with
 * or without a closing quote after it).
 */
export const SENTENCE_STOP = /[。；;]|[\p{Script=Han}”’」』）)%]\.(?![\d.])|…[”’」』]*$/u;

/**
 * A line ending in a closing quote right after terminal punctuation (`“太好了！”`, `“我们一定能行……”`): quoted
 * speech, a paragraph of its own in a feature (GB/T 15834-2011 §4.1.3.1: the end mark stays inside the quote
 * when the quote is a sentence). Why: a head line quotes a phrase, not a finished sentence; taken as a head, a
 * line of speech cut a feature in two. A head that is a quoted sentence is read only right over a byline or a
 * dateline (see readHeadGroup).
 */
export const SPEECH_END = /[。！？!?…][”’」』]+$/u;

/**
 * Marks a paragraph cannot end with: a comma, an enumeration comma, an opening quote or bracket, a dash pair
 * opening an aside. Why: text after a blank line following one of them continues the same sentence.
 */
export const OPEN_END = /[，、,“‘（(《〈【—]$/u;

/** Marks no head line or paragraph starts with: the text continues a sentence cut before it. */
export const CONTINUES = /^[，、。；：！？,.;:!?）)》〉」』”’…]/u;
