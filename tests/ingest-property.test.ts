/**
 * Property: page copy assembled at random from realistic building blocks (head groups, bylines, datelines,
 * paragraphs split at column breaks, photos, ads, weather, notes, jump lines, blank runs, CRLF, full-width
 * indents, trailing spaces) never makes importCopy throw, loses nothing, invents nothing, gives unique ids,
 * and survives the story-file round trip (write → read gives the same items).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy, readStoryFile, writeStoryFiles } from '../src/ingest/index.js';
import { checkNoLoss } from './no-loss.js';
import type { Item } from '../src/model/edition.js';

const HEADS = [
  '我县召开三季度经济运行分析会',
  '全力冲刺全年目标任务',
  '——部署做好今年秋粮收购各项工作',
  '县委书记在调研时强调',
  '锚定目标 坚定信心',
  '“田园五镇”农创赛呼唤“新农人”',
  '我县前三季度GDP同比增长5.3%',
  '老旧小区改造惠及2800户居民',
  '秋季运动会开幕',
  '关于调整城区公交线路的通知',
  '让“办事不求人”成为常态',
  'COVID-19疫苗接种点调整',
  '银杏叶黄秋意浓',
  '白沙村：从“空心村”到“网红村”',
];
const BYLINES = [
  '■记者 林旭东',
  '记者 王芳 通讯员 陈立',
  '（记者 李华）',
  '□本报记者 吴晓峰',
  '文/陈红 图/赵刚',
  '■言成声',
  '■记者 徐玉霞\n实习生 徐俞萌\n通讯员 李凤超 赵红',
  '记者 Lily Chen',
];
const DATELINES = [
  '本报讯 ',
  '本报讯（记者 许诺 通讯员 邱林）',
  '本报北京10月11日电 （记者 张明远）',
  '【本市讯】',
  '新华社北京10月11日电（记者 王立新）',
  '本报记者 赵强 报道 ',
  '（记者 郑伟）',
];
const SENTENCES = [
  '7月1日晚,我市举行第134期创新学堂主题学习活动。',
  '今年以来，全县规上工业增加值同比增长9.2%，高新技术产业增加值占比提高到58.6%。',
  '县统计局提醒，详细数据可登录www.example.gov.cn查询，或拨打咨询电话12345。',
  '“公司今年以来生产情况怎么样？”“整个产品市场供需情况如何？”在企业走访时，他关切地问道。',
  '改造内容包括雨污分流、管线入地、加装电梯和停车位扩容等，居民满意度达96%。',
  '高新区新建标准厂房3.5km²，5G基站累计建成1,260个，新增“专精特新”企业15家；',
  '记者：下一步有什么打算？',
  '刘建国：我们将围绕“强村富民”目标，重点抓好高标准农田建设，让农民在家门口就能增收致富。',
  '比赛设置了插秧接力、挑担竞走、拔河等项目，现场欢声笑语不断',
  '产业升级 动能更足',
  '编者按：乡村振兴，关键在人。即日起，本报开设专栏，记录发展变迁，敬请关注。',
  '（下转第2版）',
  '（上接第1版）建设工业互联网平台，推动500家以上企业上云用数赋智。',
  '10月1日至7日，县图书馆举办“书香国庆”系列阅读活动。（通讯员 沈佳）',
  '■10月10日，县总工会举办职工技能大赛，150名职工同台竞技。',
];
const PHOTOS = [
  ['破浪前行', '昨天，平湖市第十五届运动会赛艇项目比赛在东湖举行，16支赛艇队奋勇向前。', '■摄影 王强'],
  [null, '10月9日，县实验小学的学生参观县消防救援大队，学习消防安全知识。', '刘洋 摄'],
  [null, '10月8日，游客在白沙村民宿区游玩。（记者 徐丽 摄）', null],
  [
    '金秋稻浪',
    '本报讯 10月10日，收割机在金黄的稻田里来回穿梭。本报记者连日来深入田间采访发现，不少农户用上了无人机。',
    '记者 王强 摄',
  ],
] as const;
const ADS = [
  ['嘉兴市交通学校', '地址:平湖市当湖街道车王线大港段98号(西悦广场南)', '招生热线:85087171(驾校)'],
  ['碧水湾花园', '城东核心 品质人居', '售楼热线：400-123-4567'],
];
const WEATHER = [
  '今天多云，午后部分地区阴有阵雨或雷雨。明天晴到多云，偏南风3到4级。今天白天最高气温35℃到36℃。',
  '今日天气 风力：西北风3到4级 气温：9℃～18℃ 晴到多云',
  '天气预报\n\n今天：小雨，气温11℃～16℃，北风2～3级。',
];
const OTHER = [
  '□增值化改革进行时',
  '简讯',
  '导读',
  '东湖评论',
  '第134期评论\nDIYI PINGLUN 栏目统筹:黄金凤',
  '——————',
  '＊＊＊',
];

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const blank = fc.integer({ min: 0, max: 3 }).map((n) => '\n'.repeat(n));

/** A paragraph, possibly split at a column break (with or without a blank line between the halves). */
const paragraph = fc
  .tuple(
    fc.array(pick(SENTENCES), { minLength: 1, maxLength: 3 }),
    fc.option(fc.tuple(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.boolean())),
  )
  .map(([ss, split]) => {
    const text = ss.join('');
    if (!split) return text;
    const chars = Array.from(text);
    const at = Math.max(1, Math.min(chars.length - 1, Math.floor(chars.length * split[0])));
    return chars.slice(0, at).join('') + (split[1] ? '\n\n' : '\n') + chars.slice(at).join('');
  });

