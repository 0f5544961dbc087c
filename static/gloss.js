/* Reading aid, first part (its tools show from the first paint: article.css, html.js): on first use (a tap on Chinese text,
   a tool, or pinyin remembered on), loads gloss-ui.js and with it this article's glosses.
   A page that is only read loads neither. Dictionary glosses, not translations. */
(function () {
  "use strict";
  var tools = document.querySelector(".gloss-tools"), me = document.currentScript;
  var story = document.querySelector(".story");
  if (!tools || !me || !story || !document.querySelector) return;
  var boot = window.sitegenGlossBoot = { tools: tools, queue: [], ui: false, src: me.src }, asked = false;
  function want(item) {
    boot.queue.push(item);
    if (asked) return;
    asked = true;
    var s = document.createElement("script");
    s.src = me.src.replace(/gloss\.js(\?.*)?$/, "gloss-ui.js");
    document.head.appendChild(s);
  }
  story.addEventListener("click", function (ev) {
    if (boot.ui || !ev.target.closest || !ev.target.closest('[lang="zh-Hans"]')) return;
    want({ x: ev.clientX, y: ev.clientY });
  });
  tools.addEventListener("click", function (ev) {
    var b = !boot.ui && ev.target.closest && ev.target.closest("[data-gloss-set]");
    if (b) want({ set: b.getAttribute("data-gloss-set") });
  });
  try {
    if (window.localStorage.getItem("sitegen-pinyin") === "on") want({ set: "pinyin", on: true });
  } catch (e) { /* storage blocked: pinyin starts off */ }
})();
