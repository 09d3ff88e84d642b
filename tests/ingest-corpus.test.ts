/**
 * The corpus of other papers' copy (tests/fixtures/ingest, invented text in the conventions of national and
 * county dailies): for each page, the structure a page designer expects, item by item: kinds, kickers,
 * headlines, subheads, credits, datelines, column names, sections, marks; notices' numbers, signatures and
 * dates; list entries; table headers and rows; briefs' heads and credits. Also: nothing lost, nothing invented,
 * and no headline ends up inside a paragraph.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopyFile, itemsToReferenceJson, readStoryFile, writeStoryFiles } from '../src/ingest/index.js';
import { checkNoLoss } from './no-loss.js';
import type { Item } from '../src/model/edition.js';

const FIX = path.resolve(__dirname, 'fixtures', 'ingest');

/** An item in a few words: what the tests below compare. */
function shape(it: Item): unknown[] {
  const marks = (m: Array<{ paragraph: number; role: string }> | undefined): string =>
    (m ?? []).map((x) => `${x.paragraph}:${x.role}`).join(' ');
  switch (it.kind) {
    case 'article':
    case 'commentary':
      return [
        it.kind,
        it.kicker,
        it.headline,
        it.subhead,
        it.credits,
        it.dateline,
        it.column?.name ?? null,
        it.kind === 'article' ? (it.section ?? null) : null,
        it.paragraphs.length,
        marks(it.marks),
      ];
    case 'photo':
      return ['photo', it.title, it.caption.slice(0, 8), it.credits];
    case 'notice':
      return ['notice', it.title, it.number, it.paragraphs.length, it.signature, it.date, marks(it.marks)];
    case 'list':
      return ['list', it.title, it.intro.length, it.entries, it.outro, ...(it.headings ? [it.headings] : [])];
    case 'table':
      return ['table', it.title, it.header, it.rows.length, it.rows[0]?.length ?? 0, it.notes];
    case 'briefs':
      return ['briefs', it.title, it.entries.map((b) => [b.headline, b.credits])];
    default:
      return [it.kind];
  }
}

function load(name: string): { items: Item[]; sink: Sink } {
  const sink = new Sink();
  const items = importCopyFile(path.join(FIX, name), sink, name);
  const r = checkNoLoss(fs.readFileSync(path.join(FIX, name), 'utf8'), items, sink.items);
  expect(r.missing, `${name}: text lost`).toEqual([]);
  expect(r.extra, `${name}: text invented`).toEqual([]);
  return { items, sink };
}

const A = 'article';
const C = 'commentary';

