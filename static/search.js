/* Client-side search over the sharded index in search/ (sitegen/render/search_shards.py):
   a query loads the shards of its terms (CJK bigrams or characters, English word prefixes) in
   each layer of the index (older documents, recent ones), ranks documents (headline matches
   first, then newest: documents are numbered oldest first) and loads the few document chunks
   of the results it shows. Shards are <script>s, not fetch(): they load from file:// too. */
(function () {
  "use strict";
  var meta = window.SITEGEN_SEARCH_META;
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var messages = document.getElementById("search-messages");
  var moreButton = document.getElementById("search-more");
  if (!form || !input || !list) return;
  var base = form.getAttribute("data-index") || "search/";
  var PAGE = 20;
  // Index fields: headline (with kicker and subtitle), theme, tag, lead; weight and the name shown.
  var FIELDS = [["h", 3, "headline"], ["t", 2, "theme"], ["g", 2, "tag"], ["b", 1, "lead"]];
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
  var WORD = /[a-z0-9]+/g;
  var STOP = {a:1,an:1,and:1,are:1,as:1,at:1,be:1,by:1,"for":1,from:1,has:1,have:1,"in":1,is:1,it:1,its:1,of:1,on:1,or:1,that:1,the:1,to:1,was:1,were:1,"with":1};

  // ---- loading: each file is a script calling one of these with its data
  var loaded = {}, waiting = {}, failed = {};
  function arrived(name) {
    var cbs = waiting[name] || [];
    delete waiting[name];
    for (var i = 0; i < cbs.length; i++) cbs[i]();
  }
  window.SITEGEN_SEARCH_SHARD = function (name, data) { loaded[name] = data; arrived(name); };
  window.SITEGEN_SEARCH_DOCS = function (n, rows) { loaded["d" + n] = rows; arrived("d" + n); };
  function load(name, cb) {
    if (loaded[name] || failed[name]) { cb(); return; }
    if (waiting[name]) { waiting[name].push(cb); return; }
    waiting[name] = [cb];
    var s = document.createElement("script");
    s.src = base + name + ".js";
    s.async = true;
    s.onerror = function () { failed[name] = true; arrived(name); };
    document.head.appendChild(s);
  }
  function loadAll(names, cb) {
    var left = names.length;
    if (!left) { cb(); return; }
    for (var i = 0; i < names.length; i++) load(names[i], function () { if (--left === 0) cb(); });
  }

  // ---- terms and shards (the same rules as search_shards.py)
  function norm(s) { s = String(s || ""); return (s.normalize ? s.normalize("NFKC") : s).toLowerCase(); }
  function queryTerms(q) {
    q = norm(q);
    var out = [], runs = q.match(CJK) || [], words = q.match(WORD) || [], i, j;
    for (i = 0; i < runs.length; i++) {
      if (runs[i].length === 1) out.push({ t: runs[i], mode: "exact" });
      for (j = 0; j + 1 < runs[i].length; j++) out.push({ t: runs[i].substr(j, 2), mode: "exact" });
    }
    for (i = 0; i < words.length; i++) {
      if (STOP[words[i]]) continue;
      out.push({ t: words[i], mode: words[i].length < 2 ? "exact" : "prefix" });
    }
    return out;
  }
  function shardKey(t) { return HAN.test(t) ? t : t.substr(0, 2); }
  // The term's shard in each layer ([file prefix, first document, shards] of meta.layers).
  function shardsOf(t) {
    var k = shardKey(t), h = 0, out = [], i;
    for (i = 0; i < k.length; i++) h = (h * 31 + k.charCodeAt(i)) % 4294967296;
    for (i = 0; i < meta.layers.length; i++) out.push(meta.layers[i][0] + (h % meta.layers[i][2]));
    return out;
  }
  // Postings: differences of sorted document numbers, or a base64 bitmap of all documents.
  function ids(postings) {
    var out = [], n = 0, i, b, c, bits;
    if (typeof postings === "string") {
      bits = atob(postings);
      for (i = 0; i < bits.length; i++) {
        c = bits.charCodeAt(i);
        if (c) for (b = 0; b < 8; b++) if (c >> b & 1) out.push(i * 8 + b);
      }
      return out;
    }
    for (i = 0; i < postings.length; i++) { n += postings[i]; out.push(n); }
    return out;
  }
  // Into hit ({doc: 1}): the documents where one field of a layer's shard has the term;
  // the layer's postings count from its first document.
  function lookup(hit, map, term, first) {
    var k, docs, i;
    if (!map) return;
    if (term.mode === "exact") {
      docs = Object.prototype.hasOwnProperty.call(map, term.t) ? ids(map[term.t]) : [];
      for (i = 0; i < docs.length; i++) hit[first + docs[i]] = 1;
      return;
    }
    for (k in map) {
      if (!Object.prototype.hasOwnProperty.call(map, k) || k.lastIndexOf(term.t, 0) !== 0) continue;
      docs = ids(map[k]);
      for (i = 0; i < docs.length; i++) hit[first + docs[i]] = 1;
    }
  }
  // [{id, where: [field names]}]: documents with every term, best first (then newest)
  function rank(ts) {
    var scores = null, found = {}, next, shards, hit, d, f, n, l;
    for (n = 0; n < ts.length; n++) {
      shards = shardsOf(ts[n].t); next = {};
      for (f = 0; f < FIELDS.length; f++) {
        hit = {};
        for (l = 0; l < shards.length; l++) lookup(hit, (loaded[shards[l]] || {})[FIELDS[f][0]], ts[n], meta.layers[l][1]);
        for (d in hit) {
          next[d] = (next[d] || 0) + FIELDS[f][1];
          (found[d] = found[d] || {})[FIELDS[f][2]] = 1;
        }
      }
      if (scores === null) scores = next;
      else { for (d in scores) { if (next[d]) scores[d] += next[d]; else delete scores[d]; } }
    }
    var out = Object.keys(scores || {});
    out.sort(function (x, y) { return scores[y] - scores[x] || y - x; });
    return out.map(function (i) {
      var where = [];
      for (f = 0; f < FIELDS.length; f++) if (found[i][FIELDS[f][2]]) where.push(FIELDS[f][2]);
      return { id: +i, where: where };
    });
  }

  // ---- showing
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
  function item(result) {
    var id = result.id, row = (loaded["d" + Math.floor(id / meta.chunk)] || [])[id % meta.chunk];
    if (!row) return null;
    var li = el("li"), a = el("a"), info = el("p", "meta"), theme = meta.themes[row[3]];
    a.href = row[0];
    a.appendChild(el("span", "t-zh", row[1] || "", "zh-Hans"));
    if (row[2]) a.appendChild(el("span", "t-en", row[2], "en"));
    li.appendChild(a);
    if (!row[2]) {  // a badge beside the link, not link text
      var badge = el("span", "t-en", "", "en"), note = message("pending");
      note.className = "pending";
      badge.appendChild(note);
      li.appendChild(badge);
    }
    var found = el("span", "found");
    found.appendChild(message("found_in"));
    for (var w = 0; w < result.where.length; w++) {
      if (w) found.appendChild(document.createTextNode(", "));
      found.appendChild(message(result.where[w]));
    }
    info.appendChild(found);
    if (theme) {
      info.appendChild(document.createTextNode(" · "));
      info.appendChild(themeNames(theme[0], theme[1]));
    }
    li.appendChild(info);
    return li;
  }
  var current = 0, results = [], shown = 0;
  // Show results [shown, shown + PAGE) once their chunks are here.
  function showMore(query) {
    var upto = Math.min(results.length, shown + PAGE), chunks = {}, names = [], i;
    for (i = shown; i < upto; i++) chunks["d" + Math.floor(results[i].id / meta.chunk)] = 1;
    for (i in chunks) names.push(i);
    loadAll(names, function () {
      if (query !== current) return;  // a newer query replaced this one
      for (; shown < upto; shown++) { var li = item(results[shown]); if (li) list.appendChild(li); }
      if (moreButton) moreButton.hidden = shown >= results.length;
    });
  }
  function show(q) {
    var query = ++current;
    list.textContent = "";
    results = []; shown = 0;
    if (moreButton) moreButton.hidden = true;
    if (!meta || !meta.layers) { say("no-index"); return; }  // none, or an older format's (a stale cache)
    if (!norm(q).trim()) { say("empty"); return; }
    var ts = queryTerms(q), names = [], seen = {}, i;
    if (!ts.length) { say("none", 0); return; }
    for (i = 0; i < ts.length; i++) {
      var s = shardsOf(ts[i].t);
      for (var l = 0; l < s.length; l++) if (!seen[s[l]]) { seen[s[l]] = 1; names.push(s[l]); }
    }
    loadAll(names, function () {
      if (query !== current) return;
      for (i = 0; i < names.length; i++) if (failed[names[i]]) { say("no-index"); return; }
      results = rank(ts);
      say(!results.length ? "none" : results.length === 1 ? "found-one" : "found", results.length);
      showMore(query);
    });
  }
  if (moreButton) moreButton.addEventListener("click", function () { showMore(current); });
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
