/**
 * importCopy: the sample page equals the reference; copies of other papers keep their structure and lose nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { checkNoLoss, importCopy, itemsToReferenceJson, normalizePunctuation } from '../src/ingest/index.js';
import type { ArticleItem, Item } from '../src/model/edition.js';

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
      '本报北京10月11日电 （记者 张明远）',
      '【本市讯】',
      '新华社北京10月11日电',
      '本报7月1日讯',
    ]);
    expect(a[0]!.subhead).toBe('——部署做好今年秋粮收购各项工作');
    expect(a[0]!.paragraphs[0]!.startsWith('国家粮食和物资储备局')).toBe(true);
    expect(a[1]!.credits).toEqual(['（记者 李华）']);
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

  it('a list of briefs: one item per brief, the list label on the first', () => {
    const a = articles(load(path.join(FIX, 'briefs.txt')).items);
    expect(a.map((x) => x.headline)).toEqual([
      '县图书馆开展国庆阅读活动',
      '城东街道举行消防演练',
      '县人民医院开通夜间门诊',
    ]);
    expect(a.map((x) => x.section)).toEqual(['□本地快讯', undefined, undefined]);
    expect(a.every((x) => x.paragraphs.length === 1)).toBe(true);
  });

  it('a notice keeps its list, phone line and signature in one item', () => {
    const { items } = load(path.join(FIX, 'notice.txt'));
    expect(items).toHaveLength(1);
    const n = items[0] as ArticleItem;
    expect(n.headline).toBe('关于2024年秋季城乡居民医保参保缴费的通知');
    expect(n.paragraphs.slice(-3)).toEqual(['特此通知。', '县医疗保障局', '2024年8月20日']);
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
