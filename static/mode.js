/* Runs in <head>, before the page is painted: applies the saved reading mode (中文 / Both / English)
   so the page never shows the wrong language first. No saved choice, or no JavaScript: Both, lang="en".
   The page title takes the mode's form (<title data-title-zh/-en>; Both, and English without
   data-title-en, keep the page's own). */
(function () {
  "use strict";
  var v = null, html = document.documentElement, title = document.querySelector("title[data-title-zh]");
  try { v = window.localStorage.getItem("sitegen-lang"); } catch (e) { /* storage blocked */ }
  if (v !== "zh" && v !== "en") v = "both";
  html.setAttribute("data-lang", v);
  html.classList.add("js"); // for what only works with scripts (the gloss tools), styled from the first paint
  html.setAttribute("lang", v === "zh" ? "zh-Hans" : "en");
  if (title) {
    title.setAttribute("data-title-both", document.title);
    if (v !== "both") document.title = title.getAttribute("data-title-" + v) || document.title;
  }
})();
