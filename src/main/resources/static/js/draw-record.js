/*
 * The public record page of a draw: fetches the published record, checks it with BaitiDraw.verify (draw-verify.js)
 * and shows the outcome, and answers "find my ticket" from the fetched pool without another request.
 */
(function () {
  'use strict';

  var main = document.getElementById('record');
  var box = document.getElementById('verify');
  if (!main || !box) {
    return;
  }
  var record = null;
  // the page's words, in its language (web.ScriptTexts, /js/texts.js); keys under record.js.
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    args.unshift('record.js.' + key);
    return window.BaitiTexts ? BaitiTexts.t.apply(null, args) : key;
  }
  // a whole number as the server's pages show it (web.Figures.count): 18,350
  function count(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  var pool = null;      // key -> entry
  var places = null;    // key -> 0-based draw position

  function show(kind, headline, lines) {
    box.className = 'verify ' + kind;
    box.textContent = '';
    var head = document.createElement('div');
    head.textContent = headline;
    box.appendChild(head);
    if (lines && lines.length) {
      var ul = document.createElement('ul');
      lines.forEach(function (l) {
        var li = document.createElement('li');
        li.textContent = l;
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }

  function detail(text) {
    var p = document.createElement('div');
    p.className = 'detail';
    p.textContent = text;
    box.appendChild(p);
  }

  /** Verifies a record (the fetched one, or any other given) and shows the result in the verification box. */
  async function check(rec) {
    if (!window.BaitiDraw || !BaitiDraw.available()) {
      show('unavailable', say('unavailable'));
      return {available: false, verified: false, differences: []};
    }
    if (!rec || rec.status !== 'SEALED' || !Array.isArray(rec.winners)) {
      show('pending', say('pending'));
      return {available: true, verified: false, differences: [], pending: true};
    }
    show('pending', say('verifying'));
    var result;
    try {
      result = await BaitiDraw.verify(rec);
    } catch (e) {
      show('bad', say('cannotVerify', e));
      return {available: true, verified: false, differences: [{kind: 'ERROR', message: String(e)}]};
    }
    if (result.verified) {
      show('ok', say('verified'));
      detail(say('verifiedDetail', count(rec.pool.length), count(rec.seed.length), count(result.winners.length)));
      var engine = document.createElement('div');
      engine.className = 'detail engine';
      engine.setAttribute('data-engine', result.engine);
      engine.textContent = say(result.engine === 'webcrypto' ? 'webcrypto' : 'javascript');
      box.appendChild(engine);
    } else {
      show('bad', say('mismatch', result.differences.length),
        result.differences.map(function (d) { return d.message; }));
    }
    return result;
  }

  function index(rec) {
    pool = new Map();
    (rec.pool || []).forEach(function (e) { pool.set(e.key, e); });
    places = new Map();
    (rec.winners || []).forEach(function (w, i) { places.set(w, i); });
  }

  function tierOf(rec, i) {
    if (!Array.isArray(rec.tiers)) {
      return null;
    }
    var end = 0;
    for (var t = 0; t < rec.tiers.length; t++) {
      end += rec.tiers[t].count;
      if (i < end) {
        return rec.tiers[t].name;
      }
    }
    return null;
  }

  var form = document.getElementById('find-form');
  var input = document.getElementById('ticket');
  var out = document.getElementById('find-result');
  if (form && input && out) {
    form.addEventListener('submit', function (ev) {
      if (!record) {
        return; // not loaded (yet): the server answers instead
      }
      ev.preventDefault();
      var key = input.value.trim();
      out.textContent = '';
      var span = document.createElement('span');
      var e = pool.get(key);
      if (!key) {
        return;
      }
      if (e) {
        span.className = 'ok';
        var text = say('inPool', key, e.name, e.unit);
        if (places.has(key)) {
          var i = places.get(key);
          var tier = tierOf(record, i);
          text = say('inPoolWinner', key, e.name, e.unit, i + 1) + (tier ? ' · ' + tier : '');
        }
        span.textContent = text;
      } else {
        span.className = 'bad';
        span.textContent = say('notInPool', key);
      }
      out.appendChild(span);
      if (history.replaceState) {
        history.replaceState(null, '', '?ticket=' + encodeURIComponent(key) + '#find');
      }
    });
  }

  window.BaitiDrawRecord = {
    check: check,
    record: function () { return record; }
  };

  fetch(main.getAttribute('data-record-url'), {cache: 'no-store'})
    .then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    })
    .then(function (rec) {
      record = rec;
      index(rec);
      return check(rec);
    })
    .catch(function (e) {
      show('bad', say('loadFailed', e.message));
    });
})();
