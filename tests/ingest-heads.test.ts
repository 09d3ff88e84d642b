/**
 * Head groups: which line of a group of two or three plain head lines is the 引题 (kicker), the 主题 (headline)
 * and the 副题 (subhead). Each case is an invented head group as Chinese dailies print them, set over a body
 * with a dateline and imported as a page would be; the truth is what a page designer would set as the 主题.
 *
 * The forms weighed (see HEAD in src/ingest/copy/patterns.ts): a 引题 precedes the 主题 and gives its occasion,
 * aim or topic (a slogan such as `推进…`, a meeting that `召开`, `在…上`, `关注…`, `…强调`); a 副题 follows it
 * and explains (a `——` line, a sentence with a comma, a line that continues the fact: `将…`, `覆盖…`); a pair of
 * phrases set apart by a space is a 引题 above a fact, or the 主题 under an event; a line that only frames the
 * news in time or place (`今年以来`, `清溪河畔`), ends with a colon (`东岭镇：`), names a series (`…·…`, `…在行动`)
 * or exclaims one word (`暖心！`) is the 引题 however short the line under it; a line under the 主题 that lacks
 * its subject (`位居…`, `亩均…`) is the 副题 however short; of two plain facts the first is the 主题, also when it
 * is a statement with its own subject (`城关镇新建…`) over a shorter result or quote (`村民取件不出村`).
 */
import { describe, expect, it } from 'vitest';
import { Sink } from '../src/diag/index.js';
import { importCopy } from '../src/ingest/index.js';
import type { ArticleItem } from '../src/model/edition.js';

