/**
 * The night desk's view of an edition (served by `banmian preview`). It draws the view state the server sends
 * over server-sent events (src/serve/state.ts): the contact sheet, one page large with its overlays (grid,
 * modules, a marker for every problem at its item's place), and the problems grouped by page and item.
 * Coordinates of the report are pt from the top-left of the trim, y down; overlays are placed in percent of
 * the page so that they follow every zoom without being redrawn.
 */

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const KINDS = {
  article: '消息',
  commentary: '评论',
  photo: '图片',
  ad: '广告',
  weather: '天气',
  notice: '公告',
  list: '名单',
  table: '表格',
  briefs: '简讯',
  masthead: '报头',
};
/** 号 names of type sizes in pt (GB/T 12656 typesetting sizes as used by newsrooms). */
const HAO = [
  [42, '初号'],
  [36, '小初'],
  [26, '一号'],
  [24, '小一'],
  [22, '二号'],
  [18, '小二'],
  [16, '三号'],
  [15, '小三'],
  [14, '四号'],
  [12, '小四'],
  [10.5, '五号'],
  [9, '小五'],
];
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4];
/** CSS px per pt at 100 % (actual size: 96 CSS px per inch). */
const ACTUAL = 96 / 72;
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
};
const svg = (tag, attrs = {}) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};
const pct = (v, of) => `${(v / of) * 100}%`;
/** A code's short Chinese name, from the diagnostics table the server sends (src/diag/codes.ts). */
const label = (code) => view.state?.labels?.[code] ?? code;
const mm = (pt) => ((pt * 25.4) / 72).toFixed(1);
const hao = (pt) => HAO.find(([p]) => Math.abs(p - pt) < 0.26)?.[1];

/** What the view shows: the latest state from the server, and the editor's choices. */
const view = {
  state: null,
  page: Number(new URLSearchParams(location.hash.slice(1)).get('p')) || null,
  /** CSS px per pt; null: fit the page. */
  scale: null,
  fit: 'fit',
  module: null,
};

// ---------------------------------------------------------------------------------------------------------
// The state: each event from the server replaces it whole.

function connect() {
  const es = new EventSource('/events');
  es.onmessage = (ev) => apply(JSON.parse(ev.data));
  // a rebuild started: only the status changes
  es.addEventListener('status', (ev) => {
    if (!view.state) return;
    view.state = { ...view.state, ...JSON.parse(ev.data) };
    drawBar();
  });
  es.onerror = () => setStatus('failed', '与预览服务断开，正在重连…');
}

function apply(state) {
  const first = !view.state;
  view.state = state;
  document.body.dataset.seq = String(state.seq);
  const pages = state.pages;
  if (!pages.some((p) => p.number === view.page)) view.page = pages[0]?.number ?? null;
  drawBar();
  drawError();
  drawSheet();
  drawPage(first);
  drawProblems();
  drawQuality();
  if (view.module) drawInfo(view.module);
}

function setStatus(kind, text) {
  const s = $('status');
  s.className = `status ${kind}`;
  s.textContent = text;
}

function drawBar() {
  const { state } = view;
  const r = state.report;
  if (r) {
    $('title').textContent = `${r.paper} ${r.date} · ${r.pages.length} 版`;
    document.title = `版面预览 · ${r.paper} ${r.date}`;
  }
  if (state.status === 'building') setStatus('building', '正在排版…');
  else if (state.status === 'failed') setStatus('failed', '排版失败');
  else {
    const b = state.build;
    const when = new Date().toLocaleTimeString('zh-CN', { hour12: false });
    const what = b?.rebuilt.length ? `重排第${b.rebuilt.join('、')}版` : '版面未变';
    const checking = state.pages.some((p) => !p.checked) ? ' · 印前检查中' : '';
    setStatus('ready', `已更新 ${when} · ${what}${b ? ` · ${(b.ms / 1000).toFixed(2)} 秒` : ''}${checking}`);
  }
  const c = r?.counts;
  $('counts').replaceChildren(
    ...(c
      ? [
          el('span', { class: c.errors ? 'n-error' : '', text: `错误 ${c.errors}` }),
          ' · ',
          el('span', { class: c.warnings ? 'n-warning' : '', text: `警告 ${c.warnings}` }),
          ` · 溢出 ${c.overset} · 未上版 ${c.heldOver} · 缺图 ${c.missingImages}`,
        ]
      : []),
  );
  const page = current();
  $('page-pdf').href = page ? page.pdf : '#';
  // the shop's file name of the page (the URL's last segment, without its version)
  $('page-pdf').title = page ? decodeURIComponent(page.pdf.split('?')[0].split('/').pop()) : '';
  $('edition-pdf').href = view.state.editionPdf;
}

