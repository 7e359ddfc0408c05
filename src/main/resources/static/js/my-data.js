/*
 * "My personal data" page: the person's phone and a one-time code sent to it, or, on the phone they answered with,
 * the token the answer page kept; the answer lists what the contest stores about them (docs/privacy.md).
 */
(function () {
  'use strict';
  var page = document.getElementById('my-data');
  if (!page) { return; }
  var contestId = page.getAttribute('data-contest');
  function $(id) { return document.getElementById(id); }

  function storedToken() {
    try {
      var s = localStorage.getItem('baiti.attempt.' + contestId);
      return s ? (JSON.parse(s).token || null) : null;
    } catch (e) { return null; }
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, json: j }; },
        function () { return { status: r.status, json: null }; });
    }, function () { return { status: 0, json: null }; });
  }

  function error(msg) {
    var e = $('md-error');
    e.textContent = msg;
    e.hidden = !msg;
  }

  function label(key) { return $('md-result').getAttribute('data-l-' + key) || key; }
  function el(tag, content) {
    var e = document.createElement(tag);
    if (content != null) { e.textContent = content; }
    return e;
  }
  function table(rows, fields) {
    if (!rows || rows.length === 0) { return el('p', label('none')); }
    var t = el('table');
    var head = el('tr');
    fields.forEach(function (f) { head.appendChild(el('th', label(f[1]))); });
    t.appendChild(head);
    rows.forEach(function (row) {
      var tr = el('tr');
      fields.forEach(function (f) { tr.appendChild(el('td', row[f[0]] == null ? '—' : String(row[f[0]]))); });
      t.appendChild(tr);
    });
    var wrap = el('div');
    wrap.className = 'table-wrap';
    wrap.appendChild(t);
    return wrap;
  }
  function render(d) {
    var view = $('md-view');
    view.innerHTML = '';
    view.appendChild(el('p', label('phone') + ': ' + d.phone));
    view.appendChild(el('p', d.phonePurged ? label('purged') : label('kept') + ' ' + d.keptUntil.substring(0, 10)));
    view.appendChild(el('h3', label('attempts')));
    view.appendChild(table((d.attempts || []).map(function (a) {
      return { name: a.name, unit: a.unit, startedAt: a.startedAt, submittedAt: a.submittedAt,
        score: a.score == null ? null : a.score + ' / ' + a.maxScore, durationMs: a.durationMs, address: a.address };
    }), [['name', 'name'], ['unit', 'unit'], ['startedAt', 'started'], ['submittedAt', 'submitted'], ['score', 'score'],
      ['durationMs', 'duration'], ['address', 'address']]));
    view.appendChild(el('h3', label('offline')));
    view.appendChild(table((d.offlineResults || []).map(function (o) {
      return { ticket: o.ticket, name: o.name, unit: o.unit, score: o.score + ' / ' + o.maxScore, venue: o.venue };
    }), [['ticket', 'ticket'], ['name', 'name'], ['unit', 'unit'], ['score', 'score'], ['venue', 'venue']]));
    view.appendChild(el('h3', label('roster')));
    view.appendChild(table(d.roster, [['name', 'name'], ['unit', 'unit']]));
  }

  var send = $('md-send');
  if (send) {
    send.addEventListener('click', function () {
      error('');
      send.disabled = true;
      post('/api/contests/' + contestId + '/codes', { phone: $('md-phone').value.trim() }).then(function (r) {
        if (r.status === 200) {
          var sent = $('md-sent');
          sent.textContent = r.json.phone + (r.json.developmentCode ? ' · development code: ' + r.json.developmentCode : '');
          sent.hidden = false;
          setTimeout(function () { send.disabled = false; }, 60000);
        } else {
          send.disabled = false;
          error(r.json && r.json.message ? r.json.message : 'HTTP ' + r.status);
        }
      });
    });
  }

  $('my-data-form').addEventListener('submit', function (e) {
    e.preventDefault();
    error('');
    var body = { phone: $('md-phone').value.trim() };
    var code = $('md-code');
    var resume = $('md-resume');
    if (code && code.value.trim()) { body.code = code.value.trim(); }
    else if (resume && resume.value.trim()) { body.resumeCode = resume.value.trim(); }
    else { body.token = storedToken(); }
    post('/api/contests/' + contestId + '/my-data', body).then(function (r) {
      if (r.status === 200) {
        render(r.json);
        $('md-result').hidden = false;
      } else {
        $('md-result').hidden = true;
        error(r.json && r.json.message ? r.json.message : 'HTTP ' + r.status);
      }
    });
  });
}());