const story = fc
  .record({
    heads: fc.array(pick(HEADS), { minLength: 0, maxLength: 3 }),
    byline: fc.option(pick(BYLINES)),
    dateline: fc.option(pick(DATELINES)),
    paras: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
    gaps: fc.array(blank, { minLength: 8, maxLength: 8 }),
  })
  .map(({ heads, byline, dateline, paras, gaps }) => {
    const out: string[] = [];
    if (heads.length) out.push(heads.join('\n'));
    if (byline) out.push(byline);
    const body = paras.map((p, k) => (k === 0 && dateline ? dateline + p : p));
    out.push(...body);
    return out.map((b, k) => `${b}\n${gaps[k % gaps.length] ?? ''}`).join('\n');
  });
const photo = pick(PHOTOS).map(([t, c, cr]) => [t, c, cr].filter((x) => x !== null).join('\n'));
const ad = pick(ADS).map((l) => l.join('\n'));
const block = fc.oneof(
  { weight: 5, arbitrary: story },
  { weight: 2, arbitrary: photo },
  { weight: 1, arbitrary: ad },
  { weight: 1, arbitrary: pick(WEATHER) },
  { weight: 1, arbitrary: pick(OTHER) },
);

/** A whole copy, with the export's quirks applied line by line. */
const copy = fc
  .record({
    blocks: fc.array(fc.tuple(block, blank), { minLength: 0, maxLength: 8 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    indent: fc.constantFrom('', '\u3000\u3000', '  '),
    trailing: fc.constantFrom('', ' ', '\t', '\u3000'),
  })
  .map(({ blocks, crlf, bom, indent, trailing }) => {
    const text = blocks.map(([b, gap]) => `${b}\n\n${gap}`).join('');
    const lines = text
      .split('\n')
      .map((l, k) => (l ? (k % 3 === 0 ? indent : '') + l + (k % 2 === 0 ? trailing : '') : l));
    return (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n');
  });

const noOrigin = (it: Item): Item => {
  const { origin: _o, ...rest } = it;
  return rest as Item;
};

describe('importCopy on random realistic copy', () => {
  it('never throws, loses nothing, invents nothing, gives unique ids, and round-trips through story files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-prop-'));
    let run = 0;
    fc.assert(
      fc.property(copy, (text) => {
        const sink = new Sink();
        const items = importCopy(text, 'p.txt', sink);
        const r = checkNoLoss(text, items, sink.items);
        expect(r.missing).toEqual([]);
        expect(r.extra).toEqual([]);
        const ids = items.map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const d of sink.items) {
          expect(d.at.file).toBe('p.txt');
          expect(d.at.line).toBeGreaterThan(0);
          expect(d.hint.length).toBeGreaterThan(0);
        }
        const out = path.join(dir, String(run++));
        const back = writeStoryFiles(items, out).map((f) => readStoryFile(f, new Sink()));
        expect(back.map(noOrigin)).toEqual(items.map(noOrigin));
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 200), seed: Number(process.env.PROP_SEED ?? 20241011) },
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(copy, (text) => {
        expect(importCopy(text, 'p.txt', new Sink())).toEqual(importCopy(text, 'p.txt', new Sink()));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
