/*
 * The stage screen of a live draw. Before the reveal it shows the commitment (rendered by the server) and polls the
 * draw's summary every 2 s; once sealed it reveals the winners tier by tier, in batches, with an animation.
 * URL options: ?batch=N (winners per screen, 1..10, default 10), ?interval=S (seconds per batch, default 8),
 * ?mode=presenter (no timer: the presenter reveals each batch on a key or a click, after a short reveal animation).
 * Keys: → / space / PageDown / Enter next batch, ← / PageUp previous, P pause or resume (timed mode).
 * A unit name too long for its card is drawn smaller (down to a floor) rather than cut.
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
  var presenter = params.get('mode') === 'presenter';
  var REVEAL_MS = 900;   // presenter mode: how long the tickets roll before they land
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

  // the screen's words, in its language (web.ScriptTexts, /js/texts.js); keys under stage.js.
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    args.unshift('stage.js.' + key);
    return window.BaitiTexts ? BaitiTexts.t.apply(null, args) : key;
  }

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
      ? s.tiers.map(function (x) { return {name: x.name, count: x.count}; })
      : [{name: say('winners'), count: winners.length}];
    var from = 0;
    tiers.forEach(function (tier, ti) {
      var end = from + tier.count;
      for (var b = from; b < end; b += batch) {
        steps.push({tier: ti, from: b, to: Math.min(end, b + batch), entries: winners.slice(b, Math.min(end, b + batch))});
      }
      tier.from = from;
      from = end;
    });
    steps.push({finale: true});

    state.textContent = say('sealed');
    state.classList.add('sealed');
    seedline.textContent = say('seedLine', (s.seed || []).join(' | '), s.seedDigest);
    before.hidden = true;
    reveal.hidden = false;
    root.setAttribute('data-phase', 'reveal');
    root.setAttribute('data-steps', String(steps.length));
    document.addEventListener('keydown', onKey);
    if (presenter) {
      reveal.addEventListener('click', function () { go(current + 1); });
      ready();
    } else {
      go(0);
    }
  }

  /** Presenter mode: the screen before the first batch, until the presenter goes on. */
  function ready() {
    current = -1;
    root.setAttribute('data-phase', 'ready');
    root.setAttribute('data-step', '-1');
    reveal.textContent = '';
    var r = el('div', 'finale ready');
    r.appendChild(el('h2', null, tiers[0].name));
    r.appendChild(el('p', null, say('ready')));
    reveal.appendChild(r);
  }

  function go(i) {
    if (presenter && i === -1 && current === 0) {
      ready();
      return;
    }
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
    if (!presenter && !paused && current < steps.length - 1) {
      timer = setTimeout(function () { go(current + 1); }, interval);
    }
  }

  function onKey(ev) {
    if (ev.key === 'ArrowRight' || ev.key === 'PageDown' || ev.key === ' ' || ev.key === 'Enter') {
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
      f.appendChild(el('h2', null, say('done')));
      f.appendChild(el('p', null, say('total', total,
        tiers.map(function (tier) { return tier.name + ' ' + tier.count; }).join(' · '))));
      f.appendChild(el('p', null, say('scan')));
      reveal.appendChild(f);
      return;
    }
    root.setAttribute('data-phase', 'reveal');
    var tier = tiers[step.tier];
    var title = el('div', 'tier-title');
    title.appendChild(el('h2', null, tier.name));
    title.appendChild(el('span', 'range', say('range', (step.from + 1) + (step.to - step.from > 1 ? '–' + step.to : ''),
      (step.from - tier.from + 1) + (step.to - step.from > 1 ? '–' + (step.to - tier.from) : ''), tier.count)));
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
    var rolling = [];
    step.entries.forEach(function (w, j) {
      var card = el('div', 'card-w');
      card.style.animationDelay = (j * 0.28) + 's';
      card.appendChild(el('span', 'place', '#' + w.place));
      var ticket = el('span', 'ticket', w.key);
      card.appendChild(ticket);
      card.appendChild(el('span', 'who', w.name));
      var unit = el('span', 'unit', w.unit);
      unit.title = w.unit;
      card.appendChild(unit);
      if (presenter) {
        card.classList.add('rolling');
        card.style.animationDelay = (j * 0.08) + 's';
        rolling.push({card: card, ticket: ticket, key: w.key, at: REVEAL_MS + j * 120});
      }
      cards.appendChild(card);
    });
    reveal.appendChild(cards);
    fitUnits(cards);
    root.setAttribute('data-revealed', rolling.length ? 'false' : 'true');
    if (rolling.length) {
      roll(rolling, step);
    }
  }

  /** Presenter mode: tickets show rolling characters, then land one after another on the drawn key. */
  function roll(rolling, step) {
    var started = Date.now();
    var chars = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    function scramble(key) {
      var out = '';
      for (var i = 0; i < key.length; i++) {
        var c = key.charAt(i);
        out += /[0-9A-Za-z]/.test(c) ? chars.charAt(Math.floor(Math.random() * chars.length)) : c;
      }
      return out;
    }
    rolling.forEach(function (r) { r.ticket.textContent = scramble(r.key); });
    var tick = setInterval(function () {
      if (steps[current] !== step) {
        clearInterval(tick);
        return;
      }
      var elapsed = Date.now() - started;
      var left = 0;
      rolling.forEach(function (r) {
        if (r.done) {
          return;
        }
        if (elapsed >= r.at) {
          r.done = true;
          r.ticket.textContent = r.key;
          r.card.classList.remove('rolling');
          r.card.classList.add('landed');
        } else {
          r.ticket.textContent = scramble(r.key);
          left++;
        }
      });
      if (left === 0) {
        clearInterval(tick);
        root.setAttribute('data-revealed', 'true');
      }
    }, 60);
  }

  /**
   * Keeps every unit name whole: a name wider than its line is drawn smaller (down to 80 %), then on two lines, then
   * smaller again (down to 60 %) until the two lines fit in the card; only then would the second line end in "…".
   */
  function fitUnits(container) {
    Array.prototype.forEach.call(container.querySelectorAll('.unit'), function (u) {
      var card = u.parentNode;
      var base = parseFloat(getComputedStyle(u).fontSize);
      var size = base;
      function overflows() {
        return u.scrollWidth > u.clientWidth + 1 || u.scrollHeight > u.clientHeight + 2
          || card.scrollHeight > card.clientHeight;
      }
      while (overflows() && size > base * 0.8) {
        size *= 0.94;
        u.style.fontSize = size + 'px';
      }
      if (overflows()) {
        u.classList.add('wrap');
        while (overflows() && size > base * 0.6) {
          size = Math.max(base * 0.6, size * 0.94);
          u.style.fontSize = size + 'px';
        }
      }
    });
  }

  function renderProgress() {
    progress.textContent = '';
    var step = steps[current];
    var shownUpTo = step.finale ? Infinity : step.to;
    tiers.forEach(function (tier, ti) {
      var shown = Math.max(0, Math.min(tier.count, shownUpTo - tier.from));
      var span = el('span', null, tier.name + ' ' + shown + '/' + tier.count);
      if (shown === tier.count) {
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
