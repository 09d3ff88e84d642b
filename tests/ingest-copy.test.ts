/**
 * importCopy: the sample page equals the reference; copies of other papers keep their structure and lose nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy, itemsToReferenceJson, normalizePunctuation } from '../src/ingest/index.js';
import { checkNoLoss } from './no-loss.js';
import { oneLineTable } from '../src/ingest/copy/cells.js';
import {
  isBareName,
  isByline,
  isHeadCandidate,
  isLabelWord,
  isPhotoCredit,
  tidyCredit,
} from '../src/ingest/copy/classify.js';
import type { ArticleItem, BriefsItem, Item, NoticeItem } from '../src/model/edition.js';

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = path.join(ROOT, 'seeds', '000_52660507d51a0aa1.txt');
const REFERENCE = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'seeds', '000_52660507d51a0aa1.reference.json'), 'utf8'),
) as { items: Array<Record<string, unknown>> };
const FIX = path.join(ROOT, 'tests', 'fixtures', 'ingest');

const withoutId = (o: object): object => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'id'));

function load(file: string): { text: string; items: Item[]; sink: Sink } {
  const text = fs.readFileSync(file, 'utf8');
  const sink = new Sink();
  return { text, items: importCopy(text, path.basename(file), sink), sink };
}

function expectNoLoss(text: string, items: Item[], sink: Sink): void {
  const r = checkNoLoss(text, items, sink.items);
  expect(r.missing).toEqual([]);
  expect(r.extra).toEqual([]);
}

const articles = (items: Item[]): ArticleItem[] => items.filter((i): i is ArticleItem => i.kind === 'article');

describe('importCopy on the sample page', () => {
  const { text, items, sink } = load(SAMPLE);
  const json = itemsToReferenceJson(items);

  it('equals the reference item for item and field for field (ids aside), with the reference field order', () => {
    expect(json.items.map(withoutId)).toEqual(REFERENCE.items.map(withoutId));
    for (const [k, it] of json.items.entries()) expect(Object.keys(it)).toEqual(Object.keys(REFERENCE.items[k]!));
  });

  it('numbers ids per kind in copy order and records the first line of each item', () => {
    expect(items.map((i) => i.id)).toEqual([
      'article-1',
      'commentary-1',
      'article-2',
      'photo-1',
      'article-3',
      'article-4',
      'photo-2',
      'ad-1',
      'weather-1',
    ]);
    expect(items.map((i) => i.origin)).toEqual(
      [3, 14, 33, 53, 59, 85, 115, 119, 125].map((line) => ({ file: '000_52660507d51a0aa1.txt', line })),
    );
  });

  it('loses nothing, invents nothing and reports no problem', () => {
    expectNoLoss(text, items, sink);
    expect(checkNoLoss(text, items).moved).toEqual([]);
    expect(sink.items.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(importCopy(text, 'x.txt', new Sink())).toEqual(importCopy(text, 'x.txt', new Sink()));
  });
});

describe('the no-loss checker', () => {
  const { text, items } = load(SAMPLE);
  it('finds a dropped paragraph, by line', () => {
    const cut = structuredClone(items);
    const a = cut[0] as ArticleItem;
    a.paragraphs.splice(1, 1);
    const r = checkNoLoss(text, cut);
    expect(r.missing.map((m) => m.line)).toEqual([10]);
    expect(r.missing[0]!.text.startsWith('本次创新学堂')).toBe(true);
  });
  it('finds invented text and a dropped headline character', () => {
    const cut = structuredClone(items);
    (cut[2] as ArticleItem).headline = '锚定目标 坚定信';
    (cut[2] as ArticleItem).paragraphs.push('这一段原文没有。');
    const r = checkNoLoss(text, cut);
    expect(r.missing).toEqual([{ line: 34, text: '心' }]);
    expect(r.extra).toEqual(['这一段原文没有。']);
  });
});

describe('punctuation normalisation', () => {
  it.each([
    ['7月1日晚,我市举行', '7月1日晚，我市举行'],
    ['地址:平湖市当湖街道98号(西悦广场南)', '地址：平湖市当湖街道98号（西悦广场南）'],
    ['怎么样?”', '怎么样？”'],
    ['决心!看着', '决心！看着'],
    ['能力;对外', '能力；对外'],
    ['办结率达99.3%,回访', '办结率达99.3%，回访'],
    ['AI PaaS智慧农业管理系统', 'AI PaaS智慧农业管理系统'],
    ['产能1,200台,时间10:30', '产能1,200台，时间10:30'],
    ['see http://x.cn/?a=1, ok', 'see http://x.cn/?a=1, ok'],
    ['人工智能(AI)技术', '人工智能（AI）技术'],
    ['(f(x), g)', '(f(x), g)'],
    ['他说: 好', '他说：好'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePunctuation(input)).toBe(expected);
  });
});

describe('rules on small copies', () => {
  const imp = (text: string): { items: Item[]; sink: Sink } => {
    const sink = new Sink();
    return { items: importCopy(text, 't.txt', sink), sink };
  };

  it('rejoins a paragraph split mid-sentence at a column break, but not a finished one', () => {
    const { items } = imp(
      '标题一行\n\n■记者 张三\n\n本报讯 第一段写到一半被分栏截断了的句子还没有写\n\n完。第二句。\n\n第二段从头开始。\n',
    );
    expect((items[0] as ArticleItem).paragraphs).toEqual([
      '第一段写到一半被分栏截断了的句子还没有写完。第二句。',
      '第二段从头开始。',
    ]);
  });

  it('splits a byline glued to a headline and keeps credits on continuation lines', () => {
    const { items } = imp('引题一句 有空格的\n主标题正文■记者 张三\n通讯员 李四 王五\n\n本报讯 正文第一段。\n');
    const a = items[0] as ArticleItem;
    expect([a.kicker, a.headline, a.subhead]).toEqual(['引题一句 有空格的', '主标题正文', null]);
    expect(a.credits).toEqual(['■记者 张三', '通讯员 李四 王五']);
  });

  it('takes the middle of three head lines as the headline and a —— line as the subhead', () => {
    const three = imp('张书记在调研时强调\n抓实抓细\n全面推进乡村振兴各项工作落地见效\n\n■记者 张三\n\n本报讯 正文。\n')
      .items[0] as ArticleItem;
    expect([three.kicker, three.headline, three.subhead]).toEqual([
      '张书记在调研时强调',
      '抓实抓细',
      '全面推进乡村振兴各项工作落地见效',
    ]);
    const dash = imp('我市召开全市经济工作会议\n——全力冲刺全年目标任务\n\n■记者 张三\n\n本报讯 正文。\n')
      .items[0] as ArticleItem;
    expect([dash.kicker, dash.headline, dash.subhead]).toEqual([
      null,
      '我市召开全市经济工作会议',
      '——全力冲刺全年目标任务',
    ]);
  });

  it('takes a colon line over a head group as its 引题, and inside a story as a lead-in', () => {
    const { items } = imp(
      '我县推进三项改革\n\n■记者 张三\n\n本报讯 第一段讲改革的总体情况。\n\n主要做法：\n建强队伍\n\n第二段讲队伍建设的具体内容，县里采取了多项措施。\n\n好消息：\n城区公交全线免费换乘\n\n本报讯 10月10日起，城区公交实行免费换乘。\n',
    );
    expect(items.map((i) => [(i as ArticleItem).kicker, (i as ArticleItem).headline])).toEqual([
      [null, '我县推进三项改革'],
      ['好消息：', '城区公交全线免费换乘'],
    ]);
    expect((items[0] as ArticleItem).paragraphs).toContain('建强队伍');
  });

  it('keeps an in-story subheading inside the story', () => {
    const { items } = imp(
      '我市推进三项改革\n\n■记者 张三\n\n本报讯 第一段讲改革的总体情况。\n\n聚焦营商环境\n\n第二段讲营商环境的改革内容。\n',
    );
    expect(items).toHaveLength(1);
    expect((items[0] as ArticleItem).paragraphs).toEqual([
      '第一段讲改革的总体情况。',
      '聚焦营商环境',
      '第二段讲营商环境的改革内容。',
    ]);
  });

  it('reports ornament lines it leaves out, and text without a headline, with file and line', () => {
    const { items, sink } = imp('一段没有标题的文字，直接开始。\n\n＊＊＊\n');
    expect(items).toHaveLength(1);
    const codes = sink.items.map((d) => [d.code, d.at.file, d.at.line]);
    expect(codes).toContainEqual(['import-no-headline', 't.txt', 1]);
    expect(codes).toContainEqual(['import-ornament-dropped', 't.txt', 3]);
    for (const d of sink.items) expect(d.hint).toMatch(/^(add|put|check|nothing|write|give|move)/);
  });
});

describe('importCopy on copies of other papers', () => {
  const files = fs.readdirSync(FIX).filter((f) => f.endsWith('.txt'));

  it('has the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s: every visible character is kept, in order, and nothing is invented', (f) => {
    const { text, items, sink } = load(path.join(FIX, f));
    expect(items.length).toBeGreaterThan(0);
    expectNoLoss(text, items, sink);
  });

  it('other dateline forms and bracket bylines', () => {
    const a = articles(load(path.join(FIX, 'other-datelines.txt')).items);
    expect(a.map((x) => x.dateline)).toEqual([
      '本报北京10月11日电',
      '【本市讯】',
      '新华社北京10月11日电',
      '本报7月1日讯',
    ]);
    expect(a.map((x) => x.credits)).toEqual([['（记者 张明远）'], ['（记者 李华）'], [], []]);
    expect(a[0]!.subhead).toBe('——部署做好今年秋粮收购各项工作');
    expect(a[0]!.paragraphs[0]!.startsWith('国家粮食和物资储备局')).toBe(true);
    expect(a[1]!.paragraphs).toHaveLength(2);
    expect(a[2]!.headline).toBe('前三季度国民经济运行总体平稳');
    expect(a[3]!.headline).toBe('');
  });

  it('a role byline line with two roles, and 本报记者 X 报道', () => {
    const a = articles(load(path.join(FIX, 'bracket-bylines.txt')).items);
    expect(a).toHaveLength(2);
    expect(a[0]!.credits).toEqual(['记者 王芳', '通讯员 陈立']);
    expect(a[0]!.paragraphs).toHaveLength(3);
    expect(a[1]!.dateline).toBe('本报记者 赵强 报道');
    expect(a[1]!.paragraphs[0]!.startsWith('10月10日上午')).toBe(true);
  });

  it('a list of briefs under a □ label: one briefs item, each brief with its head and credit', () => {
    const { items } = load(path.join(FIX, 'briefs.txt'));
    expect(items.map((i) => i.kind)).toEqual(['briefs']);
    const b = items[0] as BriefsItem;
    expect(b.title).toBe('□本地快讯');
    expect(b.entries.map((e) => e.headline)).toEqual([
      '县图书馆开展国庆阅读活动',
      '城东街道举行消防演练',
      '县人民医院开通夜间门诊',
    ]);
    expect(b.entries.map((e) => e.credits)).toEqual([['（通讯员 沈佳）'], ['（记者 周洁）'], ['（通讯员 孙悦）']]);
  });

  it('a notice keeps its numbered lines and phone line, with its signature and date apart', () => {
    const { items } = load(path.join(FIX, 'notice.txt'));
    expect(items).toHaveLength(1);
    const n = items[0] as NoticeItem;
    expect(n.kind).toBe('notice');
    expect(n.title).toBe('关于2024年秋季城乡居民医保参保缴费的通知');
    expect(n.paragraphs.slice(-3)).toEqual([
      '二、参保人员可通过“浙里办”APP、银行网点或村（社区）便民服务中心缴费。',
      '咨询电话：85012345。',
      '特此通知。',
    ]);
    expect([n.signature, n.date]).toEqual([['县医疗保障局'], '2024年8月20日']);
  });

  it('ASCII punctuation next to Chinese becomes full width; numbers and Latin stay', () => {
    const a = articles(load(path.join(FIX, 'ascii-punct.txt')).items)[0]!;
    const all = a.paragraphs.join('');
    expect(all).toContain('10月10日，县人工智能');
    expect(all).toContain('（详见附表）');
    expect(all).toContain('负责人说：“今年');
    expect(all).toContain('增长12.3%；我们');
    expect(all).toContain('AI PaaS平台建设机遇！”');
    expect(all).toContain('1,200台/日');
    expect(all).toContain('10:30准时启动？');
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[2]!.endsWith('提升竞争力。')).toBe(true);
  });

  it('a story without a byline, then weather and an ad', () => {
    const { items, sink } = load(path.join(FIX, 'no-byline-weather-ad.txt'));
    expect(items.map((i) => i.kind)).toEqual(['article', 'weather', 'ad']);
    expect((items[0] as ArticleItem).credits).toEqual([]);
    expect((items[0] as ArticleItem).paragraphs).toHaveLength(2);
    expect(items[2]?.kind === 'ad' && items[2].lines).toEqual([
      '金秋家具城',
      '国庆大促 全场五折起',
      '地址：县城环城西路88号',
      '咨询热线：85123456',
    ]);
    expect(sink.items.map((d) => [d.code, d.at.line])).toEqual([['import-ornament-dropped', 9]]);
  });
});

describe('credits as data', () => {
  it('joins padded two-character names only when every lone character pairs up', () => {
    const cases: Array<[string, string]> = [
      ['本报记者 何 晓 吴 琳', '本报记者 何晓 吴琳'],
      ['本报记者  王  芳  李建国', '本报记者 王芳 李建国'],
      ['（记者　林　立 通讯员 沈佳）', '（记者 林立 通讯员 沈佳）'],
      ['新华社记者  马  宁摄', '新华社记者 马宁摄'],
      ['（王　强 摄）', '（王强 摄）'],
      ['图 王 芳', '图 王芳'],
      ['何 晓 吴', '何 晓 吴'],
      ['记者 王 小 明', '记者 王 小 明'],
      ['通讯员 李凤超 赵红', '通讯员 李凤超 赵红'],
      ['（摄影：王　强）', '（摄影：王强）'],
      ['文/陈　红', '文/陈红'],
    ];
    for (const [raw, tidy] of cases) expect(tidyCredit(raw), raw).toBe(tidy);
  });
});

describe('lines that end a sentence', () => {
  it('are never head lines when they end in a period, an ellipsis or quoted speech; a title may end in ？ or ！', () => {
    for (const s of [
      '村里的路修好了。',
      '山路弯弯……',
      '“太好了！”',
      '“我们一定能行……”',
      '好日子还在后头呢。”',
      '“真的吗？”',
    ])
      expect(isHeadCandidate(s), s).toBe(false);
    for (const s of ['老旧小区停车难如何破解？', '这样的“网红”要不得！', '3:1！主队逆转取胜'])
      expect(isHeadCandidate(s), s).toBe(true);
  });
});

describe('labels naming a piece by its form', () => {
  it('are labels, never bylines, bare names or head lines', () => {
    for (const s of [
      '记者手记',
      '记者 手记',
      '记者　札记',
      '采访后记',
      '【短评】',
      '编后',
      '微评',
      '记者感言',
      '相关新闻',
    ]) {
      expect(isLabelWord(s), s).toBe(true);
      expect([isByline(s), isBareName(s), isHeadCandidate(s)], s).toEqual([false, false, false]);
    }
    // names and roles stay what they are
    expect(isByline('记者 张伟')).toBe(true);
    expect(isBareName('李　明')).toBe(true);
    expect(isLabelWord('记者张伟')).toBe(false);
  });
});

describe('photo credits', () => {
  it('reads a credit in brackets with a colon, and never a photo label as one', () => {
    for (const s of ['（摄影：王强）', '（图/李　明）', '摄影：王强', '本报记者 何　晓 摄'])
      expect(isPhotoCredit(s), s).toBe(true);
    for (const s of ['图片报道', '图片新闻', '摄影报道', '（本报记者）']) expect(isPhotoCredit(s), s).toBe(false);
  });
});

describe('a whole table on one line', () => {
  it('reads label and figure pairs, a header and rows, a rank column and marks for no figure', () => {
    expect(oneLineTable('92号汽油　7.85元/升　95号汽油　8.35元/升　0号柴油　7.52元/升')).toEqual({
      title: null,
      header: null,
      rows: [
        ['92号汽油', '7.85元/升'],
        ['95号汽油', '8.35元/升'],
        ['0号柴油', '7.52元/升'],
      ],
    });
    expect(oneLineTable('奖牌榜 名次 代表队 金牌 银牌 1 东岭镇 7 3 2 西坪乡 5 6 3 南湖街道 2 8')).toEqual({
      title: '奖牌榜',
      header: ['名次', '代表队', '金牌', '银牌'],
      rows: [
        ['1', '东岭镇', '7', '3'],
        ['2', '西坪乡', '5', '6'],
        ['3', '南湖街道', '2', '8'],
      ],
    });
    expect(oneLineTable('品种 今日 昨日 草鱼 9.50 持平 鲢鱼 6.00 — 鲫鱼 12.00 11.50')?.rows).toEqual([
      ['草鱼', '9.50', '持平'],
      ['鲢鱼', '6.00', '—'],
      ['鲫鱼', '12.00', '11.50'],
    ]);
  });

  it('never reads a head, a sentence, a name list or a single row as a table', () => {
    for (const s of [
      '全县 前三季度 GDP 增长 5.2%',
      '坚持稳中求进　推动高质量发展',
      '大白菜 1.20 元，土豆 2.00 元，西红柿 4.50 元',
      '张　伟 李红梅 王建国 赵　丽 钱学文 孙　芳',
      '10月11日 星期五 农历九月初九',
      '品名 价格 大白菜 1.20',
      '持平 持平 — — 持平 持平',
    ])
      expect(oneLineTable(s), s).toBeNull();
  });
});
