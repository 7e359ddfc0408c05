/*
 * The stage screen of a live draw. Before the reveal it shows the commitment (rendered by the server) and polls the
 * draw's summary every 2 s; once sealed it reveals the winners tier by tier, in batches, with an animation.
 * URL options: ?batch=N (winners per screen, 1..10, default 10), ?interval=S (seconds per batch, default 8).
 * Keys: → / space / PageDown next batch, ← / PageUp previous, P pause or resume.
 */
(function () {
  'use strict';

  var root = document.getElementById('stage');
  if (!root) {
    return;
  }
  var params = new URLSearchParams(location.search);
  var batch = clamp(parseInt(params.get('batch'), 10) || 10, 1, 10);
  var interval = clamp(parseFloat(params.get('interval')) || 8, 1, 600) * 1000;
  var POLL_MS = 2000;

  var before = document.getElementById('before');
  var reveal = document.getElementById('reveal');
  var state = document.getElementById('state');
  var progress = document.getElementById('progress');
  var seedline = document.getElementById('seedline');

  var steps = [];
  var tiers = [];
  var current = -1;
  var timer = null;
  var paused = false;

  function clamp(v, lo, hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function poll() {
    fetch(root.getAttribute('data-summary-url'), {cache: 'no-store'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && s.status === 'SEALED' && Array.isArray(s.winnerEntries)) {
          start(s);
        } else {
          setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () { setTimeout(poll, POLL_MS); });
  }

  /** Splits the winners into tiers (in draw order) and each tier into batches. */
  function start(s) {
    var winners = s.winnerEntries;
    tiers = Array.isArray(s.tiers) && s.tiers.length
      ? s.tiers.map(function (t) { return {name: t.name, count: t.count}; })
      : [{name: '中奖名单 Winners', count: winners.length}];
    var from = 0;
    tiers.forEach(function (t, ti) {
      var end = from + t.count;
      for (var b = from; b < end; b += batch) {
        steps.push({tier: ti, from: b, to: Math.min(end, b + batch), entries: winners.slice(b, Math.min(end, b + batch))});
      }
      t.from = from;
      from = end;
    });
    steps.push({finale: true});

    state.textContent = '已开奖 Sealed';
    state.classList.add('sealed');
    seedline.textContent = '种子 Seed: ' + (s.seed || []).join(' | ') + ' · D = ' + s.seedDigest;
    before.hidden = true;
    reveal.hidden = false;
    root.setAttribute('data-phase', 'reveal');
    root.setAttribute('data-steps', String(steps.length));
    document.addEventListener('keydown', onKey);
    go(0);
  }

  function go(i) {
    if (i < 0 || i >= steps.length) {
      return;
    }
    current = i;
    root.setAttribute('data-step', String(i));
    render(steps[i]);
    renderProgress();
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    if (!paused && current < steps.length - 1) {
      timer = setTimeout(function () { go(current + 1); }, interval);
    }
  }

  function onKey(ev) {
    if (ev.key === 'ArrowRight' || ev.key === 'PageDown' || ev.key === ' ') {
      ev.preventDefault();
      go(current + 1);
    } else if (ev.key === 'ArrowLeft' || ev.key === 'PageUp') {
      ev.preventDefault();
      go(current - 1);
    } else if (ev.key === 'p' || ev.key === 'P') {
      paused = !paused;
      schedule();
    }
  }

  function render(step) {
    reveal.textContent = '';
    if (step.finale) {
      root.setAttribute('data-phase', 'done');
      var total = steps.reduce(function (n, s) { return n + (s.entries ? s.entries.length : 0); }, 0);
      var f = el('div', 'finale');
      f.appendChild(el('h2', null, '抽奖完成 Draw complete'));
      f.appendChild(el('p', null, '共 ' + total + ' 名中奖者 / ' + total + ' winners — ' +
        tiers.map(function (t) { return t.name + ' ' + t.count; }).join(' · ')));
      f.appendChild(el('p', null, '完整名单与验证方法请扫右侧二维码 / Scan the code for the full list and how to verify it'));
      reveal.appendChild(f);
      return;
    }
    root.setAttribute('data-phase', 'reveal');
    var tier = tiers[step.tier];
    var title = el('div', 'tier-title');
    title.appendChild(el('h2', null, tier.name));
    title.appendChild(el('span', 'range', '第 ' + (step.from + 1) + (step.to - step.from > 1 ? '–' + step.to : '') +
      ' 位 / #' + (step.from + 1) + (step.to - step.from > 1 ? '–' + step.to : '') + '（本奖项第 ' +
      (step.from - tier.from + 1) + '–' + (step.to - tier.from) + ' / ' + tier.count + '）'));
    reveal.appendChild(title);

    var count = step.entries.length;
    var cards = el('div', 'cards');
    var cols = count <= 5 ? 1 : 2;
    var rows = Math.ceil(count / cols);
    cards.style.setProperty('--cols', String(cols));
    // Five rows fill about 62% of the screen height; fewer get the same rows, one gets a big card.
    cards.style.setProperty('--row', (count === 1 ? 36 : Math.min(11.2, (62 - 1.4 * (rows - 1)) / rows)) + 'vh');
    if (count === 1) {
      cards.classList.add('solo');
    } else if (cols === 1) {
      cards.style.gridTemplateColumns = 'minmax(0, 48vw)';
    } else {
      // Read down the first column, then the second: #1–#5 left, #6–#10 right.
      cards.style.gridAutoFlow = 'column';
      cards.style.gridTemplateRows = 'repeat(' + rows + ', var(--row))';
    }
    step.entries.forEach(function (w, j) {
      var card = el('div', 'card-w');
      card.style.animationDelay = (j * 0.28) + 's';
      card.appendChild(el('span', 'place', '#' + w.place));
      card.appendChild(el('span', 'ticket', w.key));
      card.appendChild(el('span', 'who', w.name));
      card.appendChild(el('span', 'unit', w.unit));
      cards.appendChild(card);
    });
    reveal.appendChild(cards);
  }

  function renderProgress() {
    progress.textContent = '';
    var step = steps[current];
    var shownUpTo = step.finale ? Infinity : step.to;
    tiers.forEach(function (t, ti) {
      var shown = Math.max(0, Math.min(t.count, shownUpTo - t.from));
      var span = el('span', null, t.name + ' ' + shown + '/' + t.count);
      if (shown === t.count) {
        span.classList.add('done');
      }
      if (!step.finale && step.tier === ti) {
        span.classList.add('now');
      }
      progress.appendChild(span);
    });
  }

  poll();
})();
