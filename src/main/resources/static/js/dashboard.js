// Dashboard charts (Apache ECharts), fed by the same JSON the statistics API serves. Words come from the bundles
// (report.js.*, embedded by the page; /js/texts.js); numbers are shown as web.Figures shows them on the pages.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') { return; }
  var id = root.getAttribute('data-contest');
  var zone = root.getAttribute('data-zone') || undefined;
  var base = '/admin/contests/' + id;
  var charts = [];
  var t = window.BaitiTexts ? window.BaitiTexts.t : function (key) { return key; };

  function chart(elId, option) {
    var el = document.getElementById(elId);
    if (!el) { return; }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
  }
  // A fraction as a percentage number with one decimal, half up on the decimal value, as web.Figures.percentNumber:
  // 12 significant digits first drop the binary noise of the multiplication (0.1235 * 100 = 12.350000000000001).
  function pct(v) {
    var x = Number((Number(v) * 100).toPrecision(12));
    var r = Math.floor(Math.abs(x) * 10 + 0.5 + 1e-9) / 10;
    return x < 0 ? -r : r;
  }
  function percent(v) { return pct(v).toFixed(1) + '%'; }
  // A whole number with thousands separators, as web.Figures.count ("18,350").
  function count(n) { return String(Math.round(Number(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  // An instant as month, day and minute in the configured zone (web.Figures writes "2026-12-05 19:10").
  var clock;
  try {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23' });
  } catch (e) { // a zone this browser does not know: its own
    clock = new Intl.DateTimeFormat('en-GB', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23' });
  }
  function when(iso) {
    var p = {};
    clock.formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    return p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  // Tooltips are HTML: imported text (question stems) goes in as text, never as markup.
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function axisTooltip(format) {
    return { trigger: 'axis', formatter: function (ps) {
      return escapeHtml(ps[0].axisValueLabel) + ps.map(function (p) {
        return '<br>' + p.marker + escapeHtml(p.seriesName) + ' ' + format(p.value);
      }).join('');
    } };
  }

  Promise.all([fetch(base + '/statistics.json').then(function (r) { return r.json(); }),
               fetch(base + '/charts.json').then(function (r) { return r.json(); })])
    .then(function (all) {
      var s = all[0], c = all[1];
      var rate = t('report.js.rate'), accuracy = t('report.js.accuracy');
      chart('chart-units', {
        tooltip: axisTooltip(function (v) { return v.toFixed(1) + '%'; }), legend: { data: [rate, accuracy] },
        grid: { left: 40, right: 10, bottom: 90 },
        xAxis: { type: 'category', data: s.units.map(function (u) { return u.name; }), axisLabel: { rotate: 40 } },
        yAxis: { type: 'value', max: function (v) { return Math.max(100, Math.ceil(v.max)); }, axisLabel: { formatter: '{value}%' } },
        series: [{ name: rate, type: 'bar', data: s.units.map(function (u) { return pct(u.rate); }) },
                 { name: accuracy, type: 'bar', data: s.units.map(function (u) { return pct(u.accuracy); }) }]
      });
      var online = t('report.js.online'), offline = t('report.js.offline');
      chart('chart-scores', {
        tooltip: axisTooltip(count), legend: { data: [online, offline] },
        grid: { left: 50, right: 10, bottom: 60 },
        xAxis: { type: 'category', data: c.accuracyBuckets, axisLabel: { rotate: 40 } }, yAxis: { type: 'value' },
        series: [{ name: online, type: 'bar', data: c.online }, { name: offline, type: 'bar', data: c.offline }]
      });
      chart('chart-time', {
        tooltip: axisTooltip(count), grid: { left: 50, right: 10, bottom: 60 },
        xAxis: { type: 'category', data: c.submissionTimes.map(when) },
        yAxis: { type: 'value' }, series: [{ name: t('report.js.submissions'), type: 'line', areaStyle: {}, data: c.submissions }]
      });
      var qs = s.questions.filter(function (q) { return q.answered > 0; }).slice(0, 30).reverse();
      chart('chart-questions', {
        tooltip: { trigger: 'axis', formatter: function (p) {
          var q = qs[p[0].dataIndex];
          return escapeHtml(q.key + ' ' + q.stem) + '<br>' + percent(q.shareRight) + ' · '
            + escapeHtml(t('report.js.answered', count(q.right), count(q.answered)));
        } },
        grid: { left: 60, right: 20, bottom: 30 },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, yAxis: { type: 'category', data: qs.map(function (q) { return q.key; }) },
        series: [{ name: t('report.js.accuracy'), type: 'bar', data: qs.map(function (q) { return pct(q.shareRight); }) }]
      });
      root.setAttribute('data-ready', 'true');
    })
    .catch(function () { root.setAttribute('data-ready', 'error'); });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
