/*
 * Baiti participant page: identify, answer, submit, result. Plain JavaScript, no framework.
 * The attempt (id, token, paper, answers) is kept in localStorage so a reload or a dropped
 * connection loses nothing; the server measures time, the countdown here is for display only.
 */
(function () {
  'use strict';

  var app = document.getElementById('app');
  if (!app) { return; }
  var contestId = app.getAttribute('data-contest');
  var contestOpen = app.getAttribute('data-open') === 'true';
  var attemptsAllowed = parseInt(app.getAttribute('data-attempts') || '1', 10);
  var STORE = 'baiti.attempt.' + contestId;
  // the page's words, in its language (web.ScriptTexts, /js/texts.js); keys under online.js.
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    args.unshift(key.indexOf('privacy.') === 0 ? key : 'online.js.' + key);
    return window.BaitiTexts ? BaitiTexts.t.apply(null, args) : key;
  }
  // numbers as the server's pages show them (web.Figures): one decimal, half up
  function percent(fraction) {
    var shifted = Number(String(fraction) + 'e3');
    return (Math.round(isFinite(shifted) ? shifted : fraction * 1000) / 10).toFixed(1) + '%';
  }
  function seconds(ms) { return (Math.round(ms / 100) / 10).toFixed(1); }

  var state = null;      // {attemptId, token, questions, expiresAt, skew, answers, current, result, review, who}
  var timer = null;
  var autoSubmitted = false;
  var submitting = false;

  function $(id) { return document.getElementById(id); }
  function show(id) {
    ['closed', 'identify', 'resume', 'taken-over', 'answering', 'sheet', 'result'].forEach(function (s) {
      var el = $(s);
      if (el) { el.hidden = s !== id; }
    });
    window.scrollTo(0, 0);
  }
  function text(el, s) { el.textContent = s; return el; }
  function make(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (content != null) { el.textContent = content; }
    return el;
  }

  // ---- storage: localStorage when the browser allows it, memory otherwise ----
  var memory = {};
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { memory[STORE] = state; }
  }
  function load() {
    try {
      var s = localStorage.getItem(STORE);
      return s ? JSON.parse(s) : null;
    } catch (e) { return memory[STORE] || null; }
  }
  function forget() {
    try { localStorage.removeItem(STORE); } catch (e) { delete memory[STORE]; }
    state = null;
  }

  // ---- HTTP ----
  function api(method, path, body, token) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (token) { headers['Authorization'] = 'Bearer ' + token; }
    var controller = window.AbortController ? new AbortController() : null;
    var t = controller ? setTimeout(function () { controller.abort(); }, 20000) : null;
    return fetch(path, {
      method: method, headers: headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (r) {
      if (t) { clearTimeout(t); }
      return r.text().then(function (txt) {
        var json = null;
        try { json = txt ? JSON.parse(txt) : null; } catch (e) { json = null; }
        return { status: r.status, json: json };
      });
    }, function () {
      if (t) { clearTimeout(t); }
      return { status: 0, json: null };
    });
  }
  function messageOf(r) {
    if (r.status === 0) { return say('network'); }
    return (r.json && r.json.message) || say('error', r.status);
  }

  // ---- identify ----
  var searchTimer = null;
  function setupIdentify() {
    var form = $('identify-form');
    if (!form) { return; }
    var search = $('unit-search');
    var list = $('unit-list');
    search.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { findUnits(search.value); }, 250);
    });
    search.addEventListener('focus', function () { findUnits(search.value); });
    $('unit-change').addEventListener('click', function () {
      $('unit').value = '';
      $('unit-chosen').hidden = true;
      search.hidden = false;
      search.value = '';
      search.focus();
    });
    list.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-code]');
      if (!b) { return; }
      // a search still waiting or on its way must not show the list again over the chosen unit
      clearTimeout(searchTimer);
      searchSeq++;
      $('unit').value = b.getAttribute('data-code');
      text($('unit-chosen-name'), b.getAttribute('data-name'));
      $('unit-chosen').hidden = false;
      search.hidden = true;
      list.hidden = true;
      fieldError('unit', '');
    });
    ['name', 'phone'].forEach(function (f) {
      $(f).addEventListener('input', function () { fieldError(f, ''); });
    });
    search.addEventListener('input', function () { fieldError('unit', ''); });
    if ($('consent')) { $('consent').addEventListener('change', function () { fieldError('consent', ''); }); }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      start();
    });
  }

  var searchSeq = 0;
  function findUnits(q) {
    var list = $('unit-list');
    var seq = ++searchSeq;
    api('GET', '/api/contests/' + contestId + '/units?limit=30&q=' + encodeURIComponent(q.trim())).then(function (r) {
      // an older search that answers late must not overwrite the newer one's list
      if (seq !== searchSeq) { return; }
      list.innerHTML = '';
      list.setAttribute('data-q', q.trim()); // which search the list shows (the page's tests wait for theirs)
      if (r.status !== 200 || !r.json) { return; }
      if (r.json.length === 0) {
        list.appendChild(make('li', 'none', say('noUnit')));
      }
      r.json.forEach(function (u) {
        var li = make('li');
        var b = make('button', 'depth' + Math.min(u.depth, 3));
        b.type = 'button';
        b.setAttribute('data-code', u.code);
        b.setAttribute('data-name', u.name);
        b.appendChild(make('span', null, u.name));
        b.appendChild(make('small', null, u.code));
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = false;
    });
  }

  function fieldError(field, msg) {
    var el = document.querySelector('.field-error[data-for="' + field + '"]');
    if (el) { text(el, msg); }
  }

  // the personal data notice: nothing is sent before the box is ticked (docs/privacy.md)
  function consentGiven() {
    var box = $('consent');
    if (!box || box.checked) { return true; }
    var el = document.querySelector('.field-error[data-for="consent"]');
    if (el) { text(el, say('privacy.consent.missing')); }
    return false;
  }

  function start() {
    var btn = $('start');
    ['name', 'phone', 'unit', 'code', 'consent'].forEach(function (f) { fieldError(f, ''); });
    $('identify-error').hidden = true;
    var body = { name: $('name').value.trim(), phone: $('phone').value.trim(), unit: $('unit').value };
    if ($('code-block') && !$('code-block').hidden) { body.code = $('code').value.trim(); }
    var bad = false;
    if (!body.name) { fieldError('name', say('nameMissing')); bad = true; }
    if (!/^1\d{10}$/.test(body.phone.replace(/[\s-]/g, '').replace(/^\+?86/, ''))) {
      fieldError('phone', say('phoneInvalid')); bad = true;
    }
    if (!body.unit) { fieldError('unit', say('unitMissing')); bad = true; }
    if (!consentGiven()) { bad = true; }
    else if ($('consent')) { body.consent = true; }
    if (bad) { return; }
    var label = btn.textContent;
    btn.disabled = true;
    text(btn, say('starting'));
    api('POST', '/api/contests/' + contestId + '/attempts', body).then(function (r) {
      btn.disabled = false;
      text(btn, label);
      if (r.status === 201) {
        var p = r.json;
        state = {
          attemptId: p.attemptId, token: p.token, questions: p.questions, expiresAt: p.expiresAt,
          skew: Date.parse(p.serverTime) - Date.now(), answers: {}, current: 0, result: null,
          who: body.name + ' · ' + $('unit-chosen-name').textContent, resumeCode: p.resumeCode
        };
        save();
        startAnswering();
        return;
      }
      if (r.status === 400 && r.json && r.json.details && r.json.details.length) {
        r.json.details.forEach(function (d) { if (d.field) { fieldError(d.field, d.reason); } });
      }
      if (r.json && r.json.error === 'code_required' && $('code-block')) { $('code-block').hidden = false; }
      var err = $('identify-error');
      text(err, messageOf(r));
      err.hidden = false;
    });
  }

  // ---- answering ----
  var LETTERS = 'ABCDEFGH';

  function showResumeCode() {
    var notes = document.querySelectorAll('.resume-note');
    for (var k = 0; k < notes.length; k++) {
      text(notes[k], state && state.resumeCode
        ? say('resumeCode', String(state.resumeCode).replace(/^(\d{4})(\d{4})$/, '$1 $2')) : '');
    }
  }

  // ---- the draft on the server: saved shortly after each answer, and every 20 s as a check ----
  var draftTimer = null;
  var draftBusy = false;
  // answers changed while a save was on its way: save again when it answers, and say "saved" only then
  var draftAgain = false;
  var draftIdle = $('saved').textContent;
  function scheduleDraft() {
    clearTimeout(draftTimer);
    text($('saved'), draftIdle);
    draftTimer = setTimeout(saveDraft, 1200);
  }
  function saveDraft() {
    if (!state || state.result || !state.attemptId) { return; }
    if (draftBusy) { draftAgain = true; return; }
    draftBusy = true;
    draftAgain = false;
    api('PUT', '/api/attempts/' + state.attemptId + '/answers', { answers: state.answers }, state.token).then(function (r) {
      draftBusy = false;
      if (r.status === 200 && draftAgain) {
        saveDraft();
      } else if (r.status === 200) {
        text($('saved'), say('saved'));
      } else if (r.json && r.json.error === 'taken_over') {
        takenOver();
      } else if (r.status !== 409) {
        text($('saved'), say('unsaved'));
      }
    });
  }
  setInterval(function () {
    if (state && !state.result && document.visibilityState === 'visible' && !$('answering').hidden) { saveDraft(); }
  }, 20000);

  function takenOver() {
    clearInterval(timer);
    clearTimeout(draftTimer);
    forget();
    show('taken-over');
  }

  function startAnswering() {
    autoSubmitted = false;
    showResumeCode();
    render();
    show('answering');
    tick();
    clearInterval(timer);
    timer = setInterval(tick, 1000);
  }

  function answered(qid) {
    var a = state.answers[qid];
    return a && a.length > 0;
  }

  function answeredCount() {
    return state.questions.filter(function (q) { return answered(q.id); }).length;
  }

  function render() {
    var qs = state.questions;
    var i = Math.max(0, Math.min(state.current || 0, qs.length - 1));
    state.current = i;
    var q = qs[i];
    text($('progress'), say('progress', i + 1, qs.length));
    $('track-fill').style.width = Math.round(100 * answeredCount() / qs.length) + '%';
    text($('qtype'), say('type.' + q.type) + (q.points > 1 ? ' · ' + say('points', q.points) : ''));
    text($('stem'), q.stem);
    var box = $('options');
    box.innerHTML = '';
    var multi = q.type === 'multiple';
    var chosen = state.answers[q.id] || [];
    q.options.forEach(function (o, k) {
      var label = make('label', 'opt' + (multi ? ' multi' : '') + (chosen.indexOf(o.id) >= 0 ? ' checked' : ''));
      var input = document.createElement('input');
      input.type = multi ? 'checkbox' : 'radio';
      input.name = 'q';
      input.value = o.id;
      input.checked = chosen.indexOf(o.id) >= 0;
      input.addEventListener('change', function () { choose(q, o.id, input.checked); });
      label.appendChild(input);
      label.appendChild(make('span', 'letter', LETTERS.charAt(k)));
      label.appendChild(make('span', 'text', o.text));
      box.appendChild(label);
    });
    $('prev').disabled = i === 0;
    text($('next'), i === qs.length - 1 ? say('finish') : say('next'));
  }

  function choose(q, optionId, on) {
    var list = (state.answers[q.id] || []).slice();
    if (q.type === 'multiple') {
      var at = list.indexOf(optionId);
      if (on && at < 0) { list.push(optionId); }
      if (!on && at >= 0) { list.splice(at, 1); }
    } else {
      list = [optionId];
    }
    state.answers[q.id] = list;
    save();
    scheduleDraft();
    var labels = $('options').querySelectorAll('label.opt');
    for (var k = 0; k < labels.length; k++) {
      var inp = labels[k].querySelector('input');
      labels[k].className = labels[k].className.replace(/ checked/g, '') + (inp.checked ? ' checked' : '');
    }
    $('track-fill').style.width = Math.round(100 * answeredCount() / state.questions.length) + '%';
    // single choice: move on after a short pause, as people expect on a phone
    if (q.type !== 'multiple' && state.current < state.questions.length - 1) {
      var at2 = state.current;
      setTimeout(function () { if (state && state.current === at2 && !state.result) { go(at2 + 1); } }, 350);
    }
  }

  function go(i) {
    state.current = i;
    save();
    render();
    window.scrollTo(0, 0);
  }

  function openSheet() {
    var grid = $('sheet-grid');
    grid.innerHTML = '';
    state.questions.forEach(function (q, i) {
      var b = make('button', (answered(q.id) ? 'done' : '') + (i === state.current ? ' current' : ''), String(i + 1));
      b.type = 'button';
      b.addEventListener('click', function () { go(i); show('answering'); });
      grid.appendChild(b);
    });
    var left = state.questions.length - answeredCount();
    text($('sheet-count'), say('sheetCount', answeredCount(), left));
    $('submit-error').hidden = true;
    show('sheet');
  }

  function setupAnswering() {
    $('prev').addEventListener('click', function () { if (state.current > 0) { go(state.current - 1); } });
    $('next').addEventListener('click', function () {
      if (state.current < state.questions.length - 1) { go(state.current + 1); } else { openSheet(); }
    });
    $('sheet-open').addEventListener('click', openSheet);
    $('sheet-close').addEventListener('click', function () { show('answering'); });
    $('submit').addEventListener('click', function () {
      var left = state.questions.length - answeredCount();
      text($('confirm-text'), left > 0 ? say('confirmLeft', left) : say('confirmAll'));
      $('confirm').hidden = false;
    });
    $('confirm-no').addEventListener('click', function () { $('confirm').hidden = true; });
    $('confirm-yes').addEventListener('click', function () { $('confirm').hidden = true; submit(); });
    // on a shared phone: clear this attempt from the phone (asks twice, the result stays on the server)
    $('again').addEventListener('click', function () {
      var b = $('again');
      if (b.getAttribute('data-sure') === 'yes') { forget(); location.reload(); return; }
      b.setAttribute('data-sure', 'yes');
      text(b, say('againSure'));
    });
  }

  function remainingMs() {
    return Date.parse(state.expiresAt) - (Date.now() + (state.skew || 0));
  }

  function tick() {
    if (!state || state.result) { clearInterval(timer); return; }
    var ms = Math.max(0, remainingMs());
    var s = Math.floor(ms / 1000);
    var h = Math.floor(s / 3600);
    var mm = Math.floor((s % 3600) / 60);
    var ss = s % 60;
    var label = say('remaining', (h > 0 ? h + ':' + (mm < 10 ? '0' : '') : '') + mm + ':' + (ss < 10 ? '0' : '') + ss);
    [$('countdown'), $('countdown2')].forEach(function (el) {
      text(el, label);
      el.className = 'countdown' + (s < 60 ? ' warn' : '');
    });
    if (ms <= 0 && !autoSubmitted) {
      autoSubmitted = true;
      $('confirm').hidden = true;
      submit();
    }
  }

  function submit() {
    if (submitting) { return; }
    submitting = true;
    var btn = $('submit');
    var label = btn.textContent;
    btn.disabled = true;
    text(btn, say('submitting'));
    api('POST', '/api/attempts/' + state.attemptId + '/submit', { answers: state.answers }, state.token).then(function (r) {
      submitting = false;
      btn.disabled = false;
      text(btn, label);
      if (r.status === 200) {
        state.result = r.json;
        save();
        clearInterval(timer);
        showResult();
        return;
      }
      if (r.json && r.json.error === 'taken_over') {
        takenOver();
        return;
      }
      if (r.status === 403 || r.status === 404) {
        forget();
      }
      openSheet();
      var err = $('submit-error');
      text(err, messageOf(r));
      err.hidden = false;
    });
  }

  // ---- result ----
  function showResult() {
    var r = state.result;
    text($('r-who'), state.who || '');
    text($('r-score'), r.score);
    text($('r-max'), r.maxScore);
    text($('r-accuracy'), percent(r.accuracy));
    text($('r-time'), say('seconds', seconds(r.durationMs)));
    text($('r-rank'), r.rank ? say('rank', r.rank) : say('unranked'));
    var message = $('r-message');
    message.hidden = !r.message;
    text(message, r.message || '');
    $('r-timeup').hidden = !r.timeUp;
    showResumeCode();
    $('review-note').hidden = true;
    var again = $('again');
    again.hidden = !contestOpen;
    again.removeAttribute('data-sure');
    text(again, attemptsAllowed > 1 ? say('again') : say('someoneElse'));
    renderReview();
    show('result');
  }

  function renderReview() {
    var box = $('review');
    box.innerHTML = '';
    if (!state.review || !state.questions) { return; }
    var byId = {};
    state.review.forEach(function (rv) { byId[rv.id] = rv; });
    box.appendChild(make('h2', null, say('review')));
    state.questions.forEach(function (q, i) {
      var rv = byId[q.id];
      if (!rv) { return; }
      var card = make('div', 'card review ' + (rv.right ? 'right' : 'wrong'));
      card.appendChild(make('div', 'stem', (i + 1) + '. ' + q.stem));
      q.options.forEach(function (o, k) {
        var cls = 'ropt' + (rv.correct.indexOf(o.id) >= 0 ? ' correct' : '') + (rv.chosen.indexOf(o.id) >= 0 ? ' chosen' : '');
        card.appendChild(make('div', cls, LETTERS.charAt(k) + '. ' + o.text));
      });
      if (rv.explanation) { card.appendChild(make('p', 'muted', say('explanation', rv.explanation))); }
      box.appendChild(card);
    });
  }

  // ---- review after the contest: the key and the explanations, from the server once it is over ----
  function openReview() {
    api('GET', '/api/attempts/' + state.attemptId, undefined, state.token).then(function (r) {
      if (r.status === 200 && r.json.review) {
        state.review = r.json.review;
        state.questions = r.json.questions;
        save();
        renderReview();
        $('review').scrollIntoView();
      } else {
        var note = $('review-note');
        text(note, r.status === 200 ? say('reviewLater') : messageOf(r));
        note.hidden = false;
      }
    });
  }

  // ---- continue on another device: phone + resume code (or an SMS code) ----
  function setupResumeForm() {
    var opens = document.querySelectorAll('.resume-open');
    for (var k = 0; k < opens.length; k++) {
      opens[k].addEventListener('click', function () {
        $('resume-error').hidden = true;
        if ($('phone') && $('phone').value) { $('resume-phone').value = $('phone').value; }
        show('resume');
      });
    }
    $('resume-back').addEventListener('click', function () { show(contestOpen ? 'identify' : 'closed'); });
    if ($('review-open')) { $('review-open').addEventListener('click', openReview); }
    var send = $('resume-send');
    if (send) {
      send.addEventListener('click', function () {
        send.disabled = true;
        api('POST', '/api/contests/' + contestId + '/codes', { phone: $('resume-phone').value.trim() }).then(function (r) {
          var err = $('resume-error'), sent = $('resume-sent');
          if (r.status === 200) {
            // a real SMS says nothing here but that it was sent; the development sender shows its code
            text(sent, say('codeSent') + ((r.json && r.json.developmentCode) ? ' ' + say('developmentCode', r.json.developmentCode) : ''));
            sent.hidden = false;
            err.hidden = true;
          } else {
            text(err, messageOf(r));
            err.hidden = false;
            sent.hidden = true;
          }
          setTimeout(function () { send.disabled = false; }, r.status === 200 ? 60000 : 0);
        });
      });
    }
    $('resume-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { phone: $('resume-phone').value.trim(), resumeCode: $('resume-code').value.trim() };
      if ($('resume-sms') && $('resume-sms').value.trim()) { body.code = $('resume-sms').value.trim(); }
      var btn = $('resume-go');
      btn.disabled = true;
      api('POST', '/api/contests/' + contestId + '/attempts/resume', body).then(function (r) {
        btn.disabled = false;
        if (r.status !== 200) {
          var err = $('resume-error');
          text(err, messageOf(r));
          err.hidden = false;
          return;
        }
        var p = r.json;
        state = {
          attemptId: p.attemptId, token: p.token, questions: p.questions, expiresAt: p.expiresAt,
          skew: Date.parse(p.serverTime) - Date.now(), answers: p.answers || {}, current: 0, result: p.result || null,
          who: p.name + ' · ' + p.unit, resumeCode: body.resumeCode.replace(/\s/g, '') || null
        };
        // go on at the first question not answered yet
        for (var i = 0; i < state.questions.length; i++) {
          if (!answered(state.questions[i].id)) { state.current = i; break; }
        }
        save();
        if (state.result) { showResult(); openReview(); } else { startAnswering(); }
      });
    });
  }

  // ---- resume after a reload ----
  function resume() {
    if (state.result) { showResult(); } else { startAnswering(); }
    api('GET', '/api/attempts/' + state.attemptId, undefined, state.token).then(function (r) {
      if (r.json && r.json.error === 'taken_over') {
        takenOver();
        return;
      }
      if (r.status === 403 || r.status === 404) {
        forget();
        show(contestOpen ? 'identify' : 'closed');
        return;
      }
      if (r.status !== 200 || !state) { return; }
      var v = r.json;
      state.questions = v.questions;
      state.expiresAt = v.expiresAt;
      state.skew = Date.parse(v.serverTime) - Date.now();
      state.who = v.name + ' · ' + v.unit;
      state.review = v.review || null;
      // answers given on another device (the server's draft) join those kept here
      if (v.answers) {
        Object.keys(v.answers).forEach(function (q) { if (!answered(q)) { state.answers[q] = v.answers[q]; } });
      }
      if (v.submitted) {
        state.result = v.result;
        save();
        clearInterval(timer);
        showResult();
      } else {
        save();
        if (!$('answering').hidden) { render(); }
      }
    });
  }

  // ---- one-time code, when the contest uses them ----
  function setupCode() {
    var button = $('send-code');
    if (!button) { return; }
    button.addEventListener('click', function () {
      fieldError('code', '');
      var phone = $('phone').value.trim();
      if (!/^1\d{10}$/.test(phone.replace(/[\s-]/g, '').replace(/^\+?86/, ''))) {
        fieldError('phone', say('phoneFirst'));
        return;
      }
      if (!consentGiven()) { return; }
      button.disabled = true;
      api('POST', '/api/contests/' + contestId + '/codes', { phone: phone }).then(function (r) {
        var sent = $('code-sent');
        if (r.status === 200) {
          text(sent, say('codeSentTo', r.json.phone)
            + (r.json.developmentCode ? ' ' + say('developmentCode', r.json.developmentCode) : ''));
          sent.hidden = false;
          setTimeout(function () { button.disabled = false; }, 60000);
        } else {
          button.disabled = false;
          fieldError('code', messageOf(r));
        }
      });
    });
  }

  // ---- anti-cheat: tell the server when the page is hidden while a paper is open; it never disqualifies ----
  // A reload or a link followed also hides the page, after 'beforeunload' and 'pagehide': that is not switching away.
  var leaving = false;
  window.addEventListener('beforeunload', function () { leaving = true; });
  window.addEventListener('pagehide', function () { leaving = true; });
  window.addEventListener('pageshow', function () { leaving = false; });
  document.addEventListener('visibilitychange', function () {
    if (leaving || document.visibilityState !== 'hidden' || !state || !state.attemptId || state.result) { return; }
    state.hidden = (state.hidden || 0) + 1;
    save();
    try {
      fetch('/api/attempts/' + state.attemptId + '/signals', {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + state.token },
        body: JSON.stringify({ kind: 'page_hidden', count: state.hidden })
      }).catch(function () { /* a report that does not arrive changes nothing */ });
    } catch (e) { /* browsers without fetch options */ }
  });

  setupIdentify();
  setupCode();
  setupResumeForm();
  setupAnswering();
  state = load();
  if (state && state.attemptId && state.questions) {
    resume();
  } else {
    state = null;
  }
}());
