// Sign-in state shared by every page: the current account, API calls with the CSRF token, and the user bar.
(function () {
  'use strict';

  let me = null;

  function toLogin() {
    location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
  }

  async function parse(response) {
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('application/json') ? await response.json().catch(() => ({})) : {};
    if (response.status === 401) { toLogin(); throw new Error(body.error || '请先登录。'); }
    if (!response.ok) {
      const error = new Error(body.error || (body.fatal && body.fatal.message) || ('请求失败（HTTP ' + response.status + '）'));
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  /** fetch with JSON in and out; state-changing calls carry the session's CSRF token. */
  async function api(url, options) {
    const opts = Object.assign({ method: 'GET', headers: {} }, options || {});
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers);
    if (opts.method !== 'GET') {
      if (!me) await session();
      opts.headers['X-CSRF-Token'] = me.csrf_token;
    }
    if (opts.json !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    return parse(await fetch(url, opts));
  }

  async function session() {
    if (me) return me;
    const response = await fetch('/api/v1/session', { headers: { Accept: 'application/json' } });
    if (response.status === 401) { toLogin(); throw new Error('请先登录。'); }
    me = await response.json();
    if (me.must_change_password && location.pathname !== '/password.html') {
      location.href = '/password.html';
    }
    return me;
  }

  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    if (location.pathname === href) a.className = 'current';
    return a;
  }

  /** Fills #user-bar: the pages the role may open, the account, change password, log out. */
  async function userBar() {
    const bar = document.getElementById('user-bar');
    if (!bar) return;
    const who = await session();
    const links = [link('/', '指标看板')];
    if (who.role === 'uploader' || who.role === 'admin') links.push(link('/portal.html', '数据报送'));
    if (who.role === 'planner' || who.role === 'admin') links.push(link('/submissions.html', '报送情况'));
    if (who.role === 'admin') links.push(link('/admin.html', '系统管理'));
    const name = document.createElement('span');
    name.className = 'who';
    name.id = 'who';
    name.textContent = who.name + '（' + who.role_label + (who.unit_name ? '·' + who.unit_name : (who.unit ? '·' + who.unit : '')) + '）';
    const logout = document.createElement('a');
    logout.href = '#';
    logout.id = 'logout';
    logout.textContent = '退出';
    logout.addEventListener('click', async (event) => {
      event.preventDefault();
      await api('/api/v1/session/logout', { method: 'POST' }).catch(() => {});
      location.href = '/login.html';
    });
    bar.replaceChildren(...links, name, link('/password.html', '修改密码'), logout);
  }

  window.Aging = { api, session, userBar, toLogin };
  document.addEventListener('DOMContentLoaded', () => { userBar().catch(() => {}); });
})();
