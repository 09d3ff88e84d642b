/**
 * importCopy on page copy of other papers (tests/fixtures/ingest/): the structure a page designer expects,
 * nothing lost, nothing invented, never a throw.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy } from '../src/ingest/index.js';
import { checkNoLoss } from './no-loss.js';
import type {
  AdItem,
  ArticleItem,
  BriefsItem,
  CommentaryItem,
  Item,
  NoticeItem,
  PhotoItem,
  WeatherItem,
} from '../src/model/edition.js';

const FIX = path.resolve(__dirname, 'fixtures', 'ingest');

function load(name: string): { text: string; items: Item[]; sink: Sink } {
  const text = fs.readFileSync(path.join(FIX, name), 'utf8');
  const sink = new Sink();
  let items: Item[] = [];
  expect(() => (items = importCopy(text, name, sink))).not.toThrow();
  const r = checkNoLoss(text, items, sink.items);
  expect(r.missing, `${name}: text lost`).toEqual([]);
  expect(r.extra, `${name}: text invented`).toEqual([]);
  return { text, items, sink };
}

const kinds = (items: Item[]): string[] => items.map((i) => i.kind);
const art = (it: Item | undefined): ArticleItem => {
  expect(it?.kind).toBe('article');
  return it as ArticleItem;
};
const heads = (a: ArticleItem | CommentaryItem): Array<string | null> => [a.kicker, a.headline, a.subhead];
const problems = (sink: Sink): Array<[string, number | undefined]> =>
  sink.items.filter((d) => d.severity !== 'info').map((d) => [d.code, d.at.line]);

describe('page copy of other papers', () => {
  it('Windows export: BOM, CRLF, full-width indents, trailing spaces, blank runs; 新华社 and 本报北京电 datelines', () => {
    const { items, sink, text } = load('crlf-bom-xinhua.txt');
    expect(text.startsWith('\uFEFF') && text.includes('\r\n')).toBe(true);
    expect(kinds(items)).toEqual(['article', 'article']);
    const [a, b] = [art(items[0]), art(items[1])];
    // a head that ends in 研究部署 introduces the main head
    expect(heads(a)).toEqual(['国务院常务会议研究部署', '进一步扩大有效投资', null]);
    // the bracketed byline after the dateline is the story's credit
    expect([a.dateline, a.credits]).toEqual(['新华社北京10月11日电', ['（记者 王立新 刘晓）']]);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]!.startsWith('国务院总理')).toBe(true);
    expect([b.dateline, b.credits]).toEqual(['本报北京10月11日电', ['（记者 陈静）']]);
    expect(b.paragraphs).toHaveLength(2);
    expect(b.paragraphs[0]!.startsWith('10月10日至12日')).toBe(true);
    // indents and trailing spaces are gone
    for (const p of [...a.paragraphs, ...b.paragraphs]) expect(p).toBe(p.trim());
    expect(problems(sink)).toEqual([]);
  });

  it('bylines at the end in brackets, □本报记者, 文/图 credits, a bracket byline opening the text', () => {
    const { items, sink } = load('bylines-varied.txt');
    expect(kinds(items)).toEqual(['article', 'article', 'article', 'article']);
    const a = items.map(art);
    expect(a.map((x) => x.headline)).toEqual([
      '全县秋冬季森林防火工作会议召开',
      '老旧小区改造惠及2800户居民',
      '银杏叶黄秋意浓',
      '乡村运动会上的欢声笑语',
    ]);
    expect(a.map((x) => x.credits)).toEqual([
      ['（记者 张三 通讯员 李四）'],
      ['□本报记者 吴晓峰'],
      ['文/陈红', '图/赵刚'],
      ['（记者 郑伟 通讯员 冯佳）'],
    ]);
    expect(a.map((x) => x.paragraphs.length)).toEqual([2, 2, 2, 2]);
    expect(a.map((x) => x.subhead)).toEqual([null, null, null, null]);
    expect(a[0]!.dateline).toBe('本报讯');
    expect(a[3]!.paragraphs[0]!.startsWith('10月9日')).toBe(true);
    expect(problems(sink)).toEqual([]);
  });

  it('a 简讯 list with ■/●/▲ leads: one briefs item per list, one brief per lead, credits split off', () => {
    const { items, sink } = load('briefs-marks.txt');
    expect(kinds(items)).toEqual(['briefs', 'briefs']);
    const [a, b] = items as BriefsItem[];
    expect([a!.title, b!.title]).toEqual(['简讯', '【一句话新闻】']);
    expect(a!.entries.map((e) => [e.headline, e.text[0], e.credits])).toEqual([
      [null, '■', ['（通讯员 王一鸣）']],
      [null, '●', ['（记者 黄丽）']],
      [null, '▲', []],
    ]);
    expect(b!.entries).toHaveLength(2);
    expect(problems(sink)).toEqual([]);
  });

  it('notices: title, issuer under it, numbered items, phone, signature and date; the ad after is an ad', () => {
    const { items, sink } = load('notices.txt');
    expect(kinds(items)).toEqual(['notice', 'notice', 'ad']);
    const [g, n] = items as NoticeItem[];
    expect(g!.title).toBe('国有建设用地使用权挂牌出让公告');
    expect(g!.paragraphs[0]).toBe('县自然资源和规划局');
    expect(g!.paragraphs).toHaveLength(6);
    expect(g!.paragraphs.at(-1)).toBe('联系电话：0571-85012345');
    expect([g!.signature, g!.date]).toEqual([['县自然资源和规划局'], '2024年10月11日']);
    expect(n!.title).toBe('关于调整城区公交线路的通知');
    expect(n!.paragraphs).toEqual([
      '各位市民：',
      '因城北路道路改造，自10月15日起，3路、7路公交车临时调整运行线路，恢复时间另行通知。由此带来的不便，敬请谅解。',
    ]);
    expect([n!.signature, n!.date]).toEqual([['县公交公司'], '2024年10月11日']);
    expect((items[2] as AdItem).lines[0]).toBe('鼎盛家电');
    expect(problems(sink)).toEqual([]);
  });

  it('a 导读 index is its own item; a 编者按 between head and byline stays with its story', () => {
    const { items, sink } = load('index-editor-note.txt');
    expect(kinds(items)).toEqual(['article', 'article']);
    const [idx, s] = [art(items[0]), art(items[1])];
    expect(idx.headline).toBe('导读');
    expect(idx.paragraphs).toHaveLength(3);
    expect(idx.paragraphs.every((p) => p.startsWith('●'))).toBe(true);
    expect(s.section).toBe('□乡村振兴看变化');
    expect(s.headline).toBe('白沙村：从“空心村”到“网红村”');
    expect(s.credits).toEqual(['■记者 孙梅']);
    expect(s.paragraphs).toHaveLength(3);
    expect(s.paragraphs[0]!.startsWith('编者按：')).toBe(true);
    // the dateline stays in the text: a dateline runs into the first paragraph, which is the note here
    expect(s.dateline).toBeNull();
    expect(s.paragraphs[1]!.startsWith('本报讯 十年前')).toBe(true);
    expect(s.marks).toEqual([{ paragraph: 0, role: 'note' }]);
    expect(problems(sink)).toEqual([]);
  });

  it('小标题 inside a story are marked, a column break is rejoined, 转版 lines end stories and start new ones', () => {
    const { items, sink } = load('subheads-jumps.txt');
    expect(kinds(items)).toEqual(['article', 'article', 'article']);
    const [a, b, c] = items.map(art);
    expect(a!.paragraphs).toHaveLength(8);
    expect(a!.paragraphs[4]!.endsWith('累计建成美丽乡村精品村42个。')).toBe(true);
    expect(a!.marks).toEqual([
      { paragraph: 1, role: 'crosshead' },
      { paragraph: 3, role: 'crosshead' },
      { paragraph: 5, role: 'crosshead' },
      { paragraph: 7, role: 'jump' },
    ]);
    expect(a!.paragraphs[1]).toBe('产业升级 动能更足');
    expect(a!.paragraphs[6]!.endsWith('预计年底前全部投入使用。')).toBe(true);
    expect(a!.paragraphs[7]).toBe('（下转第2版）');
    expect(b!.paragraphs).toHaveLength(2);
    expect(b!.marks).toEqual([{ paragraph: 1, role: 'jump' }]);
    // the continuation has no headline in this copy: its own item, with a warning at its line
    expect(c!.headline).toBe('');
    expect(c!.paragraphs[0]!.startsWith('（上接第1版）建设')).toBe(true);
    expect(c!.paragraphs).toHaveLength(2);
    expect(problems(sink)).toEqual([['import-no-headline', 28]]);
  });

  it('an interview: intro, then question and answer paragraphs, questions marked', () => {
    const { items, sink } = load('interview.txt');
    const a = art(items[0]);
    expect(items).toHaveLength(1);
    expect(heads(a)).toEqual([null, '让更多农民端上“金饭碗”', '——访县农业农村局局长刘建国']);
    expect(a.credits).toEqual(['■记者 何琳']);
    expect(a.paragraphs).toHaveLength(5);
    expect(a.marks).toEqual([
      { paragraph: 1, role: 'question' },
      { paragraph: 3, role: 'question' },
    ]);
    expect(a.paragraphs[2]!.startsWith('刘建国：')).toBe(true);
    expect(problems(sink)).toEqual([]);
  });

  it('Latin, numbers, units and a web address stay as written; ASCII punctuation next to Chinese goes full width', () => {
    const { items, sink } = load('latin-numbers.txt');
    const [a, b] = items.map(art);
    expect(items).toHaveLength(2);
    expect(a!.headline).toBe('我县前三季度GDP同比增长5.3%');
    expect(a!.credits).toEqual(['■记者 Lily Chen', '通讯员 张明']);
    expect(a!.paragraphs).toHaveLength(3);
    const all = a!.paragraphs.join('');
    for (const s of ['（GDP）386.5亿元，', '1,260个', '3.5km²', 'www.example.gov.cn查询，', '电话12345。'])
      expect(all).toContain(s);
    expect(b!.headline).toBe('COVID-19疫苗加强针接种点调整');
    expect(b!.paragraphs).toEqual([
      '即日起，县疾控中心将COVID-19疫苗接种点调整至县人民医院门诊楼2楼，接种时间为每周一至周五8:00-11:30。',
    ]);
    expect(problems(sink)).toEqual([]);
  });

  it('three photos (记者 X 摄, X 摄, bracketed credit glued to the caption), one with a long caption full of 本报 words', () => {
    const { items, sink } = load('three-photos.txt');
    expect(kinds(items)).toEqual(['photo', 'photo', 'photo', 'article']);
    const p = items.slice(0, 3) as PhotoItem[];
    expect(p.map((x) => x.title)).toEqual(['金秋稻浪', null, null]);
    expect(p.map((x) => x.credits)).toEqual([['记者 王强 摄'], ['刘洋 摄'], ['（记者 徐丽 摄）']]);
    expect(p[0]!.caption.startsWith('本报讯 10月10日')).toBe(true);
    expect(p[0]!.caption.endsWith('智能烘干设备。')).toBe(true);
    expect(p[2]!.caption).toBe('10月8日，游客在白沙村民宿区游玩。');
    expect(art(items[3]).credits).toEqual(['■记者 朱莉']);
    expect(problems(sink)).toEqual([]);
  });

  it('two ads side by side, and a weather box whose label stands alone and whose 风力 comes before 气温', () => {
    const { items, sink } = load('two-ads-weather.txt');
    expect(kinds(items)).toEqual(['ad', 'ad', 'weather']);
    expect((items[0] as AdItem).lines).toHaveLength(4);
    expect((items[1] as AdItem).lines).toHaveLength(5);
    const w = (items[2] as WeatherItem).text;
    expect(w.startsWith('天气预报')).toBe(true);
    expect(w).toContain('今天：风力东北风3～4级，气温12℃～19℃，多云转阴。');
    expect(w.endsWith('北风2～3级。')).toBe(true);
    expect(problems(sink)).toEqual([]);
  });

  it('commentary columns named above their piece (东湖评论, 今日谈), with ■ and □ pen names', () => {
    const { items, sink } = load('commentary-columns.txt');
    expect(kinds(items)).toEqual(['commentary', 'commentary']);
    const [a, b] = items as CommentaryItem[];
    expect(a!.column).toEqual({ name: '东湖评论', romanized: null, editor: null });
    expect(heads(a!)).toEqual([null, '让“办事不求人”成为常态', null]);
    expect(a!.credits).toEqual(['■东湖生']);
    expect(a!.paragraphs).toHaveLength(2);
    expect(b!.column.name).toBe('今日谈');
    expect(b!.headline).toBe('小事连着民心');
    expect(b!.credits).toEqual(['□林一平']);
    expect(b!.paragraphs).toHaveLength(2);
    expect(problems(sink)).toEqual([]);
  });

  it('a story with the byline in the dateline brackets, a titled photo, an ornament, a one-line weather box', () => {
    const { items, sink } = load('story-photo-weather.txt');
    expect(kinds(items)).toEqual(['article', 'photo', 'weather']);
    const a = art(items[0]);
    expect([a.dateline, a.credits]).toEqual(['本报讯', ['（记者 许诺 通讯员 邱林）']]);
    expect(a.paragraphs).toHaveLength(2);
    expect((items[1] as PhotoItem).title).toBe('激情绽放');
    expect((items[1] as PhotoItem).credits).toEqual(['■摄影 陶然']);
    expect((items[2] as WeatherItem).text).toBe('今日天气 风力：西北风3到4级 气温：9℃～18℃ 晴到多云');
    expect(sink.items.map((d) => [d.code, d.at.line])).toEqual([['import-ornament-dropped', 11]]);
  });

  it('every diagnostic names a code, the file and a line, and says what to do', () => {
    for (const f of fs.readdirSync(FIX).filter((x) => x.endsWith('.txt'))) {
      const { sink } = load(f);
      for (const d of sink.items) {
        expect(d.code).toMatch(/^[a-z-]+$/);
        expect(d.at.file).toBe(f);
        expect(d.at.line).toBeGreaterThan(0);
        expect(d.hint).toMatch(/^(add|put|check|nothing|write|give|move|save|correct|delete)\b/);
      }
    }
  });
});
