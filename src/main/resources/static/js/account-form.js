// The account form: coordinator fields only for coordinators; the unit picked from the contest's tree with search.
(function () {
  'use strict';
  var role = document.getElementById('role');
  var fields = document.getElementById('coordinator-fields');
  var contest = document.getElementById('unitContest');
  var code = document.getElementById('unitCode');
  var picker = document.getElementById('unit-picker');
  var search = document.getElementById('unit-search');
  var tree = document.getElementById('unit-tree');
  var chosen = document.getElementById('unit-chosen');
  if (!role || !fields || !contest || !code) { return; }
  var units = [];
  var byCode = {};
  var MAX = 300;

  function showFields() {
    var coordinator = role.value === 'COORDINATOR';
    fields.hidden = !coordinator;
    contest.required = coordinator;
    code.required = coordinator;
  }

  function describe() {
    var u = byCode[code.value];
    chosen.textContent = u ? (chosen.getAttribute('data-template') || '{0} ({1})')
      .replace('{0}', u.name).replace('{1}', u.code) : '';
  }

  // Matches and every unit above them, in tree order, so a match is seen where it sits in the tree.
  function render() {
    var q = search.value.trim().toLowerCase();
    var keep = {};
    units.forEach(function (u) {
      if (!q || u.name.toLowerCase().indexOf(q) >= 0 || u.code.toLowerCase().indexOf(q) >= 0) {
        for (var c = u; c && !keep[c.code]; c = byCode[c.parent]) { keep[c.code] = true; }
      }
    });
    tree.textContent = '';
    var shown = 0;
    for (var i = 0; i < units.length && shown < MAX; i++) {
      var u = units[i];
      if (!keep[u.code]) { continue; }
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'unit-option' + (u.code === code.value ? ' chosen' : '');
      b.style.marginLeft = (u.depth * 1.1) + 'rem';
      b.setAttribute('data-code', u.code);
      b.textContent = u.name + ' (' + u.code + ')';
      b.addEventListener('click', pick);
      li.appendChild(b);
      tree.appendChild(li);
      shown++;
    }
  }

  function pick(e) {
    code.value = e.currentTarget.getAttribute('data-code');
    describe();
    render();
  }

  function load() {
    units = [];
    byCode = {};
    tree.textContent = '';
    if (!contest.value) { picker.hidden = true; return; }
    fetch('/admin/accounts/units.json?contest=' + encodeURIComponent(contest.value), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        units = list;
        list.forEach(function (u) { byCode[u.code] = u; });
        picker.hidden = false;
        describe();
        render();
      });
  }

  role.addEventListener('change', showFields);
  contest.addEventListener('change', function () { code.value = ''; load(); });
  search.addEventListener('input', render);
  code.addEventListener('input', describe);
  showFields();
  if (contest.value) { load(); }
})();
