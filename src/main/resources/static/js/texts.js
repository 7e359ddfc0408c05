// The words a page script shows, in the page's language: the page embeds them from the message bundles as
// <script type="application/json" id="baiti-texts"> (web.ScriptTexts). BaitiTexts.t(key, arg0, arg1, ...) fills in
// {0}, {1}, ... as the bundles write them (with MessageFormat's '' for a quote when there are arguments).
(function () {
  'use strict';
  var element = document.getElementById('baiti-texts');
  var texts = element ? JSON.parse(element.textContent) : {};
  function t(key) {
    var text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (arguments.length < 2) {
      return text;
    }
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d+)\}/g, function (m, i) {
      return args[i] === undefined ? m : String(args[i]);
    }).replace(/''/g, "'");
  }
  window.BaitiTexts = { t: t, lang: document.documentElement.lang || 'zh-CN' };
})();
