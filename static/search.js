/* Client-side search over window.SITEGEN_SEARCH (built by sitegen: CJK bigrams + English words). */
(function () {
  "use strict";
  var idx = window.SITEGEN_SEARCH;
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var messages = document.getElementById("search-messages");
  if (!form || !input || !list) return;
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var WORD = /[a-z0-9]+/g;
  var STOP = {a:1,an:1,and:1,are:1,as:1,at:1,be:1,by:1,"for":1,from:1,has:1,have:1,"in":1,is:1,it:1,its:1,of:1,on:1,or:1,that:1,the:1,to:1,was:1,were:1,"with":1};

  function norm(s) { s = String(s || ""); return (s.normalize ? s.normalize("NFKC") : s).toLowerCase(); }
  function queryTerms(q) {
    q = norm(q);
    var out = [], runs = q.match(CJK) || [], words = q.match(WORD) || [], i, j;
    for (i = 0; i < runs.length; i++) {
      if (runs[i].length === 1) out.push({ t: runs[i], mode: "char" });
      for (j = 0; j + 1 < runs[i].length; j++) out.push({ t: runs[i].substr(j, 2), mode: "exact" });
    }
    for (i = 0; i < words.length; i++) if (!STOP[words[i]]) out.push({ t: words[i], mode: "prefix" });
    return out;
  }
  function lookup(map, term) {
    var hit = {}, k, ids, i;
    if (term.mode === "exact") {
      ids = map[term.t] || [];
      for (i = 0; i < ids.length; i++) hit[ids[i]] = 1;
      return hit;
    }
    for (k in map) {
      if (!Object.prototype.hasOwnProperty.call(map, k)) continue;
      if (term.mode === "char" ? k.indexOf(term.t) !== -1 : k.lastIndexOf(term.t, 0) === 0) {
        ids = map[k];
        for (i = 0; i < ids.length; i++) hit[ids[i]] = 1;
      }
    }
    return hit;
  }
  // Index fields: headline (with kicker and subtitle), theme, tag, lead; weight and the name shown.
  var FIELDS = [["h", 3, "headline"], ["t", 2, "theme"], ["g", 2, "tag"], ["b", 1, "lead"]];
  function search(q) {
    var ts = queryTerms(q), scores = null, found = {}, t, d, f, hit, next;
    if (!ts.length) return [];
    for (var n = 0; n < ts.length; n++) {
      t = ts[n]; next = {};
      for (f = 0; f < FIELDS.length; f++) {
        hit = lookup(idx[FIELDS[f][0]] || {}, t);
        for (d in hit) {
          next[d] = (next[d] || 0) + FIELDS[f][1];
          (found[d] = found[d] || {})[FIELDS[f][2]] = 1;
        }
      }
      if (scores === null) scores = next;
      else { for (d in scores) { if (next[d]) scores[d] += next[d]; else delete scores[d]; } }
    }
    var ids = Object.keys(scores || {});
    ids.sort(function (x, y) { return scores[y] - scores[x] || x - y; });
    return ids.map(function (i) {
      var where = [];
      for (f = 0; f < FIELDS.length; f++) if (found[i][FIELDS[f][2]]) where.push(FIELDS[f][2]);
      return { doc: idx.docs[+i], where: where };
    });
  }
  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (lang) e.lang = lang;
    if (text) e.textContent = text;
    return e;
  }
  // A message of the page's <template id="search-messages">, in both languages (the stylesheet
  // shows the reader's); its .n elements get the count.
  function message(name, n) {
    var src = messages && messages.content.querySelector('[data-msg="' + name + '"]');
    var out = src ? document.importNode(src, true) : document.createElement("span");
    out.removeAttribute("data-msg");
    // The space between the two forms is for Both mode's pairs; inside a sentence it would show.
    for (var c = out.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && !c.data.trim()) c.data = "";
    var slots = out.querySelectorAll(".n");
    for (var i = 0; i < slots.length; i++) slots[i].textContent = String(n);
    return out;
  }
  function say(name, n) {
    status.textContent = "";
    status.appendChild(message(name, n));
  }
  function show(q) {
    list.textContent = "";
    if (!idx) { say("no-index"); return; }
    if (!norm(q).trim()) { say("empty"); return; }
    var res = search(q);
    say(!res.length ? "none" : res.length === 1 ? "found-one" : "found", res.length);
    for (var i = 0; i < res.length && i < 100; i++) {
      var d = res[i].doc, li = el("li"), a = el("a"), meta = el("p", "meta");
      a.href = d.u;
      a.appendChild(el("span", "t-zh", d.hz || "", "zh-Hans"));
      if (d.he) a.appendChild(el("span", "t-en", d.he, "en"));
      li.appendChild(a);
      if (!d.he) {  // a badge beside the link, not link text
        var badge = el("span", "t-en", "", "en"), note = message("pending");
        note.className = "pending";
        badge.appendChild(note);
        li.appendChild(badge);
      }
      var found = el("span", "found");
      found.appendChild(message("found_in"));
      for (var w = 0; w < res[i].where.length; w++) {
        if (w) found.appendChild(document.createTextNode(", "));
        found.appendChild(message(res[i].where[w]));
      }
      meta.appendChild(found);
      if (d.th || d.tz) {
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(themeNames(d.th, d.tz));
      }
      li.appendChild(meta);
      list.appendChild(li);
    }
  }
  // The theme's names as the pages show them: each mode its own, Both both.
  function themeNames(en, zh) {
    var p = el("p", "meta");
    if (en && zh && en !== zh) {
      p.appendChild(el("span", "i-en", en, "en"));
      p.appendChild(document.createTextNode(" "));
      p.appendChild(el("span", "i-zh", zh, "zh-Hans"));
    } else {
      p.appendChild(el("span", "", zh || en, zh ? "zh-Hans" : "en"));
    }
    return p;
  }
  var params = new URLSearchParams(window.location.search);
  var q0 = params.get("q") || "";
  input.value = q0;
  if (q0) show(q0);
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);  // the typing's pending search would redo this one and replace the results
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
  });
})();