function drawError() {
  const box = $('error');
  const err = view.state.error;
  if (!err) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.replaceChildren(
    el('h2', {
      text: view.state.report ? '排版失败：下面是出错的地方；版面仍是上一次排成功的样子' : '排版失败：还没有排成的版面',
    }),
    ...err.diagnostics.map((d) => entry(d, null)),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The contact sheet.

function drawSheet() {
  const { state } = view;
  const sheet = $('sheet');
  const figs = state.pages.map((p) => {
    let fig = sheet.querySelector(`figure[data-page="${p.number}"]`);
    if (!fig) {
      fig = el(
        'figure',
        { 'data-page': p.number, onclick: () => selectPage(p.number) },
        el('img', { alt: '' }),
        el('figcaption'),
      );
    }
    const img = fig.querySelector('img');
    if (img.getAttribute('src') !== p.image) img.src = p.image;
    img.alt = `第${p.number}版`;
    fig.classList.toggle('selected', p.number === view.page);
    const n = problemsOn(p.number);
    fig
      .querySelector('figcaption')
      .replaceChildren(
        `第${p.number}版`,
        n.error ? el('span', { class: 'badge error', text: String(n.error), title: `${n.error} 个错误` }) : '',
        n.warning ? el('span', { class: 'badge warning', text: String(n.warning), title: `${n.warning} 个警告` }) : '',
      );
    return fig;
  });
  sheet.replaceChildren(...figs);
}

function problemsOn(page) {
  const n = { error: 0, warning: 0, info: 0 };
  const { report, places } = view.state;
  report?.diagnostics.forEach((d, i) => {
    if (places[i]?.page === page) n[d.severity]++;
  });
  return n;
}

function selectPage(n) {
  if (view.page === n) return;
  view.page = n;
  view.module = null;
  $('info').hidden = true;
  history.replaceState(null, '', `#p=${n}`);
  drawSheet();
  drawPage(true);
  drawBar();
  drawQuality();
  // the page's problems into view in the list beside it
  document.querySelector(`#problem-list .group[data-page="${n}"]`)?.scrollIntoView({ block: 'start' });
}

const current = () => view.state?.pages.find((p) => p.number === view.page) ?? null;
const currentReport = () => view.state?.report?.pages.find((p) => p.number === view.page) ?? null;

// ---------------------------------------------------------------------------------------------------------
// The page: image, zoom image, overlays.

function drawPage(reset) {
  const page = current();
  const rp = currentReport();
  $('page').hidden = !page;
  $('empty').hidden = Boolean(page);
  if (!page || !rp) return;
  const { trim } = rp.layout;
  const img = $('page-img');
  // Swap the image only once the new one has loaded: the old page stays on screen until then, no flicker.
  if (img.dataset.src !== page.image) {
    const next = new Image();
    next.onload = () => {
      if (current()?.image !== page.image) return;
      img.src = page.image;
      img.dataset.src = page.image;
      img.dataset.page = String(page.number);
      img.dataset.version = String(page.version);
      $('page-zoom').hidden = true;
      updateZoomImage();
    };
    next.src = page.image;
  }
  for (const id of ['grid', 'modules']) $(id).setAttribute('viewBox', `0 0 ${trim.width} ${trim.height}`);
  drawGrid(rp.layout);
  drawModules(rp);
  drawMarkers(rp);
  if (reset) setZoom(view.fit ?? 'fit');
  else layoutPage();
}

function drawGrid(layout) {
  const g = $('grid');
  const { grid, typeArea: a } = layout;
  const parts = [svg('rect', { class: 'area', x: a.x, y: a.y, width: a.w, height: a.h })];
  for (const x of grid.columnX) parts.push(svg('rect', { class: 'col', x, y: a.y, width: grid.columnW, height: a.h }));
  for (let n = 0; n < grid.lines; n++) {
    const y = grid.firstBaseline + n * grid.pitch;
    parts.push(svg('line', { class: 'base', x1: a.x, x2: a.x + a.w, y1: y, y2: y }));
  }
  g.replaceChildren(...parts);
}

function drawModules(rp) {
  const { trim } = rp.layout;
  const withError = new Set(
    view.state.report.diagnostics
      .map((d, i) =>
        d.severity === 'error' && view.state.places[i].page === rp.number ? view.state.places[i].item : null,
      )
      .filter(Boolean),
  );
  const rects = [];
  const labels = [];
  rp.layout.modules.forEach((m, i) => {
    const r = m.rect;
    const key = moduleKey(m, i);
    const rect = svg('rect', { x: r.x, y: r.y, width: r.w, height: r.h, 'data-module': key });
    if (m.item) rect.dataset.item = m.item;
    if (m.item && withError.has(m.item)) rect.classList.add('has-error');
    if (view.module === key) rect.classList.add('selected');
    rect.addEventListener('click', (ev) => {
      if (view.dragged) return;
      ev.stopPropagation();
      selectModule(key);
    });
    const title = svg('title');
    title.textContent = moduleTitle(m);
    rect.append(title);
    rects.push(rect);
    labels.push(
      el('div', {
        class: 'mlabel',
        style: `left:${pct(r.x, trim.width)};top:${pct(r.y, trim.height)}`,
        text: moduleTitle(m),
      }),
    );
  });
  $('modules').replaceChildren(...rects);
  $('labels').replaceChildren(...labels);
}

const moduleKey = (m, i) => m.item ?? `masthead-${i}`;
const moduleTitle = (m) =>
  m.item ? `${m.item} · ${KINDS[m.kind] ?? m.kind} · ${m.span}栏` : (KINDS[m.kind] ?? m.kind);

/** The diagnostics of the page, each with its index in the report, grouped by where their marker goes. */
function markerGroups(rp) {
  const { report, places } = view.state;
  const groups = new Map();
  report.diagnostics.forEach((d, i) => {
    const p = places[i];
    if (p.page !== rp.number) return;
    const onModule = p.onPage && p.item;
    const at = onModule ? (d.code === 'overset' ? `foot:${p.item}` : `corner:${p.item}`) : 'page';
    const key = `${at}|${d.code}|${d.severity}${onModule ? '' : `|${p.item ?? ''}`}`;
    if (!groups.has(key)) groups.set(key, { at, item: p.item, code: d.code, severity: d.severity, list: [] });
    groups.get(key).list.push({ d, i });
  });
  return [...groups.values()];
}

function drawMarkers(rp) {
  const { trim, modules, overset } = rp.layout;
  const anchors = new Map();
  const anchor = (at) => {
    if (anchors.has(at)) return anchors.get(at);
    let a;
    if (at === 'page') a = el('div', { class: 'anchor page', style: 'left:0;top:0' });
    else {
      const [where, item] = [at.slice(0, at.indexOf(':')), at.slice(at.indexOf(':') + 1)];
      const r = modules.find((m) => m.item === item).rect;
      const y = where === 'foot' ? r.y + r.h : r.y;
      a = el('div', {
        class: `anchor ${where}`,
        style: `left:${pct(r.x + r.w, trim.width)};top:${pct(y, trim.height)}`,
      });
    }
    anchors.set(at, a);
    return a;
  };
  for (const g of markerGroups(rp)) {
    let text = label(g.code);
    if (g.code === 'overset') {
      const lines = overset.find((o) => o.item === g.item)?.lines;
      text = `溢出 +${lines ?? '?'} 行`;
    } else if (g.at === 'page' && g.item) text = `${text} ${g.item}`;
    if (g.list.length > 1) text += ` ×${g.list.length}`;
    const b = el('button', {
      type: 'button',
      class: `marker ${g.severity}${g.code === 'overset' ? ' overset' : ''}`,
      'data-code': g.code,
      'data-item': g.item ?? '',
      'data-diag': g.list.map((x) => x.i).join(' '),
      'aria-label': `${SEVERITY[g.severity]}：${g.list.map((x) => x.d.message).join('；')}`,
      text,
    });
    b.addEventListener('mouseenter', () => showTip(b, g.list));
    b.addEventListener('mouseleave', hideTip);
    b.addEventListener('focus', () => showTip(b, g.list));
    b.addEventListener('blur', hideTip);
    b.addEventListener('click', (ev) => {
      ev.stopPropagation();
      const e = document.querySelector(`#problem-list .entry[data-diag="${g.list[0].i}"]`);
      if (e) {
        e.scrollIntoView({ block: 'center' });
        flash(e);
      }
      if (g.item && g.at !== 'page') selectModule(g.item);
    });
    anchor(g.at).append(b);
  }
  $('markers').replaceChildren(...anchors.values());
}

function showTip(target, list) {
  const tip = $('tip');
  tip.replaceChildren(
    ...list.map(({ d }) =>
      el(
        'div',
        { class: 'item' },
        el('strong', { text: `${SEVERITY[d.severity]} · ${label(d.code)} ` }),
        el('span', { class: 'code', text: d.code }),
        el('div', { text: d.message }),
        el('div', { class: 'hint', text: d.hint }),
        where(d) ? el('div', { class: 'where', text: where(d) }) : null,
      ),
    ),
  );
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  tip.style.left = `${Math.max(4, Math.min(innerWidth - w - 4, r.left))}px`;
  tip.style.top = `${r.bottom + 6 + h < innerHeight ? r.bottom + 6 : Math.max(4, r.top - h - 6)}px`;
}
function hideTip() {
  $('tip').hidden = true;
}

function flash(e) {
  e.classList.remove('flash');
  void e.offsetWidth;
  e.classList.add('flash');
}

// ---------------------------------------------------------------------------------------------------------
// Zoom and pan.

function fitScale(kind) {
  const rp = currentReport();
  const vp = $('viewport');
  if (!rp) return 1;
  const { width, height } = rp.layout.trim;
  const w = vp.clientWidth - 48;
  const h = vp.clientHeight - 48;
  return kind === 'width' ? w / width : Math.min(w / width, h / height);
}

/** Set the zoom: a fit ('fit', 'width'), 'in', 'out', 'actual' or a scale; `at` keeps that point still. */
function setZoom(z, at) {
  const vp = $('viewport');
  const page = $('page');
  const old = view.scale ?? fitScale('fit');
  let scale;
  if (z === 'fit' || z === 'width') {
    view.fit = z;
    scale = fitScale(z);
  } else {
    view.fit = null;
    const pctNow = old / ACTUAL;
    if (z === 'in') scale = (ZOOM_STEPS.find((s) => s > pctNow + 0.001) ?? ZOOM_STEPS.at(-1)) * ACTUAL;
    else if (z === 'out') scale = ([...ZOOM_STEPS].reverse().find((s) => s < pctNow - 0.001) ?? ZOOM_STEPS[0]) * ACTUAL;
    else if (z === 'actual') scale = ACTUAL;
    else scale = Math.min(4 * ACTUAL, Math.max(0.1, z));
  }
  // the point under `at` (or the centre) in page pt, before the change
  const r = vp.getBoundingClientRect();
  const cx = at ? at.x - r.left : vp.clientWidth / 2;
  const cy = at ? at.y - r.top : vp.clientHeight / 2;
  const px = (vp.scrollLeft + cx - page.offsetLeft) / old;
  const py = (vp.scrollTop + cy - page.offsetTop) / old;
  view.scale = scale;
  layoutPage();
  vp.scrollLeft = px * scale + page.offsetLeft - cx;
  vp.scrollTop = py * scale + page.offsetTop - cy;
}

function layoutPage() {
  const rp = currentReport();
  if (!rp) return;
  if (view.fit) view.scale = fitScale(view.fit);
  const { width, height } = rp.layout.trim;
  const page = $('page');
  page.style.width = `${width * view.scale}px`;
  page.style.height = `${height * view.scale}px`;
  $('zoom-level').textContent = `${Math.round((view.scale / ACTUAL) * 100)}%`;
  updateZoomImage();
}

/** Past the view image's resolution, load the page at zoom resolution (and drop it when zoomed out). */
function updateZoomImage() {
  const page = current();
  const z = $('page-zoom');
  if (!page || !view.state) return;
  const dpi = view.scale * 72 * (window.devicePixelRatio || 1);
  if (dpi <= view.state.dpi.view * 1.1) {
    z.hidden = true;
    return;
  }
  if (z.dataset.src === page.zoomImage) {
    z.hidden = false;
    return;
  }
  const next = new Image();
  next.onload = () => {
    if (current()?.zoomImage !== page.zoomImage) return;
    z.src = page.zoomImage;
    z.dataset.src = page.zoomImage;
    z.hidden = false;
  };
  next.src = page.zoomImage;
}

function setupZoomAndPan() {
  for (const b of document.querySelectorAll('[data-zoom]')) b.addEventListener('click', () => setZoom(b.dataset.zoom));
  const vp = $('viewport');
  vp.addEventListener(
    'wheel',
    (ev) => {
      if (!ev.ctrlKey && !ev.metaKey) return;
      ev.preventDefault();
      setZoom((view.scale ?? fitScale('fit')) * Math.exp(-ev.deltaY / 300), { x: ev.clientX, y: ev.clientY });
    },
    { passive: false },
  );
  let drag = null;
  vp.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0 || ev.target.closest('.marker')) return;
    drag = { x: ev.clientX, y: ev.clientY, left: vp.scrollLeft, top: vp.scrollTop, moved: false };
    view.dragged = false;
  });
  window.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    view.dragged = true;
    vp.classList.add('panning');
    vp.scrollLeft = drag.left - dx;
    vp.scrollTop = drag.top - dy;
  });
  window.addEventListener('pointerup', () => {
    drag = null;
    vp.classList.remove('panning');
    setTimeout(() => {
      view.dragged = false;
    }, 0);
  });
  window.addEventListener('resize', () => {
    if (view.fit) layoutPage();
  });
  window.addEventListener('keydown', (ev) => {
    if (ev.target.closest('input, textarea')) return;
    if (ev.key === '+' || ev.key === '=') setZoom('in');
    else if (ev.key === '-') setZoom('out');
    else if (ev.key === '0') setZoom('fit');
    else if (ev.key === 'Escape') selectModule(null);
  });
  vp.addEventListener('click', (ev) => {
    if (!view.dragged && !ev.target.closest('rect, .marker')) selectModule(null);
  });
}

