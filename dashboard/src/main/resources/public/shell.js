// 银龄数仓 page shell: the header, navigation and user bar of every signed-in page, and the helpers all page
// scripts share (the one JSON request helper with the CSRF token and the sign-in redirect, the signed-in account,
// DOM building, zh-CN number formatting). Load it first in <body>; it draws the header at once, so the page does
// not jump when the data arrives.
(function () {
  'use strict';

  // The navigation, in one place. Pages of the KPI dashboard carry the selected region and month from page to
  // page (place: true). A page with roles is shown only to those roles, once the session says who is signed in;
  // they are the roles AuthFilter.PAGE_ROLES lets open the page (the server refuses it to the others anyway).
  const NAV = [
    { href: '/', label: '总览', place: true },
    { href: '/themes/population', label: '人口概况', place: true },
    { href: '/themes/services', label: '养老服务', place: true },
    { href: '/themes/allowances', label: '补贴与保障', place: true },
    { href: '/themes/health', label: '健康', place: true },
    { href: '/themes/quality', label: '数据质量', place: true },
    { href: '/explorer.html', label: '趋势分析', place: true },
    { href: '/forecast.html', label: '发展预测' },
    { href: '/portal.html', label: '数据报送', roles: ['uploader', 'admin'] },
    { href: '/submissions.html', label: '报送情况', roles: ['planner', 'admin'] },
    { href: '/audit.html', label: '稽核', roles: ['leader', 'planner', 'admin'] },
    { href: '/report.html', label: '年度报告', roles: ['leader', 'planner', 'admin'] },
    { href: '/admin.html', label: '系统管理', roles: ['admin'] },
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

  function toLogin() {
    location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
  }

  let me = null;         // the promise of GET /api/v1/session, asked once per page

  /**
   * The one request helper of every page: JSON in ({ json: … }) and out; a state-changing call carries the
   * session's CSRF token; 401 (signed out, session expired) goes to the login page and back; any other non-2xx
   * answer throws an Error with the API's Chinese message, its status and body.
   */
  async function api(url, options) {
    const opts = Object.assign({ method: 'GET' }, options || {});
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers);
    if (opts.method !== 'GET') opts.headers['X-CSRF-Token'] = (await session()).csrf_token;
    if (opts.json !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    loading(+1);
    let response;
    let body;
    try {
      response = await fetch(url, opts);
      const type = response.headers.get('Content-Type') || '';
      body = type.includes('application/json') ? await response.json().catch(() => ({})) : {};
    } finally {
      // after the caller has drawn the answer (the continuation runs before this timer)
      setTimeout(() => loading(-1), 0);
    }
    if (response.status === 401) {
      toLogin();
      throw Object.assign(new Error(body.error || '请先登录。'), { status: 401, body });
    }
    if (!response.ok) {
      const error = new Error(body.error || (body.fatal && body.fatal.message) || ('请求失败（HTTP ' + response.status + '）'));
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  /** GET a JSON answer of /api/v1 (see api). */
  function getJson(url) {
    return api(url);
  }

  /** The signed-in account (name, role, role_label, unit, unit_name, must_change_password, csrf_token). */
  function session() {
    if (!me) {
      me = api('/api/v1/session').then((who) => {
        if (who.must_change_password && location.pathname !== '/password.html') location.href = '/password.html';
        return who;
      });
      me.catch(() => { me = null; });
    }
    return me;
  }

  /** Text for HTML (ECharts tooltips are HTML; names in the data come from uploaded feeds). */
  function esc(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
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
        'aria-current': isCurrent(item) ? 'page' : null, 'data-nav': item.href, hidden: !!item.roles }, item.label)));
    const header = el('header', { className: 'top' },
      el('h1', {}, el('a', { href: navHref(NAV[0]) }, TITLE)),
      nav,
      el('span', { id: 'version-badge', className: 'badge', hidden: true }),
      el('div', { id: 'user-bar', className: 'user-bar' }));
    document.body.prepend(header);
  }

  async function logout(event) {
    event.preventDefault();
    await api('/api/v1/session/logout', { method: 'POST' }).catch(() => {});
    location.href = '/login.html';
  }

  /** Once the session is known: the pages of the account's role, and the user bar (who, change password, 退出). */
  function drawUser(who) {
    document.querySelectorAll('header.top nav a').forEach((link) => {
      const item = NAV.find((n) => n.href === link.dataset.nav);
      if (!item || !item.roles) return;
      if (item.roles.includes(who.role)) link.hidden = false;
      else link.remove();
    });
    const unit = who.unit_name || who.unit;
    document.getElementById('user-bar').replaceChildren(
      el('span', { id: 'who', className: 'who', title: unit ? '报送单位：' + unit : null },
        who.name + '（' + who.role_label + '）'),
      el('a', { href: '/password.html', className: location.pathname === '/password.html' ? 'current' : null },
        '修改密码'),
      el('a', { href: '#', id: 'logout', onclick: logout }, '退出'));
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
    NAV, TITLE, el, esc, api, getJson, session, toLogin, setPlace, setVersion,
    format: { number, count, decimals, value, valueText, change, target, month, isNumber },
  };

  drawHeader();
  // a failed session request has already sent the page to the login page
  session().then(drawUser).catch(() => {});
})();
