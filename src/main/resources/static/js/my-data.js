/*
 * "My personal data" page: the person's phone and a one-time code sent to it, or, on the phone they answered with,
 * the token the answer page kept; the answer lists what the contest stores about them (docs/privacy.md).
 */
(function () {
  'use strict';
  var page = document.getElementById('my-data');
  if (!page) { return; }
  var contestId = page.getAttribute('data-contest');
  var zone = page.getAttribute('data-zone');
  function $(id) { return document.getElementById(id); }
  // the page's words, in its language (web.ScriptTexts, /js/texts.js); keys under privacy.js.
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    args.unshift('privacy.js.' + key);
    return window.BaitiTexts ? BaitiTexts.t.apply(null, args) : key;
  }
  // figures as the server's pages show them (web.Figures): seconds with one decimal, dates in the configured zone
  function seconds(ms) { return ms == null ? null : (Math.round(ms / 100) / 10).toFixed(1); }
  function dateTime(iso, withTime) {
    if (!iso) { return null; }
    var at = new Date(iso);
    if (isNaN(at.getTime())) { return iso; }
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-GB', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).forEach(function (p) { parts[p.type] = p.value; });
      var day = parts.year + '-' + parts.month + '-' + parts.day;
      return withTime === false ? day : day + ' ' + parts.hour + ':' + parts.minute;
    } catch (e) {
      return withTime === false ? iso.substring(0, 10) : iso;
    }
  }

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

  function el(tag, content) {
    var e = document.createElement(tag);
    if (content != null) { e.textContent = content; }
    return e;
  }
  function table(rows, fields) {
    if (!rows || rows.length === 0) { return el('p', say('none')); }
    var t = el('table');
    var head = el('tr');
    fields.forEach(function (f) { head.appendChild(el('th', say(f[1]))); });
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
    view.appendChild(el('p', say('phone', d.phone)));
    view.appendChild(el('p', d.phonePurged ? say('purged') : say('kept', dateTime(d.keptUntil, false))));
    view.appendChild(el('h3', say('attempts')));
    view.appendChild(table((d.attempts || []).map(function (a) {
      return { name: a.name, unit: a.unit, startedAt: dateTime(a.startedAt), submittedAt: dateTime(a.submittedAt),
        score: a.score == null ? null : a.score + ' / ' + a.maxScore, durationMs: seconds(a.durationMs), address: a.address };
    }), [['name', 'name'], ['unit', 'unit'], ['startedAt', 'started'], ['submittedAt', 'submitted'], ['score', 'score'],
      ['durationMs', 'duration'], ['address', 'address']]));
    view.appendChild(el('h3', say('offline')));
    view.appendChild(table((d.offlineResults || []).map(function (o) {
      return { ticket: o.ticket, name: o.name, unit: o.unit, score: o.score + ' / ' + o.maxScore, venue: o.venue };
    }), [['ticket', 'ticket'], ['name', 'name'], ['unit', 'unit'], ['score', 'score'], ['venue', 'venue']]));
    view.appendChild(el('h3', say('roster')));
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
          sent.textContent = say('codeSentTo', r.json.phone) + (r.json.developmentCode ? ' ' + say('developmentCode', r.json.developmentCode) : '');
          sent.hidden = false;
          setTimeout(function () { send.disabled = false; }, 60000);
        } else {
          send.disabled = false;
          error(r.json && r.json.message ? r.json.message : say('error', r.status));
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
        error(r.json && r.json.message ? r.json.message : say('error', r.status));
      }
    });
  });
}());