function setupLayers() {
  const sync = () => {
    document.body.classList.toggle('show-grid', $('show-grid').checked);
    document.body.classList.toggle('no-modules', !$('show-modules').checked);
    document.body.classList.toggle('no-markers', !$('show-markers').checked);
  };
  for (const id of ['show-grid', 'show-modules', 'show-markers']) $(id).addEventListener('change', sync);
  sync();
}

// ---------------------------------------------------------------------------------------------------------
// A module's details, with the YAML to pin or resize it.

function selectModule(key) {
  view.module = key;
  for (const r of document.querySelectorAll('#modules rect')) r.classList.toggle('selected', r.dataset.module === key);
  if (key) drawInfo(key);
  else $('info').hidden = true;
}

function drawInfo(key) {
  const rp = currentReport();
  const i = rp?.layout.modules.findIndex((m, k) => moduleKey(m, k) === key) ?? -1;
  const m = i >= 0 ? rp.layout.modules[i] : null;
  const info = $('info');
  if (!m) {
    info.hidden = true;
    return;
  }
  info.hidden = false;
  const r = m.rect;
  const rows = [
    ['类别', KINDS[m.kind] ?? m.kind],
    ['位置', `第${m.column}栏起，占${m.span}栏；第${m.row}行起，共${m.rows}行`],
    ['尺寸', `${mm(r.w)} × ${mm(r.h)} 毫米`],
  ];
  if (m.lines) rows.push(['正文', `${m.lines} 行`]);
  if (m.headSize) rows.push(['主题字号', `${m.headSize} pt${hao(m.headSize) ? `（${hao(m.headSize)}）` : ''}`]);
  // fields later make-up reports may carry (read when present)
  if (m.photo?.ppi) rows.push(['图片精度', `${Math.round(m.photo.ppi)} ppi`]);
  if (m.photo?.aspect) rows.push(['图片比例', String(Number(m.photo.aspect).toFixed(2))]);
  if (m.continued) rows.push(['转版', typeof m.continued === 'object' ? figures(m.continued) : String(m.continued)]);
  const parts = [
    el('h2', { text: m.item ? `模块 ${m.item}` : moduleTitle(m) }),
    el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])),
  ];
  if (m.item) {
    const id = m.item;
    const yaml = [
      `# edition.yaml，第${rp.number}版（pages 下 number: ${rp.number}）的 overrides：`,
      'overrides:',
      `  ${id}: { pin: { column: ${m.column}, span: ${m.span}, row: ${m.row}, lines: ${m.rows} } }`,
    ].join('\n');
    const pre = el('pre', { text: yaml });
    parts.push(
      el('p', { text: '固定在现在的位置（改 column/span 换栏，改 row/lines 换行）：' }),
      pre,
      el('button', {
        type: 'button',
        text: '复制',
        onclick: () => navigator.clipboard?.writeText(yaml),
      }),
      el('p', { text: '其他改法：' }),
      el('pre', {
        text: [
          `  ${id}: { columns: ${Math.max(1, m.span - 1)} }   # 只定栏宽，其余自动`,
          `  ${id}: { priority: 1 }   # 提为头条`,
          `  ${id}: { hold: true }    # 撤下本版`,
        ].join('\n'),
      }),
    );
    const mine = view.state.report.diagnostics
      .map((d, k) => ({ d, k }))
      .filter(({ k }) => view.state.places[k].page === rp.number && view.state.places[k].item === id);
    if (mine.length) parts.push(el('p', { text: '本模块的问题：' }), ...mine.map(({ d, k }) => entry(d, k)));
  }
  info.replaceChildren(...parts);
}

