// 银龄数仓 page shell: the header and navigation of every page, and the helpers all page scripts share
// (JSON requests, DOM building, zh-CN number formatting). Load it first in <body>; it draws the header at once,
// so the page does not jump when the data arrives.
(function () {
  'use strict';

  // The navigation, in one place. Pages of the KPI dashboard carry the selected region and month from page to
  // page (place: true); other pages (the upload portal, administration) join the list with place: false.
  const NAV = [
    { href: '/', label: '总览', place: true },
    { href: '/themes/population', label: '人口概况', place: true },
    { href: '/themes/services', label: '养老服务', place: true },
    { href: '/themes/allowances', label: '补贴与保障', place: true },
    { href: '/themes/health', label: '健康', place: true },
    { href: '/themes/quality', label: '数据质量', place: true },
  ];

  const TITLE = '银龄数仓 · 老龄事业发展监测';

  // ---- DOM and requests ------------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (key === 'className') node.className = value;
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.substring(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  // Requests in flight, on <html data-loading>: the browser tests wait for 0 instead of sleeping.
  let pending = 0;
  function loading(delta) {
    pending += delta;
    document.documentElement.dataset.loading = String(pending);
  }

  /** GET a JSON answer of /api/v1; a non-2xx answer throws an Error with the API's Chinese message and status. */
  async function getJson(url) {
    loading(+1);
    let response;
    let body;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
      body = await response.json().catch(() => ({}));
    } finally {
      // after the caller has drawn the answer (the continuation runs before this timer)
      setTimeout(() => loading(-1), 0);
    }
    if (!response.ok) {
      const error = new Error(body.error || ('请求失败（HTTP ' + response.status + '）'));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---- zh-CN formatting ------------------------------------------------------------------------------------

  const formats = new Map();
  function numberFormat(min, max) {
    const key = min + '/' + max;
    if (!formats.has(key)) {
      formats.set(key, new Intl.NumberFormat('zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max }));
    }
    return formats.get(key);
  }

  function isNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
  }

  /** 10412345 → "10,412,345"; null → "—". */
  function number(value, digits) {
    return isNumber(value) ? numberFormat(digits, digits).format(value) : '—';
  }

  /** Raw counts (numerators, denominators): up to two decimals, none when whole. */
  function count(value) {
    return isNumber(value) ? numberFormat(0, 2).format(value) : '—';
  }

  /** Decimals a KPI's values are shown with. */
  function decimals(kpi) {
    if (!kpi) return 2;
    if (kpi.ratio || kpi.unit === '元') return 2;
    if (kpi.unit === '小时') return 1;
    return 0;
  }

  /**
   * A KPI value as { text, unit }: large amounts of money in 万元, so a card stays readable; every other value in
   * the KPI's own unit.
   */
  function value(v, kpi) {
    if (!isNumber(v)) return { text: '—', unit: '' };
    if (kpi && kpi.unit === '元' && Math.abs(v) >= 100000) return { text: number(v / 10000, 2), unit: '万元' };
    return { text: number(v, decimals(kpi)), unit: kpi ? kpi.unit || '' : '' };
  }

  function valueText(v, kpi) {
    const shown = value(v, kpi);
    return shown.unit && shown.text !== '—' ? shown.text + ' ' + shown.unit : shown.text;
  }

  /** A change against the previous month: "+1.50 个百分点", "−10 人", "持平". */
  function change(delta, kpi) {
    if (!isNumber(delta)) return '—';
    const digits = decimals(kpi);
    if (Math.abs(delta) < Math.pow(10, -digits) / 2) return '持平';
    const sign = delta > 0 ? '+' : '−';
    if (kpi && kpi.unit === '%') return sign + number(Math.abs(delta), digits) + ' 个百分点';
    return sign + valueText(Math.abs(delta), kpi);
  }

  /** "≥55%", "≤0 人", "100%" */
  function target(targetText, kpi) {
    if (!targetText) return '';
    if (!kpi || !kpi.unit) return targetText;
    return kpi.unit === '%' ? targetText + '%' : targetText + ' ' + kpi.unit;
  }

  /** "2024-12" → "2024年12月" */
  function month(text) {
    if (!text) return '';
    const [year, m] = text.split('-');
    return year + '年' + Number(m) + '月';
  }

  // ---- the header ------------------------------------------------------------------------------------------

  let place = {};

  function navHref(item) {
    if (!item.place) return item.href;
    const params = new URLSearchParams();
    if (place.region) params.set('region', place.region);
    if (place.month) params.set('month', place.month);
    const query = params.toString();
    return query ? item.href + '?' + query : item.href;
  }

  function isCurrent(item) {
    return item.href === '/' ? location.pathname === '/' || location.pathname === '/index.html'
      : location.pathname === item.href;
  }

  function drawHeader() {
    const nav = el('nav', { className: 'nav', 'aria-label': '页面导航' }, NAV.map((item) =>
      el('a', { href: navHref(item), className: isCurrent(item) ? 'current' : null,
        'aria-current': isCurrent(item) ? 'page' : null, 'data-nav': item.href }, item.label)));
    const header = el('header', { className: 'top' },
      el('h1', {}, el('a', { href: navHref(NAV[0]) }, TITLE)),
      nav,
      el('span', { id: 'version-badge', className: 'badge', hidden: true }));
    document.body.prepend(header);
  }

  /** The region and month the KPI pages show: kept in the navigation links, so a theme opens on the same place. */
  function setPlace(region, monthText) {
    place = { region, month: monthText };
    document.querySelectorAll('header.top nav a').forEach((link) => {
      const item = NAV.find((n) => n.href === link.dataset.nav);
      if (item) link.href = navHref(item);
    });
  }

  function setVersion(version) {
    const badge = document.getElementById('version-badge');
    if (!badge) return;
    badge.textContent = version === null || version === undefined ? '' : '数据版本 ' + version;
    badge.hidden = version === null || version === undefined;
  }

  window.Shell = {
    NAV, TITLE, el, getJson, setPlace, setVersion,
    format: { number, count, decimals, value, valueText, change, target, month, isNumber },
  };

  drawHeader();
})();