/** Per page: the expected shape of every item (see shape()), and the non-info diagnostics. */
const CORPUS: Record<string, { items: unknown[][]; problems?: string[] }> = {
  // a national daily's page 1, stories one after another: U+3000 indents, no blank lines inside a story, empty
  // head slots as blank lines, datelines with the byline in brackets, a column tag, 核心阅读, an editorial
  'nd-news-indented.txt': {
    items: [
      [
        A,
        '坚持稳中求进　推动高质量发展',
        '前三季度我国经济运行总体平稳',
        null,
        ['（记者 林振华）'],
        '本报北京10月11日电',
        null,
        null,
        3,
        '',
      ],
      [A, null, '全国秋粮收获进度过七成', null, ['（记者 赵明、孙丽）'], '新华社北京10月11日电', null, null, 2, ''],
      [
        A,
        '乡村振兴一线',
        '山村里的“数字新农人”',
        '——记云岭县茶农李春花',
        ['本报记者 王芳'],
        null,
        '新时代新征程新伟业',
        null,
        6,
        '0:label',
      ],
      [A, null, '以实干实绩书写新篇章', null, ['本报评论员'], null, null, null, 3, ''],
      [A, null, '我国首颗海洋盐度探测卫星发射成功', null, ['（记者 高远）'], '本报酒泉10月11日电', null, null, 2, ''],
    ],
  },
  // stories one after another with no blank line at all: a 本版责编 line on top (an item of its own, warned), a
  // head line after a story whose text ends with a byline of its own, a closing bracketed agency byline
  'nd-no-blank-lines.txt': {
    items: [
      [A, null, '', null, [], null, null, null, 1, ''],
      [A, null, '我国粮食生产再获丰收', null, ['（记者 刘某）'], '本报北京10月11日电', null, null, 2, ''],
      [A, null, '科技赋能乡村振兴', null, ['本报记者 张某'], null, null, null, 2, ''],
      [A, null, '城市更新的温度', '——写在某某街区改造完成之际', ['（新华社记者 王某、李某）'], null, null, null, 1, ''],
    ],
    problems: ['import-no-headline'],
  },
  // a CMS export that labels every field (【引题】, 【主题】, 【副题】, 【作者】, 【正文】), empty slots included: the
  // labels come off (one info), the slots say which head line is which
  'nd-slot-labels.txt': {
    items: [
      [
        A,
        '坚持高质量发展',
        '我国数字经济规模再创新高',
        null,
        ['本报记者 林立'],
        '本报北京10月11日电',
        null,
        null,
        2,
        '',
      ],
      [
        A,
        null,
        '秋冬季森林防火进入关键期',
        '多地加强巡查严防火灾',
        ['（记者 赵某）'],
        '新华社北京10月11日电',
        null,
        null,
        1,
        '',
      ],
    ],
  },
  // an opinion page: column tags after the headline or on the next line, bare-name and 评论员 bylines,
  // 作者为/作者单位 and 本系列 closing lines, an editor's note with its ——编 者 signature above a piece
  'nd-opinion-page.txt': {
    items: [
      [C, null, '让创新活力竞相迸发', null, ['李斌'], null, '人民论坛', null, 4, '3:closing'],
      [C, null, '小巷里的“幸福密码”', null, ['张晓峰'], null, '金台随笔', null, 3, ''],
      [
        C,
        null,
        '让城市更有温度',
        null,
        ['本报评论员 陈曦'],
        null,
        '评论员观察',
        null,
        6,
        '0:note 1:signature 5:closing',
      ],
      [C, null, '别让“打卡”变了味', null, ['周航'], null, '人民时评', null, 3, ''],
      [C, null, '秋天的稻田', null, ['林然'], null, '大地漫笔', null, 4, '3:closing'],
    ],
  },
  // a long feature with 核心阅读, 引子, a crosshead leading in with a dash, short crossheads (one indented), a
  // 图表 closing line; the news story after it is not swallowed
  'nd-feature-crossheads.txt': {
    items: [
      [
        A,
        null,
        '绿水青山间的“生态账本”',
        '——浙西某县践行“两山”理念观察',
        ['本报记者 王芳 李建国'],
        null,
        null,
        null,
        18,
        '0:label 2:label 5:crosshead 9:crosshead 13:crosshead 17:closing',
      ],
      [A, null, '全国生态文明建设现场会召开', null, ['（记者 刘洋）'], '本报杭州10月11日电', null, null, 2, ''],
    ],
  },
  // three forms of briefs: head line + dated text, 【】 run-in heads, bulleted one-liners
  'nd-briefs.txt': {
    items: [
      [
        'briefs',
        '新闻速览',
        [
          ['我国新增5处国家重要湿地', ['（记者 孙海）']],
          ['首届数字乡村论坛举行', ['（记者 罗兰）']],
          ['全国铁路国庆假期运送旅客1.7亿人次', ['（据新华社北京10月11日电 记者 钟华）']],
        ],
      ],
      [
        'briefs',
        '简讯',
        [
          ['【北京出台新规规范共享单车停放】', ['（记者 贺言）']],
          ['【上海浦东新增8条公交线路】', []],
          ['【广州举办秋季招聘会】', ['（通讯员 何晴）']],
        ],
      ],
      [
        'briefs',
        '一句话新闻',
        [
          [null, []],
          [null, []],
          [null, []],
        ],
      ],
    ],
  },
  // 主席令 with its number, a 任免名单 roll, an 通告 under its issuer, a court 公告 with a case number
  'nd-notices.txt': {
    items: [
      ['notice', '中华人民共和国主席令', '第二十一号', 1, ['中华人民共和国主席  林正平'], '2024年10月11日', ''],
      ['notice', '全国人民代表大会常务委员会任免名单', null, 4, [], null, '1:entry 2:entry 3:entry'],
      [
        'notice',
        '某某县人民政府\n关于划定禁止燃放烟花爆竹区域的通告',
        null,
        5,
        ['某某县人民政府'],
        '2024年10月11日',
        '',
      ],
      [
        'notice',
        '某某市中级人民法院公告',
        '（2024）某01民破12号',
        2,
        ['某某市中级人民法院'],
        '二〇二四年十月十一日',
        '',
      ],
    ],
  },
  // a names list with padded two-character names, a medal table, a list with remarks, then a story
  'names-lists.txt': {
    items: [
      [
        'list',
        '2024年度全县“最美乡村教师”名单',
        1,
        ['王　芳', '李建国', '赵　刚', '孙晓梅', '周　洁', '吴明辉', '郑　伟', '冯雪莲', '陈　静', '欧阳春'],
        ['县教育局', '2024年10月11日'],
      ],
      ['table', '第十届全民运动会金牌榜', null, 4, 2, ['（数据截至10月10日18时）']],
      [
        'list',
        '见义勇为先进个人名单',
        0,
        ['张红军（白沙乡农民）', '刘海涛（县第二中学教师）', '马晓丽（城东街道居民）'],
        [],
      ],
      [A, null, '县城东小学举行读书节活动', null, ['■记者 黄丽'], '本报讯', null, null, 1, ''],
    ],
  },
  // tables flattened into text: columns by runs of spaces, by tabs, and a whole table on one line
  'price-tables.txt': {
    items: [
      [
        'table',
        '今日农产品批发价格',
        ['品名', '最高价', '最低价', '均价'],
        5,
        4,
        ['单位：元/公斤', '数据来源：县发展和改革局价格监测中心'],
      ],
      [A, null, '菜价小幅回落　市民菜篮子更轻松', null, ['■记者 吴迪'], '本报讯', null, null, 2, ''],
      ['table', '成品油价格', ['品种', '价格'], 3, 2, []],
      [
        'table',
        '县城区新建商品住宅成交情况',
        ['区域', '套数', '面积（平方米）', '均价（元/平方米）'],
        3,
        4,
        ['（统计时间：10月1日至10月10日）'],
      ],
    ],
  },
  // whole tables on one line: label and figure pairs with units counted per litre or gram (no header), a header
  // and rows, a rank column before the label, marks for no change (持平, —); a spaced head with a figure stays
  // a head
  'tables-one-line.txt': {
    items: [
      ['table', '今日成品油价格', null, 3, 2, []],
      [A, null, '城区菜价继续回落', null, ['■记者 吴迪'], '本报讯', null, null, 1, ''],
      ['table', '主要农产品价格', ['品名', '最高价', '最低价'], 3, 3, ['（单位：元/斤）']],
      ['table', '今日金价', null, 3, 2, []],
      ['table', '今日水情', null, 3, 2, []],
      [A, null, '全县 前三季度 GDP 增长 5.2%', null, [], '本报讯', null, null, 1, ''],
      ['table', '县第五届全民运动会奖牌榜', ['名次', '代表队', '金牌', '银牌', '铜牌'], 3, 5, []],
      ['table', '本周生猪价格', ['品种', '本周', '上周', '涨跌'], 3, 4, []],
    ],
  },
  // photo items: a 图片报道 label, credits on their own line and glued to the caption, padded names, 摄影报道,
  // a source in brackets; a story's own picture caption and credit stay in the story
  'nd-photo-reports.txt': {
    items: [
      ['photo', '图片报道', '10月10日，在', ['新华社记者 马宁摄']],
      ['photo', null, '10月9日，游客', ['本报记者 周舟摄']],
      ['photo', '金秋丰收图', '10月10日，某', ['王小川摄（人民视觉）']],
      ['photo', '港口一派繁忙', '10月11日，集', ['本报记者 李想摄影报道']],
      [A, null, '秋收秋种有序推进', null, ['（记者 许诺）'], '本报济南10月11日电', null, null, 4, '3:closing'],
    ],
  },
  // titled photos: a title line over the caption is the photo's title, never a story head; captions full of
  // shop words (开业, 优惠, 特价, 五折) are captions, not ads; a labelled photo with no credit; a credit in brackets
  // glued to the caption (（摄影：X）); 图片报道 is never a credit's name
  'photo-titles.txt': {
    items: [
      ['photo', '江畔秋色', '10月10日，游', ['张伟摄']],
      [A, null, '我县秋粮收购启动', null, ['■记者 黄丽'], '本报讯', null, null, 1, ''],
      ['photo', '丰收的喜悦', '10月9日，白沙', ['本报记者 李明 摄']],
      ['photo', '金色稻浪', '10月8日，清溪', ['（通讯员 王强 摄）']],
      ['photo', '夜游古镇', '国庆假期，石桥古', ['记者 周舟 摄']],
      ['photo', '图片报道\n新店开业迎客忙', '10月10日，县', ['本报记者 李明 摄']],
      ['photo', '图片报道\n商场促销人气旺', '10月10日，县', []],
      [A, null, '城区启动道路改造', null, ['■记者 张伟'], '本报讯', null, null, 2, ''],
      ['photo', '晨练', '10月7日清晨，', ['（摄影：王强）']],
    ],
  },
  // the same in an indented export with no blank lines: a titled photo after a story opens an item of its own,
  // a story's own picture (图为…, its credit) stays in the story
  'photo-titles-indented.txt': {
    items: [
      [A, null, '城区启动道路改造', null, ['■记者 张伟'], '本报讯', null, null, 2, ''],
      ['photo', '乡村夜校开课了', '10月9日晚，东', ['通讯员 刘洋 摄']],
      [A, null, '县图书馆新馆开放', null, ['■记者 李明'], '本报讯', null, null, 3, '2:closing'],
      ['photo', '秋意浓', '10月8日，清溪', ['（摄影：黄丽）']],
      ['photo', '图片报道\n丰收节上晒丰收', '10月9日，农民', []],
      ['photo', '夜市烟火气', '10月9日晚，县', ['本报记者 何晓 摄']],
    ],
  },
  // lines that end a sentence: a story's last line ending in ！ is never the 引题 of the head group after a
  // blank line; a question or an ellipsis between paragraphs stays text; quoted speech (“太好了！”) is never a
  // head line, but a quoted sentence right over a byline is the head; a 主题 ending in ？ keeps it
  'terminal-lines.txt': {
    items: [
      [A, null, '山村来了新书记', null, ['■记者 张伟'], '本报讯', null, null, 3, ''],
      [A, null, '县城新增三条公交线路', null, ['■记者 李明'], '本报讯', null, null, 4, ''],
      [A, null, '城区启动道路改造', null, [], '本报讯', null, null, 1, ''],
      [A, null, '“我们村的路通了！”', null, ['■记者 张伟'], '本报讯', null, null, 5, ''],
      [A, null, '老旧小区停车难如何破解？', null, ['■记者 李明'], '本报讯', null, null, 3, ''],
    ],
  },
  // labels naming a piece by its form (记者手记, 记者札记, 采访后记, 短评, 编后, 记者感言), padded or not, under a
  // head or between paragraphs: labels, never a credit (记者 手记 names no one, 短评 is no bare name), never a
  // head line, and a dateline after a label under the head still opens the same story
  'labels-forms.txt': {
    items: [
      [A, null, '城东大桥今日通车', null, ['■记者 张伟'], '本报讯', null, null, 3, '1:label'],
      [A, null, '县城新增三条公交线路', null, [], '本报讯', null, null, 4, '0:label 2:label'],
      [A, null, '老街改造留住乡愁', null, [], null, null, null, 4, '0:label 2:label'],
      [A, null, '稻田里的“新农人”', null, ['■记者 李明'], '本报讯', null, null, 3, '1:label'],
    ],
  },
  // the same in an indented export with no blank lines
  'labels-forms-indented.txt': {
    items: [
      [A, null, '城东大桥今日通车', null, ['■记者 张伟'], '本报讯', null, null, 3, '1:label'],
      [A, null, '县城新增三条公交线路', null, [], '本报讯', null, null, 3, '0:label'],
      [A, null, '老街改造留住乡愁', null, [], null, null, null, 4, '0:label 2:label'],
    ],
  },
  // a county paper indenting every line with ASCII spaces but the heads: a ◆ section, a byline run on after
  // 【本报讯】, a column name with its host, indented bylines, weather and an ad
  'county-space-indents.txt': {
    items: [
      [
        A,
        null,
        '城南菜市场完成提升改造',
        null,
        ['记者 蒋涛', '通讯员 范晓燕'],
        '【本报讯】',
        null,
        '◆民生实事进行时',
        3,
        '',
      ],
      [C, null, '莫让“指尖负担”压垮基层', null, ['■江言'], null, '三江时评', null, 2, ''],
      [A, null, '我县举行秋季征兵欢送会', null, ['记者 方圆'], null, null, null, 2, ''],
      ['weather'],
      ['ad'],
    ],
  },
  // an international page: 本报驻X记者, 据新华社…电, （本报X电） closings, a non-opinion column tag, a column
  // name standing above an opinion piece with a bare-name byline
  'intl-page.txt': {
    items: [
      [A, null, '法国举办中国文化周活动', null, ['本报驻巴黎记者 欧阳雪'], null, null, null, 3, '2:closing'],
      [A, null, '多国专家呼吁加强气候合作', null, ['（记者 陈刚）'], '据新华社日内瓦10月10日电', null, null, 2, ''],
      [A, null, '“一带一路”上的中国医生', null, ['本报记者 黄河'], null, '环球走笔', null, 3, '2:closing'],
      [C, null, '世界经济复苏仍需各方合力', null, ['宋岩'], null, '国际观察', null, 3, '2:closing'],
    ],
  },
  // a supplement: its name over the first piece, □ author lines, a poem, 作者单位 and 本版编辑 closings
  'culture-supplement.txt': {
    items: [
      [A, null, '老屋门前的那棵枣树', null, ['□ 林默'], null, null, '大地副刊', 5, '4:closing'],
      [A, null, '读《山河岁月》有感', null, ['□ 陈一禾'], null, null, null, 2, ''],
      [A, null, '秋　思', null, ['□ 王月'], null, null, null, 5, '4:closing'],
    ],
  },
  // an interview: 问/答, 核心阅读, a 链接 box at the end
  'interview-qa.txt': {
    items: [
      [
        A,
        null,
        '让“老字号”焕发新活力',
        '——访某某市商务局局长何晓东',
        ['本报记者 杨帆'],
        null,
        null,
        null,
        10,
        '0:label 2:question 4:question 6:question 8:label',
      ],
    ],
  },
  // an economy page: a news column tag, a 数说 label, a data table with ideographic-space columns and its source
  'economy-page.txt': {
    items: [
      [A, null, '小微企业贷款“提速又降价”', null, ['本报记者 许晴'], null, '经济新方位', null, 5, '2:label'],
      ['table', '前三季度主要经济指标', ['指标', '绝对值', '同比增长'], 3, 3, ['（来源：县统计局）']],
      [A, null, '县政府召开经济运行分析会', null, ['（记者 郑源）'], '本报讯', null, null, 2, ''],
    ],
  },
  // classified notices: 声明, 启事, 公告, each with its contact lines, signature and date
  'classifieds.txt': {
    items: [
      ['notice', '遗失声明', null, 1, [], null, ''],
      ['notice', '招聘启事', null, 2, ['某某县人民医院'], '2024年10月11日', ''],
      ['notice', '迁址公告', null, 2, ['某某县某某物业管理有限公司'], '2024年10月11日', ''],
      ['notice', '寻人启事', null, 3, [], null, ''],
    ],
  },
  // column names in brackets on a line above the head group (【今日谈】, 〖…〗, [东湖时评]), apart from it
  // or not, and a plain column name opening the group: the column (opinion names make commentaries), never a head
  'column-lines.txt': {
    items: [
      [C, null, '别让形式主义耗散基层精力', null, ['何平'], null, '今日谈', null, 2, ''],
      [C, null, '小县城里的大商机', null, ['李明'], null, '县域观察', null, 2, ''],
      [A, null, '城东小区加装电梯试点启动', null, ['■记者 周敏'], '本报讯', '民生直通车', null, 2, ''],
      [C, null, '莫让“网红”景点昙花一现', null, ['□ 江流'], null, '东湖时评', null, 2, ''],
      [A, null, '稻田里的“新农人”', '——记白沙乡种粮大户陈建军', ['本报记者 王芳'], null, '乡村振兴一线', null, 2, ''],
      [C, null, '让“小积分”撬动“大文明”', null, ['钟声'], null, '三江短评', null, 2, ''],
    ],
  },
  // the same in an indented national export: 【评论员观察】 between stories with no blank line, a short dash
  // 副题 (not a signature), a column line set apart
  'column-lines-indented.txt': {
    items: [
      [C, null, '让乡村振兴的底色更亮', null, ['本报评论员 林立'], null, '评论员观察', null, 2, ''],
      [C, null, '消费回暖的信号从哪里来', '——国庆假期市场观察', ['本报记者 吴涛'], null, '经济观察', null, 2, ''],
      [A, null, '老手艺的新传人', null, ['徐静'], null, '文化周末', null, 2, ''],
    ],
  },
  // messy copy (ASCII punctuation, paragraphs cut by blank lines mid-sentence and mid-word): the pieces rejoin, a
  // piece that ends in an ASCII period or continues a sentence is never a head line, the closing credits come off
  'messy-fragments.txt': {
    items: [
      [A, null, '党员干部走村入户解难题', null, ['（通讯员 胡斌）'], '本报讯', null, null, 2, ''],
      [A, null, '县农商银行推出助农贷款', null, [], '本报讯', null, null, 2, ''],
      [A, null, '城区新增公共停车位800个', null, ['（记者 林立）'], '本报讯', null, null, 1, ''],
      [A, null, '城郊蔬菜基地喜获丰收', null, ['（通讯员 沈佳）'], '本报讯', null, null, 2, ''],
      [A, null, '秋季征兵体检工作开始', null, ['（记者 方圆）'], '本报讯', null, null, 1, ''],
    ],
  },
  // credits in brackets closing the last paragraph: after 。, after an ASCII period, right after the text
  'credits-trailing.txt': {
    items: [
      [A, null, '县城东片区排涝工程完工', null, ['（通讯员 胡斌）'], '本报讯', null, null, 2, ''],
      [A, null, '乡村夜校开课了', null, ['（记者 赵刚）'], '本报讯', null, null, 2, ''],
      [A, null, '城北新建两所幼儿园', null, ['（记者 林立 通讯员 沈佳）'], '本报讯', null, null, 1, ''],
      [A, null, '老旧小区改造惠及三千户', null, ['（记者 何晓 通讯员 吴琳）'], '本报讯', null, null, 1, ''],
    ],
  },
  // the same in an indented export with no blank lines: full-width spaces inside the credit, a colon, ASCII
  // brackets, a credit on a line of its own, a county media centre's reporter
  'credits-trailing-indented.txt': {
    items: [
      [A, null, '秋粮收购有序推进', null, ['（记者 赵刚）'], '本报讯', null, null, 2, ''],
      [A, null, '城区学校开展防震演练', null, ['（通讯员：李小明）'], '本报讯', null, null, 2, ''],
      [A, null, '县图书馆延长开放时间', null, ['（记者 林立 实习生 王一鸣）'], '本报讯', null, null, 1, ''],
      [A, null, '菊花展在城南公园开幕', null, ['（县融媒体中心记者 孙悦）'], '本报讯', null, null, 1, ''],
    ],
  },
  // bylines with names padded by spaces, U+3000 or NBSP: the names without their padding (何 晓 吴 琳 → 何晓
  // 吴琳), a letter-spaced three-character name kept; 记者手记 and 采访手记 are labels, not credits
  'bylines-padded.txt': {
    items: [
      [A, null, '全县秋冬种进度过半', null, ['本报记者 何晓 吴琳'], '本报讯', null, null, 5, '2:label'],
      [A, null, '山区学校的“暖心午餐”', null, ['记者 王芳 李建国'], '本报讯', null, null, 2, ''],
      [A, null, '夜市经济点亮县城', null, ['本报记者 欧阳春 赵刚 文/摄'], '本报讯', null, null, 1, ''],
      [A, null, '老街换新颜', null, ['本报记者 李想', '通讯员 何晓 吴琳'], '本报讯', null, null, 3, '1:label'],
      [A, null, '菊香满城', null, ['记者 王 小 明'], '本报讯', null, null, 1, ''],
    ],
  },
  // one-line briefs with run-in heads and no header (■ 东坝镇：稻田养蟹…　本报讯　…（通讯员 X）, heads ending at a
  // full-width space or a colon, ▲/● bullets kept as the brief's bullet), a list that changes bullet after a blank line
  'briefs-runin.txt': {
    items: [
      [
        'briefs',
        null,
        [
          ['东坝镇：稻田养蟹亩均增收两千元', ['（通讯员 胡斌）']],
          ['西山乡：百亩茶园喜获丰收', ['（记者 赵刚 通讯员 李小明）']],
          ['县人民医院开通夜间门诊', ['（通讯员 王芳）']],
        ],
      ],
      [
        'briefs',
        null,
        [
          ['县图书馆新馆开放', ['（记者 刘洋）']],
          ['城南菜市场完成改造', []],
          ['清溪镇举办农民运动会', ['（通讯员 钱程）']],
        ],
      ],
      [
        'briefs',
        '本地快讯',
        [
          ['全县首个“共享菜园”开园', ['（通讯员 李莉）']],
          ['县消防救援大队开展消防演练', ['（通讯员 马骏）']],
          ['石桥镇新建3座口袋公园', ['（记者 孙悦）']],
        ],
      ],
    ],
  },
  // the same among indented stories: bulleted points with colon run-ins stay in their story; briefs that carry
  // their own dateline or credit leave it; a 一周要闻 header over run-in briefs with no bullets
  'briefs-runin-indented.txt': {
    items: [
      [A, null, '我县出台措施支持小微企业发展', null, [], '本报讯', null, null, 4, ''],
      [
        'briefs',
        null,
        [
          ['全省新增5个国家级农业产业强镇', ['（记者 黄丽）']],
          ['首届乡村工匠大赛落幕', ['（通讯员 吴琳）']],
          ['县城公交开通夜班线路', []],
        ],
      ],
      [A, null, '秋季运动会开幕', null, [], '本报讯', null, null, 1, ''],
      [
        'briefs',
        '一周要闻',
        [
          ['县委常委会召开会议', []],
          ['全县秋粮收购进度过半', ['（记者 赵刚）']],
          ['“村BA”篮球赛火热开赛', []],
        ],
      ],
    ],
  },
  // rolls of honour: several names a line (runs of spaces part them, a single U+3000 pads a name), one a line,
  // households, units, group headings (一、先进集体, 一等奖（2名）), notes, the issuer over the date, names inside
  // a story after 名单如下：, a head line over names with no 名单 in it; a 任前公示 is a notice
  'lists-honours.txt': {
    items: [
      [
        'list',
        '2024年度某市“最美家庭”名单',
        0,
        ['王　芳家庭', '刘春华家庭', '李　明家庭', '张建国家庭', '赵　丽家庭', '孙晓东家庭'],
        ['市妇联', '2024年10月11日'],
      ],
      ['list', '第三届“某某工匠”获奖名单', 1, ['张　军', '李海涛', '王　伟', '陈晓红', '赵　强', '刘建平'], []],
      [
        'list',
        '2024年度全县教育系统表彰名单',
        0,
        [
          '一、先进集体（4个）',
          '县第一中学',
          '城关镇中心小学',
          '白沙乡中心幼儿园',
          '县特殊教育学校',
          '二、优秀教师（6名）',
          '王　芳',
          '李建国',
          '赵　刚',
          '孙晓梅',
          '周　洁',
          '吴明辉',
        ],
        [],
        [0, 5],
      ],
      ['list', '“最美志愿者”名单', 0, ['王　红', '刘春华', '李　明', '欧阳雪'], []],
      ['notice', '市管领导干部任前公示', null, 5, ['中共某某市委组织部'], '2024年10月11日', ''],
      [A, null, '我县表彰一批“最美家庭”', null, [], '本报讯', null, null, 4, '1:entry 2:entry'],
      [
        'list',
        '2024年度某市“最美家庭”',
        0,
        ['王　芳家庭', '刘春华家庭', '李　明家庭', '张建国家庭', '赵　丽家庭', '孙晓东家庭'],
        [],
      ],
    ],
  },
  // the same in an indented page: an intro sentence, names run on with 、 (one entry, commas kept), two issuers
  'lists-honours-indented.txt': {
    items: [
      [
        'list',
        '第五届全县中小学生书法比赛获奖名单',
        1,
        [
          '一等奖（2名）',
          '王子轩（县实验小学）',
          '李欣怡（城关镇中心小学）',
          '二等奖（3名）',
          '赵一鸣、孙悦然、周子涵',
          '优秀奖',
          '陈思远',
          '刘　畅',
          '吴佳琪',
          '郑　浩',
        ],
        ['县教育局　县书法家协会', '2024年10月11日'],
        [0, 3, 5],
      ],
      [A, null, '我县举行重阳敬老活动', null, [], '本报讯', null, null, 1, ''],
      [
        'list',
        '全县“十佳”文明家庭名单',
        0,
        ['李　明家庭（城关镇）', '王建国家庭（清溪镇）', '赵　丽家庭（白沙乡）', '钱学文家庭（石桥镇）'],
        ['（按姓氏笔画排序）'],
      ],
    ],
  },
  // 启事 with the paper's name over the title and its 编辑部 signing: notices with signature and date, never a
  // story whose kicker is the paper and whose credit the issuer; an issuer line over a title after a story
  'notices-issuer.txt': {
    items: [
      ['notice', '某某日报\n征稿启事', null, 3, ['某某日报编辑部'], '2024年10月11日', ''],
      ['notice', '更正启事', null, 1, ['本报编辑部'], '2024年10月11日', ''],
      ['notice', '寻人启事', null, 3, ['张某某家属'], '2024年10月9日', ''],
      [A, null, '城东大桥将封闭维修', null, [], '本报讯', null, null, 1, ''],
      [
        'notice',
        '县交通运输局\n关于城区部分道路临时交通管制的通告',
        null,
        2,
        ['某某县交通运输局', '某某县公安局交通警察大队'],
        '2024年10月11日',
        '',
      ],
    ],
  },
  // the same in an indented export with no blank lines: a notice ends at its date line; a bare 更正 title
  'notices-issuer-indented.txt': {
    items: [
      ['notice', '某某日报社\n2025年度报纸征订启事', null, 2, ['某某日报社'], '2024年10月11日', ''],
      ['notice', '更正', null, 1, ['本报编辑部'], '2024年10月11日', ''],
      [A, null, '秋季森林防火进入关键期', null, ['（记者 林立）'], '本报讯', null, null, 2, ''],
      ['notice', '征文启事', null, 4, ['某某县文学艺术界联合会', '某某日报社'], '2024年10月10日', ''],
    ],
  },
  // 声明 and 启事 of papers, bodies and persons: the text, then a closing block set apart (contact lines, the
  // signature, the date) that stays in the notice and is no ad; a person signing by their part (失主：…,
  // 声明人：…), two bodies signing together
  'notices-statements.txt': {
    items: [
      ['notice', '郑重声明', null, 2, ['某某日报社'], '2024年10月11日', ''],
      ['notice', '招聘启事', null, 5, ['县融媒体中心'], '2024年10月11日', ''],
      ['notice', '寻物启事', null, 2, ['失主：张先生'], '2024年10月10日', ''],
      ['notice', '解除合同声明', null, 1, ['声明人：李某某'], '2024年10月9日', ''],
      [A, null, '城区启动道路改造', null, ['■记者 张伟'], '本报讯', null, null, 1, ''],
      ['notice', '联合声明', null, 1, ['某某商贸有限公司', '某某物流有限公司'], '2024年10月8日', ''],
      // contact lines in a block of their own, then the signature and date in another
      ['notice', '迁坟启事', null, 3, ['某某县东岭镇人民政府'], '2024年10月20日', ''],
    ],
  },
  // the same in an indented export with no blank lines: a family signing, a body signing as 声明人
  'notices-statements-indented.txt': {
    items: [
      ['notice', '寻人启事', null, 3, ['王某某家属'], '2024年10月10日', ''],
      [A, null, '城区启动道路改造', null, ['■记者 张伟'], '本报讯', null, null, 2, ''],
      ['notice', '遗失声明', null, 1, ['声明人：某某县某某农机专业合作社'], '2024年10月11日', ''],
    ],
  },
};

