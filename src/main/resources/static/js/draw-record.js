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
      show('unavailable', main.getAttribute('data-msg-unavailable'));
      return {available: false, verified: false, differences: []};
    }
    if (!rec || rec.status !== 'SEALED' || !Array.isArray(rec.winners)) {
      show('pending', '尚未开奖：开奖后本页将在您的浏览器中重新计算中奖名单。/ Not revealed yet: once it is, ' +
        'this page recomputes the winners in your browser.');
      return {available: true, verified: false, differences: [], pending: true};
    }
    show('pending', '正在您的浏览器中独立验证… / Verifying in your browser…');
    var result;
    try {
      result = await BaitiDraw.verify(rec);
    } catch (e) {
      show('bad', '✘ 无法验证 / could not verify: ' + e);
      return {available: true, verified: false, differences: [{kind: 'ERROR', message: String(e)}]};
    }
    if (result.verified) {
      show('ok', '✔ 本页已在您的浏览器中独立验证 / verified in your browser');
      detail('从 ' + rec.pool.length + ' 个准考证号和 ' + rec.seed.length +
        ' 个种子重新算出 P、D 和全部 ' + result.winners.length + ' 名中奖者，与记录一致。/ Recomputed P, D and all ' +
        result.winners.length + ' winners from the ' + rec.pool.length + ' tickets and ' + rec.seed.length +
        ' seed strings; they match the record.');
      var engine = document.createElement('div');
      engine.className = 'detail engine';
      engine.setAttribute('data-engine', result.engine);
      engine.textContent = main.getAttribute(result.engine === 'webcrypto' ? 'data-msg-webcrypto' : 'data-msg-javascript');
      box.appendChild(engine);
    } else {
      show('bad', '✘ 与记录不一致 / mismatch: ' + result.differences.length + ' 处不一致 / difference(s)',
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
        var text = '✔ ' + key + ' 在抽奖池中 / is in the pool — ' + e.name + ' · ' + e.unit;
        if (places.has(key)) {
          var i = places.get(key);
          var tier = tierOf(record, i);
          text += ' — 🎉 第 ' + (i + 1) + ' 位中奖 / winner #' + (i + 1) + (tier ? ' · ' + tier : '');
        }
        span.textContent = text;
      } else {
        span.className = 'bad';
        span.textContent = '✘ ' + key + ' 不在抽奖池中 / is not in the pool';
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
      show('bad', '✘ 无法载入记录，未能验证 / could not load the record: ' + e.message);
    });
})();
