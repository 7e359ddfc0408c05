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
    if (code && code.value.trim()) { body.code = code.value.trim(); } else { body.token = storedToken(); }
    post('/api/contests/' + contestId + '/my-data', body).then(function (r) {
      if (r.status === 200) {
        $('md-json').textContent = JSON.stringify(r.json, null, 2);
        $('md-result').hidden = false;
      } else {
        $('md-result').hidden = true;
        error(r.json && r.json.message ? r.json.message : 'HTTP ' + r.status);
      }
    });
  });
}());