/** [head lines (the 主题 marked with a leading `*`), why]. */
const CASES: Array<[string[], string]> = [
  // 引题 + 主题
  [['推进医保服务便民化', '*明年起异地就医备案全面实现线上办理'], 'a slogan over a fact'],
  [['全县秋冬种工作推进会召开', '*抓好秋冬种　夯实丰收基础'], 'a meeting over its message, a pair of phrases'],
  [['坚持稳中求进　推动高质量发展', '*前三季度我国经济运行总体平稳'], 'a pair of phrases over a fact'],
  [['农创嘉乡 智创未来', '*“田园五镇”农创赛呼唤“新农人”'], 'a four-and-four slogan over a fact'],
  [['深化“最多跑一次”改革', '*企业开办时间压缩至半天'], 'a reform slogan over its result'],
  [['聚焦共同富裕', '*山区县走出增收新路子'], 'a topic (聚焦…) over the news'],
  [['县委理论学习中心组举行专题学习会', '*以学促干　奋力推进县域高质量发展'], 'an event over its message'],
  [['在希望的田野上', '*种粮大户的“丰收账”'], 'a scene-setting phrase (在…上)'],
  [['为了群众“稳稳的幸福”', '*我县织密织牢民生保障网'], 'a purpose (为了…)'],
  [['县政府常务会议研究部署', '*加快推进重大项目建设'], 'a reporting verb ends the kicker'],
  [['喜迎国庆', '*城区街头花团锦簇'], 'an occasion'],
  [['全力以赴抓项目', '*三季度新开工亿元以上项目17个'], 'a drive over its figures'],
  [['践行“两山”理念', '*废弃矿山变身网红公园'], 'an idea over its example'],
  [['优化营商环境', '*我县“一件事”集成改革再提速'], 'an aim over the news'],
  [['让文明新风吹进千家万户', '*城关镇“积分超市”激发村民参与热情'], 'a wish (让…) over the news'],
  [['国庆假期', '*全县接待游客52万人次'], 'a short time phrase over the news'],
  [['我县举行国庆升旗仪式', '*奋进新征程　建功新时代'], 'an event over its message'],
  [['秋风起　蟹脚痒', '*阳澄湖畔大闸蟹开捕上市'], 'a rhyme over the news'],
  [['中国共产党某某县第十五届委员会第七次全体会议召开', '*奋力谱写现代化建设新篇章'], 'a long event line'],
  [['关注秋冬季流感防控', '*专家提醒：老人儿童尽早接种疫苗'], 'a topic over advice'],
  [['学习贯彻全会精神', '*县委宣讲团深入基层开展宣讲'], 'a study slogan over an event'],
  [['奋力跑出项目建设加速度', '*我县重点项目投资完成率居全市首位'], 'a drive over its result'],
  [['护航秋冬季农业生产', '*县农技专家下田指导防病治虫'], 'an aim over the news'],
  [['弘扬新时代“枫桥经验”', '*矛盾纠纷就地化解率达98%'], 'an idea over its figure'],
  [['金秋十月', '*游客纷至沓来'], 'a season over a short 主题'],
  [['县十七届人大常委会第二十次会议召开', '*依法履职　助推发展'], 'a session over its message'],
  [['全市优化营商环境大会召开', '*以一流环境赋能高质量发展'], 'a meeting over its message (以…)'],
  [['当好“店小二”　服务零距离', '*我县企业服务中心正式运行'], 'a pair of phrases over the news'],
  [['让老人吃上热乎饭', '*我县建成村级老年食堂86家'], 'a wish over the news'],
  // a frame in time or place, a colon, a series name, a one-word exclamation: a 引题 however short the 主题
  [['今年以来', '*全县新增市场主体1.2万户'], 'a time frame (…以来)'],
  [['10月10日上午', '*全县秋季征兵工作动员会召开'], 'a date and time over an event'],
  [['今年前8个月', '*全县规上工业增加值增长8.5%'], 'a period over its figure'],
  [['截至9月底', '*全县新能源汽车保有量突破万辆'], 'a cut-off date'],
  [['十年间', '*荒山变成花果山'], 'a span over a short 主题'],
  [['在白沙乡', '*秋收进度过半'], 'a place (在…) over a short 主题'],
  [['清溪河畔', '*白鹭翩翩入画来'], 'a place by a river (…畔)'],
  [['东岭村里', '*村民唱起丰收歌'], 'a place (…里)'],
  [['从“输血”到“造血”', '*山区村集体经济年收入破百万'], 'a change (从…到…)'],
  [['东岭镇：', '*“稻渔共生”亩均增收两千元'], 'a place and a colon'],
  [['记者调查：', '*老旧小区停车难如何破解'], 'a form of report and a colon'],
  [['好消息：', '*城区公交全线免费换乘'], 'a short word and a colon'],
  [['“我们的节日·重阳”', '*百岁老人过寿宴'], 'a series name with a middle dot'],
  [['科技特派员在行动', '*田间来了“博士团”'], 'a campaign (…在行动)'],
  [['暖心！', '*出租车司机深夜送病童就医'], 'a one-word exclamation'],
  [['数说前三季度', '*全县经济稳中有进'], 'a topic (数说…)'],
  [['面向2035', '*县城总体规划修编启动'], 'an aim (面向…)'],
  [['夜市开张', '*“家门口就能吃上烟火味了”'], 'a short topic over a quoted head'],
  // 主题 + 副题
  [['*冬季旅游热度攀升', '冰雪游订单量同比增长三成'], 'a trend over its figure'],
  [['*县城首座智慧停车楼投用', '提供车位600个'], 'a fact over a short detail'],
  [['*我县获评全国文明城市提名城市', '系全市唯一获此殊荣的县'], 'a fact and what it means'],
  [['*暖心驿站温暖户外劳动者', '全县已建成42个'], 'a fact and its count'],
  [['*全国马拉松锦标赛在我县开跑', '3万名选手同场竞技'], 'an event and its scale'],
  [['*老区群众喝上“放心水”', '农村供水保障工程惠及12万人'], 'a benefit and its programme'],
  [['*小院经济“大”文章', '庭院种养让村民在家门口增收'], 'a feature title and its explanation'],
  [['*秋冬季森林防火进入关键期', '多地加强巡查严防火灾'], 'two facts: the first is the 主题'],
  [['*3:1！主队逆转取胜', '联赛积分升至第三'], 'an exclamation over its consequence'],
  [['*“老街坊”的新生活', '老旧小区加装电梯后，六楼的王奶奶终于能天天下楼了'], 'a sentence with a comma explains'],
  [['*第134期创新学堂举行', '聚焦平安平湖建设'], 'a topic under an event'],
  [['*县委常委会召开扩大会议', '研究部署秋冬种工作'], 'what the meeting did, under it'],
  [['*我县粮食总产再创新高', '全年产量达21.3万吨，比上年增长2.1%'], 'figures with a comma'],
  [['*全县安全生产大检查启动', '为期两个月，覆盖所有行业领域'], 'the detail, a sentence'],
  [['*首届农民丰收节开幕', '12个乡镇展示特色农产品'], 'an event over its detail'],
  [['*城区新增3条公交线路', '覆盖城东8个新建小区'], 'a detail that continues the fact'],
  [['*我国首颗海洋盐度卫星发射成功', '将为全球气候研究提供数据'], 'a consequence (将…)'],
  [['*山里娃的“梦想课堂”', '县教育局组织名师送教下乡'], 'a feature title over its fact'],
  [['*金秋果园采摘忙', '——某某县特色水果产业发展见闻'], 'a dash subhead'],
  [['*城东大桥今日通车', '——记者手记'], 'a dash and a label: a 副题, not a signature'],
  [['*全县森林覆盖率达68%', '位居全市第一'], 'a shorter line that lacks its subject (位居…)'],
  [['*东岭镇建成首个数字农业基地', '亩均节水三成'], 'a rate per mu (亩均…)'],
  [['*我县新增两个国家级非遗项目', '总数达到5项'], 'a total (总数…)'],
  [['*小巷深处的“幸福食堂”', '——城关镇社区养老服务见闻'], 'a feature title and a dash subhead'],
  // a statement with its own subject over a short result or quote: the statement is the 主题
  [['*城关镇新建12个村级快递驿站', '村民取件不出村'], 'a statement over its result'],
  [['*全县城乡居民医保参保率达到99%', '实现应保尽保'], 'a figure over what it means'],
  [['*杨柳镇建成全县首个数字乡村服务中心', '群众办事一次办好'], 'a statement over its benefit'],
  [['*我县首个共享菜园开园迎客', '“家门口就能种菜了”'], 'a statement over a quote'],
  [['*县人民医院开通夜间门诊', '“下班后也能看病了”'], 'a body as subject, over a quote'],
  [['*全市新能源汽车产量突破十万辆', '同比增长35%'], 'a statement over its rate'],
  [['*县图书馆开通24小时自助借阅', '“深夜也能来看书”'], 'a county body (县…) as subject, over a quote'],
  [['*市人民医院新增儿科夜间门诊', '“孩子半夜发烧不用慌”'], 'a city body (市…) as subject, over a quote'],
  // three lines
  [['省政府常务会议强调', '*扎实做好秋冬季安全生产工作', '坚决遏制重特大事故发生'], 'kicker, head, subhead'],
  [['聚焦县域高质量发展', '*工业强县战略结出硕果', '——前三季度规上工业增加值增长9.2%'], 'topic, head, dash subhead'],
  [['金秋时节', '*万亩稻田开镰收割', '预计全县晚稻亩产比上年提高5%'], 'occasion, head, detail'],
];

