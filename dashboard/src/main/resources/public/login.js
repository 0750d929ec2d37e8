// The sign-in form: a CSRF token for the form first (double-submit cookie), then the credentials.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function nextPage() {
    const next = new URLSearchParams(location.search).get('next') || '/';
    // Only a path on this site: never an absolute URL someone slipped into the link.
    return /^\/(?!\/)[^\\]*$/.test(next) && next !== '/login.html' ? next : '/';
  }

  async function login(event) {
    event.preventDefault();
    const error = $('login-error');
    error.hidden = true;
    $('login-button').disabled = true;
    try {
      const csrf = await (await fetch('/api/v1/session/csrf', { headers: { Accept: 'application/json' } })).json();
      const response = await fetch('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf.csrf_token },
        body: JSON.stringify({ name: $('name').value, password: $('password').value }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error || '登录失败，请稍后再试。');
      location.href = body.must_change_password ? '/password.html' : nextPage();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      $('password').value = '';
    } finally {
      $('login-button').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => $('login-form').addEventListener('submit', login));
})();
