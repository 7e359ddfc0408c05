// Dashboard charts (Apache ECharts), fed by the same JSON the statistics API serves.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') { return; }
  var id = root.getAttribute('data-contest');
  var base = '/admin/contests/' + id;
  var charts = [];

  function chart(elId, option) {
    var el = document.getElementById(elId);
    if (!el) { return; }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    charts.push(c);
  }
  function pct(v) { return Math.round(v * 1000) / 10; }
  // Tooltips are HTML: imported text (question stems) goes in as text, never as markup.
  function escapeHtml(t) {
    return String(t).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  Promise.all([fetch(base + '/statistics.json').then(function (r) { return r.json(); }),
               fetch(base + '/charts.json').then(function (r) { return r.json(); })])
    .then(function (all) {
      var s = all[0], c = all[1];
      chart('chart-units', {
        tooltip: { trigger: 'axis' }, legend: { data: ['参与率 %', '正确率 %'] },
        grid: { left: 40, right: 10, bottom: 90 },
        xAxis: { type: 'category', data: s.units.map(function (u) { return u.name; }), axisLabel: { rotate: 40 } },
        yAxis: { type: 'value', max: function (v) { return Math.max(100, Math.ceil(v.max)); } },
        series: [{ name: '参与率 %', type: 'bar', data: s.units.map(function (u) { return pct(u.rate); }) },
                 { name: '正确率 %', type: 'bar', data: s.units.map(function (u) { return pct(u.accuracy); }) }]
      });
      chart('chart-scores', {
        tooltip: { trigger: 'axis' }, legend: { data: ['线上 Online', '线下 Offline'] },
        grid: { left: 50, right: 10, bottom: 60 },
        xAxis: { type: 'category', data: c.accuracyBuckets, axisLabel: { rotate: 40 } }, yAxis: { type: 'value' },
        series: [{ name: '线上 Online', type: 'bar', data: c.online }, { name: '线下 Offline', type: 'bar', data: c.offline }]
      });
      chart('chart-time', {
        tooltip: { trigger: 'axis' }, grid: { left: 50, right: 10, bottom: 60 },
        xAxis: { type: 'category', data: c.submissionTimes.map(function (t) { return new Date(t).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }); }) },
        yAxis: { type: 'value' }, series: [{ name: '提交 Submissions', type: 'line', areaStyle: {}, data: c.submissions }]
      });
      var qs = s.questions.filter(function (q) { return q.answered > 0; }).slice(0, 30).reverse();
      chart('chart-questions', {
        tooltip: { trigger: 'axis', formatter: function (p) { var q = qs[p[0].dataIndex]; return escapeHtml(q.key + ' ' + q.stem) + '<br>' + pct(q.shareRight) + '% (' + q.right + '/' + q.answered + ')'; } },
        grid: { left: 60, right: 20, bottom: 30 },
        xAxis: { type: 'value', max: 100 }, yAxis: { type: 'category', data: qs.map(function (q) { return q.key; }) },
        series: [{ name: '正确率 %', type: 'bar', data: qs.map(function (q) { return pct(q.shareRight); }) }]
      });
      root.setAttribute('data-ready', 'true');
    })
    .catch(function () { root.setAttribute('data-ready', 'error'); });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