/** A report's figures (an object of numbers and strings) as one line. */
/** The page's quality figures (report.json `layout.quality`, criteria Q3–Q15) as the night desk reads them. */
function figures(q) {
  const n = (v, unit = '') => (v === null || v === undefined ? '–' : `${v}${unit}`);
  return [
    ['最大空白', `${(q.q3.hole * 100).toFixed(2)} %（约 ${q.q3.emptyLines} 行）`, q.q3.hole > 0.015],
    ['栏未排齐', `${q.q4.unbalanced} 处，最多差 ${q.q4.worstShort} 行`, q.q4.unbalanced > 0],
    ['碰题', n(q.q7), q.q7 > 0],
    ['叠题', n(q.q8), q.q8 > 0],
    ['标题层次颠倒', n(q.q9), q.q9 > 0],
    ['孤行', n(q.q12), q.q12 > 0],
    ['最短栏', `${n(q.q13.shortestLeg, ' 行')}（不足 ${q.q13.shortLegs} 处）`, q.q13.shortLegs > 0],
    ['图片问题', `${q.q14.problems}（最低 ${n(q.q14.minPpi, ' ppi')}）`, q.q14.problems > 0],
    ['广告问题', n(q.q15), q.q15 > 0],
  ];
}

/** The page's quality figures, when the layout report has them. */
function drawQuality() {
  const q = currentReport()?.layout.quality;
  const box = $('quality');
  box.hidden = !q;
  if (!q) return;
  const rows = figures(q).map(([name, value, bad]) =>
    el('tr', { class: bad ? 'bad' : '' }, el('th', { text: name }), el('td', { text: value })),
  );
  box.replaceChildren(el('h2', { text: `第${view.page}版 版面指标` }), el('table', { class: 'figures' }, ...rows));
}

