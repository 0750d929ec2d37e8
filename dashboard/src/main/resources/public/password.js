(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  async function change(event) {
    event.preventDefault();
    const error = $('password-error');
    error.hidden = true;
    if ($('new').value !== $('confirm').value) {
      error.textContent = '两次输入的新密码不一致。';
      error.hidden = false;
      return;
    }
    try {
      await Shell.api('/api/v1/session/password', {
        method: 'POST', json: { current_password: $('current').value, new_password: $('new').value },
      });
      location.href = '/';
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('password-form').addEventListener('submit', change);
    const me = await Shell.session();
    $('first-login').hidden = !me.must_change_password;
  });
})();
