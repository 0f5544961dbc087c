/* Language switch (中文 / both / English), remembered across pages in localStorage.
   static/mode.js applies the saved choice before the first paint; this keeps the buttons and
   the one-language attributes (aria-label, the title) in step with it. */
(function () {
  "use strict";
  var KEY = "sitegen-lang";
  var html = document.documentElement;
  var ATTRS = ["aria-label"];
  function load() { try { return window.localStorage.getItem(KEY); } catch (e) { return null; } }
  function save(v) { try { window.localStorage.setItem(KEY, v); } catch (e) { /* private mode */ } }
  function apply(v) {
    if (v !== "zh" && v !== "en") v = "both";
    html.setAttribute("data-lang", v);
    html.setAttribute("lang", v === "zh" ? "zh-Hans" : "en");
    // Attributes have one value: the mode's form (Both: English), from data-zh-* (strings.py) and
    // the English value the page came with, kept as data-en-* the first time it is replaced.
    var lang = v === "zh" ? "zh" : "en";
    for (var a = 0; a < ATTRS.length; a++) {
      var name = ATTRS[a], els = document.querySelectorAll("[data-zh-" + name + "]");
      for (var j = 0; j < els.length; j++) {
        if (!els[j].hasAttribute("data-en-" + name)) els[j].setAttribute("data-en-" + name, els[j].getAttribute(name));
        els[j].setAttribute(name, els[j].getAttribute("data-" + lang + "-" + name));
      }
    }
    var title = document.querySelector("title[data-title-both]");
    if (title) document.title = title.getAttribute("data-title-" + v) || title.getAttribute("data-title-both");
    var buttons = document.querySelectorAll("[data-set-lang]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-set-lang") === v));
    }
  }
  apply(load());
  var sw = document.querySelector(".langswitch");
  if (sw) {
    sw.classList.add("on");
    sw.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("[data-set-lang]") : null;
      if (!b) return;
      var v = b.getAttribute("data-set-lang");
      save(v);
      apply(v);
    });
  }
  window.addEventListener("storage", function (ev) { if (ev.key === KEY) apply(ev.newValue); });
})();