function heads(lines: string[]): { kicker: string | null; headline: string; subhead: string | null } {
  const copy = `${lines.map((l) => l.replace(/^\*/u, '')).join('\n')}\n\n本报讯 10月10日，记者从有关部门获悉了这一消息，相关工作正在有序推进。\n`;
  const items = importCopy(copy, 'heads.txt', new Sink());
  expect(items).toHaveLength(1);
  const a = items[0] as ArticleItem;
  return { kicker: a.kicker, headline: a.headline, subhead: a.subhead };
}

describe('引题, 主题 and 副题 of a head group', () => {
  for (const [lines, why] of CASES) {
    it(`${lines.join(' / ')}: ${why}`, () => {
      const main = lines.findIndex((l) => l.startsWith('*'));
      const plain = lines.map((l) => l.replace(/^\*/u, ''));
      const join = (xs: string[]): string | null => (xs.length ? xs.join('\n') : null);
      expect(heads(lines)).toEqual({
        kicker: join(plain.slice(0, main)),
        headline: plain[main],
        subhead: join(plain.slice(main + 1)),
      });
    });
  }

  it('has many cases of each order', () => {
    const first = CASES.filter(([l]) => l[0]!.startsWith('*')).length;
    expect(first).toBeGreaterThanOrEqual(10);
    expect(CASES.length - first).toBeGreaterThanOrEqual(15);
  });
});
