/* Language switch (中文 / both / English), remembered across pages in localStorage. */
(function () {
  "use strict";
  var KEY = "sitegen-lang";
  var html = document.documentElement;
  function load() { try { return window.localStorage.getItem(KEY); } catch (e) { return null; } }
  function save(v) { try { window.localStorage.setItem(KEY, v); } catch (e) { /* private mode */ } }
  function apply(v) {
    if (v !== "zh" && v !== "en") v = "both";
    html.setAttribute("data-lang", v);
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
