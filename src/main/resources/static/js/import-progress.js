/* Shows the progress of a background import on the offline results page, then reloads it with the outcome. */
(function () {
  'use strict';
  var job = document.getElementById('import-job');
  if (!job || job.getAttribute('data-done') === 'true') {
    return;
  }
  var bar = document.getElementById('import-bar');
  var phase = document.getElementById('import-phase');
  var statusUrl = job.getAttribute('data-status-url');
  var pageUrl = job.getAttribute('data-page-url');
  var failures = 0;

  function n(x) {
    return Number(x).toLocaleString('zh-CN');
  }

  function show(s) {
    if (s.phase === 'validate') {
      bar.removeAttribute('value');
      phase.textContent = '校验中，已读 ' + n(s.rowsRead) + ' 行 / Checking rows: ' + n(s.rowsRead) + ' read';
    } else if (s.phase === 'insert') {
      bar.value = s.rowsTotal > 0 ? Math.floor(s.rowsRead * 100 / s.rowsTotal) : 0;
      phase.textContent = '写入中 ' + n(s.rowsRead) + ' / ' + n(s.rowsTotal) + ' 行 / Writing rows';
    } else if (s.phase === 'queued') {
      phase.textContent = '排队中 / Queued';
    }
  }

  function poll() {
    fetch(statusUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (s) {
        failures = 0;
        if (s.done) {
          bar.value = 100;
          window.location.replace(pageUrl);
          return;
        }
        show(s);
        window.setTimeout(poll, 500);
      })
      .catch(function () {
        failures++;
        if (failures > 10) {
          phase.textContent = '无法获取进度，请刷新页面 / Cannot get the progress; reload the page';
          return;
        }
        window.setTimeout(poll, 1000);
      });
  }

  poll();
})();