// ---------------------------------------------------------------------------------------------------------
// The problems, grouped by page and item.

function where(d) {
  const a = d.at;
  // an absolute path (a photo resolved by the loader) by its file name, as the editor named it
  const file = a.file?.startsWith('/') ? a.file.slice(a.file.lastIndexOf('/') + 1) : a.file;
  return [file ? `${file}${a.line ? `:${a.line}` : ''}` : '', a.page ? `第${a.page}版` : '', a.item ?? '']
    .filter(Boolean)
    .join(' · ');
}

function entry(d, i) {
  const e = el(
    'div',
    { class: `entry ${d.severity}`, 'data-diag': i ?? '', 'data-code': d.code },
    el(
      'div',
      {},
      el('strong', { text: `${SEVERITY[d.severity]} · ${label(d.code)} ` }),
      el('span', { class: 'code', text: d.code }),
    ),
    el('div', { text: d.message }),
    el('div', { class: 'hint', text: d.hint }),
    where(d) ? el('div', { class: 'where', text: where(d) }) : null,
  );
  if (i !== null) e.addEventListener('click', () => jumpTo(i));
  return e;
}

function jumpTo(i) {
  const p = view.state.places[i];
  if (p.page !== null && p.page !== view.page) selectPage(p.page);
  const m = [...document.querySelectorAll('#markers .marker')].find((b) =>
    b.dataset.diag.split(' ').includes(String(i)),
  );
  if (m) {
    m.scrollIntoView({ block: 'center', inline: 'center' });
    flash(m);
  }
  if (p.onPage && p.item) selectModule(p.item);
}

