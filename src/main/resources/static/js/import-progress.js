/* Shows the progress of a background import on the offline results page, then reloads it with the outcome. Its words
   come from the bundles (admin.js.*, embedded by the page; /js/texts.js). */
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
  var t = window.BaitiTexts ? window.BaitiTexts.t : function (key) { return key; };

  // A count with thousands separators, as web.Figures.count writes it ("18,350").
  function n(x) {
    return String(Math.round(Number(x))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function show(s) {
    if (s.phase === 'validate') {
      bar.removeAttribute('value');
      phase.textContent = t('admin.js.phase.validate', n(s.rowsRead));
    } else if (s.phase === 'insert') {
      bar.value = s.rowsTotal > 0 ? Math.floor(s.rowsRead * 100 / s.rowsTotal) : 0;
      phase.textContent = t('admin.js.phase.insert', n(s.rowsRead), n(s.rowsTotal));
    } else if (s.phase === 'queued') {
      phase.textContent = t('admin.js.phase.queued');
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
          phase.textContent = t('admin.js.noProgress');
          return;
        }
        window.setTimeout(poll, 1000);
      });
  }

  poll();
})();