/** Every head line of the items: they must never end up inside a paragraph. */
function headlines(items: Item[]): string[] {
  return items.flatMap((it) => {
    if (it.kind === 'article' || it.kind === 'commentary') return [it.headline];
    if (it.kind === 'notice' || it.kind === 'list' || it.kind === 'table') return it.title ? [it.title] : [];
    if (it.kind === 'briefs') return it.entries.flatMap((b) => (b.headline ? [b.headline] : []));
    return [];
  });
}

describe("the corpus of other papers' pages", () => {
  it('has at least twelve pages', () => {
    expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(12);
    for (const f of Object.keys(CORPUS)) expect(fs.existsSync(path.join(FIX, f)), f).toBe(true);
  });

  for (const [file, want] of Object.entries(CORPUS)) {
    it(`${file}: every item as a page designer expects it`, () => {
      const { items, sink } = load(file);
      expect(items.map(shape)).toEqual(want.items);
      expect(sink.items.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(want.problems ?? []);
      // no headline is a paragraph of another item
      const paragraphs = new Set(
        items.flatMap((it) =>
          'paragraphs' in it ? it.paragraphs : it.kind === 'briefs' ? it.entries.map((b) => b.text) : [],
        ),
      );
      for (const h of headlines(items)) expect(paragraphs.has(h), h).toBe(false);
    });
  }

  // the story files `import --out` writes read back as the same items (briefs' bullets and run-in colons too)
  it('every page round-trips through story files', () => {
    for (const file of Object.keys(CORPUS)) {
      const { items } = load(file);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-corpus-'));
      const sink = new Sink();
      const back = writeStoryFiles(items, dir).map((f) => readStoryFile(f, sink));
      const noOrigin = (it: Item): Item => {
        const { origin: _o, ...rest } = it;
        return rest as Item;
      };
      expect(back.map(noOrigin), file).toEqual(items.map(noOrigin));
      fs.rmSync(dir, { recursive: true });
    }
  });

  // the reference JSON (`banmian import --json`) keeps every visible character too: column tags with their
  // brackets, briefs' bullets and run-in separators
  for (const file of Object.keys(CORPUS)) {
    it(`${file}: the reference JSON loses nothing`, () => {
      const { items, sink } = load(file);
      const json = JSON.parse(JSON.stringify(itemsToReferenceJson(items))) as { items: Item[] };
      const r = checkNoLoss(fs.readFileSync(path.join(FIX, file), 'utf8'), json.items, sink.items);
      expect([r.missing, r.extra]).toEqual([[], []]);
    });
  }
});