function drawProblems() {
  const { report, places } = view.state;
  const list = $('problem-list');
  if (!report) {
    list.replaceChildren();
    return;
  }
  const byPage = new Map();
  report.diagnostics.forEach((d, i) => {
    const p = places[i];
    const pk = p.page ?? 'edition';
    if (!byPage.has(pk)) byPage.set(pk, new Map());
    const ik = p.item ?? '';
    const items = byPage.get(pk);
    if (!items.has(ik)) items.set(ik, []);
    items.get(ik).push({ d, i });
  });
  const order = [...report.pages.map((p) => p.number), 'edition'].filter((k) => byPage.has(k));
  const groups = order.map((pk) => {
    const items = byPage.get(pk);
    const head = pk === 'edition' ? '全期（不属于某一版）' : `第${pk}版`;
    const count = [...items.values()].reduce((s, l) => s + l.length, 0);
    const sections = [...items.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0))
      .map(([item, l]) => {
        const mod = report.pages.find((p) => p.number === pk)?.layout.modules.find((m) => m.item === item);
        const name = item ? `${item}${mod ? ` · ${KINDS[mod.kind] ?? mod.kind}` : ' · 不在版面上'}` : '本版';
        return [el('h4', { text: name }), ...l.map(({ d, i }) => entry(d, i))];
      });
    return el(
      'section',
      { class: 'group', 'data-page': pk },
      el('h3', {
        text: `${head}（${count}）`,
        onclick: () => typeof pk === 'number' && selectPage(pk),
      }),
      ...sections.flat(),
    );
  });
  $('problem-count').textContent = `（${report.diagnostics.length}）`;
  list.replaceChildren(...(groups.length ? groups : [el('p', { class: 'none', text: '没有问题。' })]));
}

setupZoomAndPan();
setupLayers();
connect();
