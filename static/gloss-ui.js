/* Reading aid (issue 22): tap a Chinese word for its pinyin and CC-CEDICT glosses; pinyin
   over the headline and lead; a "gloss words" mode that makes every word a button for the
   keyboard. Loaded by gloss.js on first use, with the gloss file of the article's seed page,
   glosses/<seed page>.js (data-gloss; the browser keeps it for the page's other articles), whose
   part for this article (data-gloss-key) has the word boundaries of each text block (which words
   have an entry) and the pinyin of the headline's and lead's words.
   A tapped word's entry is in the site-wide dictionary's shard glosses/words/<n>.js (n: a hash of
   the word, as sitegen/gloss/shards.py computes it), loaded on the first tap that needs it.
   Dictionary glosses, not translations. */
(function () {
  "use strict";
  var boot = window.sitegenGlossBoot;
  if (!boot || boot.ui) return;
  boot.ui = true;
  var doc = document, tools = boot.tools, KEY = "sitegen-pinyin";
  var data = null, failed = false, blocks = [], later = [];
  var dict = Object.create(null), shards = {}, asked = 0;  // entries of the shards loaded; shard -> done or waiting
  var on = { pinyin: false, words: false };
  var pop = null, live = null, from = null;
  var SPOTS = [["k", ".story-head .kicker .t-zh", false], ["h", ".story-head h1 .t-zh", true],
    ["s", ".story-head .subtitle .t-zh", false], ["l", ".lead .t-zh", true]];

  // What the script puts on the page comes from static/gloss-messages.js (made by the build from
  // the catalogue), in both languages: the stylesheet shows the reader's. A one-value attribute
  // (aria-label) takes the reading mode's form now; site.js keeps it in step when the reader switches.
  var messages = null;
  function message(name) {
    if (!messages && typeof window.sitegenGlossMessages === "string") {
      messages = el("template");
      messages.innerHTML = window.sitegenGlossMessages;
    }
    var src = messages && messages.content.querySelector('[data-msg="' + name + '"]');
    var out = src ? doc.importNode(src, true) : el("span");
    out.removeAttribute("data-msg");
    // The space between the two forms is for Both mode's pairs; inside a sentence it would show.
    for (var c = out.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && !c.data.trim()) c.data = "";
    var lang = doc.documentElement.getAttribute("data-lang") === "zh" ? "zh" : "en";
    if (out.hasAttribute("data-zh-aria-label") && !out.hasAttribute("data-en-aria-label")) {
      out.setAttribute("data-en-aria-label", out.getAttribute("aria-label"));  // as site.js keeps it
    }
    var label = out.getAttribute("data-" + lang + "-aria-label");
    if (label) out.setAttribute("aria-label", label);
    return out;
  }
  function kind(k) { return message(k === "name" ? "name" : "term"); }

  // Chromium's ::highlight() styles the tapped word when there is no element to mark. The rule is
  // added here, not in gloss-pop.css, because the Nu Html Checker's CSS parser rejects it.
  function highlightStyle() {
    if (!window.CSS || !CSS.highlights || !window.CSSStyleSheet) return;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync("::highlight(gloss){background-color:var(--mt-bg);color:var(--mt-fg)}");
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.concat([sheet]);
    } catch (e) { /* no constructed stylesheets: the popup still shows the word */ }
  }

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // -- data: a script (JSON is not fetched: Chromium blocks fetch() on file://) ----------
  // The popup's styles and messages come with it; all are awaited before the first word is shown
  // (or before saying that this page has no glosses).
  function load() {
    var left = 3, css = el("link"), s = el("script"), msg = el("script"), missing = false;
    function done() { if (--left === 0) ready(missing); }
    css.rel = "stylesheet";
    css.href = boot.src.replace(/gloss\.js(\?.*)?$/, "gloss-pop.css");
    css.onload = css.onerror = done;
    msg.src = boot.src.replace(/gloss\.js(\?.*)?$/, "gloss-messages.js");
    msg.onload = msg.onerror = done;
    s.src = tools.getAttribute("data-gloss");
    s.onload = done;
    s.onerror = function () { missing = true; done(); };
    doc.head.appendChild(css);
    doc.head.appendChild(msg);
    doc.head.appendChild(s);
  }
  function ready(missing) {
    var q = window.sitegenGlossQueue || [], f = q.length ? q[q.length - 1] : null;
    var key = tools.getAttribute("data-gloss-key");
    var mine = !missing && f && f.v === 3 && f.a && Object.prototype.hasOwnProperty.call(f.a, key) ? f.a[key] : null;
    if (mine) bind({ n: f.n, b: mine.b, y: mine.y }); else fail();
  }
  function fail() {
    failed = true;
    later = [];
    unavailable();
  }
  function unavailable() {
    var hint = tools.querySelector(".gloss-hint");
    if (hint) { hint.textContent = ""; hint.appendChild(message("unavailable")); }
  }

  // -- the site-wide dictionary: shard n is a script calling sitegenGlossShard(n, {word: entry}) --
  window.sitegenGlossShard = function (n, words) {
    for (var w in words) if (Object.prototype.hasOwnProperty.call(words, w)) dict[w] = words[w];
  };
  function shardOf(w) {
    var h = 0;
    for (var i = 0; i < w.length; i++) h = (h * 31 + w.charCodeAt(i)) % 4294967296;
    return h % data.n;
  }
  function loadShard(n, cb) {
    var st = shards[n];
    if (st === true) { cb(); return; }
    if (st) { st.push(cb); return; }
    st = shards[n] = [cb];
    var s = el("script");
    s.src = tools.getAttribute("data-gloss").replace(/[^\/]*$/, "") + "words/" + n + ".js";
    s.onload = s.onerror = function () { shards[n] = true; st.forEach(function (f) { f(); }); };
    doc.head.appendChild(s);
  }
  function need(words, cb) {  // cb once the shards of all ``words`` have loaded (or failed to)
    var todo = {}, left = 1;
    function one() { if (--left === 0) cb(); }
    words.forEach(function (w) { todo[shardOf(w)] = true; });
    Object.keys(todo).forEach(function (n) { left++; loadShard(n, one); });
    one();
  }
  function bind(d) {
    data = d;
    SPOTS.forEach(function (s) { add(doc.querySelector(s[1]), d.b[s[0]], s[2]); });
    var body = doc.querySelectorAll(".zh-body > p, .zh-body > h3");
    for (var i = 0; i < body.length; i++) add(body[i], d.b.p[i], false);
    var todo = later;
    later = [];
    todo.forEach(run);
  }
  function add(node, code, ruby) {
    if (!node || !code) return;
    var text = node.textContent, starts = [], has = [], pos = 0;
    for (var i = 0; i < code.length; i++) {
      // a word with an entry: its length in base 36; one without: A = 1 … Z = 26
      var c = code.charCodeAt(i), plain = c >= 65 && c <= 90;
      starts.push(pos);
      has.push(!plain);
      pos += plain ? c - 64 : parseInt(code.charAt(i), 36);
    }
    if (pos !== text.length) return; // the page shows another text here: leave it alone
    starts.push(pos);
    node.setAttribute("data-gb", blocks.length);
    blocks.push({ el: node, text: text, starts: starts, has: has, ruby: ruby, i: blocks.length });
  }
  function word(b, i) { return b.text.slice(b.starts[i], b.starts[i + 1]); }
  function entry(w) { return dict[w] || null; }

  // -- pinyin over the headline and lead; words as buttons --------------------------------
  function paint(b) {
    var ruby = on.pinyin && b.ruby;
    b.el.classList.toggle("gl-ruby", ruby);
    if (!ruby && !on.words) { b.el.textContent = b.text; return; }
    var frag = doc.createDocumentFragment();
    for (var i = 0; i + 1 < b.starts.length; i++) {
      var w = word(b, i);
      if (!b.has[i]) { frag.appendChild(doc.createTextNode(w)); continue; }
      var n = on.words ? el("button", "gw") : el("span", "gw-s");
      if (on.words) n.type = "button";
      n.setAttribute("data-gi", b.i + ":" + i);
      if (ruby) n.appendChild(rubyOf(w, data.y[w] || "")); else n.textContent = w;
      frag.appendChild(n);
    }
    b.el.textContent = "";
    b.el.appendChild(frag);
  }
  function rubyOf(w, py) {
    var r = el("ruby"), syl = py.split(" "), chars = Array.from(w);
    if (syl.length !== chars.length) { syl = [py]; chars = [w]; }
    for (var i = 0; i < chars.length; i++) {
      r.appendChild(doc.createTextNode(chars[i]));
      var rt = el("rt", null, syl[i]);
      rt.setAttribute("aria-hidden", "true");
      r.appendChild(rt);
    }
    return r;
  }
  function set(name, value) {
    on[name] = value;
    var b = tools.querySelector('[data-gloss-set="' + name + '"]');
    if (b) b.setAttribute("aria-pressed", String(value));
    if (name === "pinyin") { try { window.localStorage.setItem(KEY, value ? "on" : "off"); } catch (e) { /* blocked */ } }
    close(false);
    blocks.forEach(paint);
  }

  // -- where a tap landed: a word button or ruby, else the caret under the pointer --------
  function caretAt(x, y) {
    if (doc.caretPositionFromPoint) {
      var p = doc.caretPositionFromPoint(x, y);
      return p && { node: p.offsetNode, offset: p.offset };
    }
    var r = doc.caretRangeFromPoint && doc.caretRangeFromPoint(x, y);
    return r && { node: r.startContainer, offset: r.startOffset };
  }
  function covers(node, k, x, y) {
    if (k < 0 || k >= node.length) return false;
    var r = doc.createRange();
    r.setStart(node, k);
    r.setEnd(node, k + 1);
    var q = r.getBoundingClientRect();
    return x >= q.left && x <= q.right && y >= q.top && y <= q.bottom;
  }
  function atPoint(x, y) {
    var c = caretAt(x, y);
    if (!c || !c.node || c.node.nodeType !== 3) return null;
    var host = c.node.parentNode.closest("[data-gb]");
    if (!host) return null;
    var k = covers(c.node, c.offset, x, y) ? c.offset : covers(c.node, c.offset - 1, x, y) ? c.offset - 1 : -1;
    if (k < 0) return null;
    var b = blocks[+host.getAttribute("data-gb")], off = k, walk = doc.createTreeWalker(host, 4), n;
    while ((n = walk.nextNode()) && n !== c.node) off += n.length;
    for (var i = 0; i + 1 < b.starts.length; i++) if (b.starts[i + 1] > off) return { b: b, i: i, node: c.node, k: k - (off - b.starts[i]) };
    return null;
  }
  function atNode(n) {
    var p = n.getAttribute("data-gi").split(":");
    return { b: blocks[+p[0]], i: +p[1], el: n };
  }

  // -- the popup (a bottom sheet on narrow screens) ----------------------------------------
  function build() {
    pop = message("pop");
    if (!pop.classList.contains("gloss-pop")) { pop = el("div", "gloss-pop"); pop.setAttribute("role", "dialog"); pop.tabIndex = -1; }
    pop.hidden = true;
    live = el("p", "gloss-live");
    live.setAttribute("aria-live", "polite");
    doc.body.appendChild(pop);
    doc.body.appendChild(live);
  }
  function senses(r) { return r[1].join("; "); }
  // The word's shard (and its parts') first; a tap or close meanwhile wins.
  function show(at, keyboard) {
    if (!at.b.has[at.i]) { close(false); return; }
    var w = word(at.b, at.i), id = ++asked;
    need([w], function () {
      var e = entry(w);
      if (id !== asked) return;
      if (!e) { close(false); unavailable(); return; }
      need(e[3] || [], function () { if (id === asked) draw(at, w, e, keyboard); });
    });
  }
  function draw(at, w, e, keyboard) {
    if (!pop) build();
    pop.textContent = "";
    var x = message("close");
    x.addEventListener("click", function () { close(true); });
    var head = el("p", "gp-head");
    var zh = el("span", "gp-w", w);
    zh.lang = "zh-Hans";
    var py = el("span", "gp-py", e[0]);
    head.appendChild(zh);
    head.appendChild(py);
    pop.appendChild(x);
    pop.appendChild(head);
    var first = ""; // for the live region: the first senses (text) or the name/term label (a node)
    if (e[1].length) {
      var list = el(e[1].length > 1 ? "ol" : "ul", "gp-r");
      e[1].forEach(function (r) {
        var li = el("li");
        if (e[1].length > 1) li.appendChild(el("span", "gp-rp", r[0]));
        li.appendChild(doc.createTextNode(senses(r)));
        list.appendChild(li);
      });
      pop.appendChild(list);
      first = senses(e[1][0]);
    } else if (e[2]) {
      var k = el("p", "gp-k");
      k.appendChild(kind(e[2]));
      pop.appendChild(k);
      first = kind(e[2]);
    }
    if (e[3]) {
      var parts = el("ul", "gp-parts");
      e[3].forEach(function (p) {
        var pe = entry(p), li = el("li"), pz = el("span", "gp-pw", p);
        pz.lang = "zh-Hans";
        li.appendChild(pz);
        if (pe) {
          li.appendChild(doc.createTextNode(" " + pe[0] + " "));
          if (pe[1].length) li.appendChild(doc.createTextNode(pe[1][0][1][0])); else if (pe[2]) li.appendChild(kind(pe[2]));
        }
        parts.appendChild(li);
      });
      pop.appendChild(parts);
    }
    var src = el("p", "gp-src");
    src.appendChild(message("source"));
    pop.appendChild(src);
    pop.hidden = false;
    from = at.el || null;
    place(at);
    mark(at);
    live.textContent = w + ", " + e[0] + ": ";
    live.appendChild(!first ? message("no-entry") : typeof first === "string" ? doc.createTextNode(first) : first);
    if (keyboard) pop.focus();
  }
  function rectOf(at) {
    if (at.el) return at.el.getBoundingClientRect();
    var r = doc.createRange(), len = at.b.starts[at.i + 1] - at.b.starts[at.i];
    r.setStart(at.node, Math.max(0, at.k));
    r.setEnd(at.node, Math.min(at.node.length, at.k + len));
    at.range = r;
    return r.getBoundingClientRect();
  }
  function place(at) {
    var q = rectOf(at), root = doc.documentElement;
    if (window.matchMedia && window.matchMedia("(max-width: 40em)").matches) {
      pop.classList.add("sheet");
      pop.style.left = pop.style.top = "";
      return;
    }
    pop.classList.remove("sheet");
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.max(8, Math.min(q.left, root.clientWidth - w - 8));
    var top = q.bottom + 6;
    if (top + h > root.clientHeight && q.top - h - 6 > 0) top = q.top - h - 6;
    pop.style.left = left + window.pageXOffset + "px";
    pop.style.top = top + window.pageYOffset + "px";
  }
  function mark(at) {
    var old = doc.querySelector(".gw-on");
    if (old) old.classList.remove("gw-on");
    if (at.el) at.el.classList.add("gw-on");
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (at.range) CSS.highlights.set("gloss", new window.Highlight(at.range)); else CSS.highlights.delete("gloss");
    }
  }
  function close(refocus) {
    asked++;
    if (!pop || pop.hidden) return;
    pop.hidden = true;
    var old = doc.querySelector(".gw-on");
    if (old) old.classList.remove("gw-on");
    if (window.CSS && CSS.highlights) CSS.highlights.delete("gloss");
    if (refocus && from && doc.contains(from)) from.focus();
    from = null;
  }

  // -- events ----------------------------------------------------------------------------
  function run(item) {
    if (failed) return;
    if (!data) { later.push(item); return; }
    if (item.set) set(item.set, item.on != null ? item.on : !on[item.set]);
    else tap(item.x, item.y, null, false);
  }
  function tap(x, y, target, keyboard) {
    var hit = target && target.closest && target.closest("[data-gi]");
    var at = hit ? atNode(hit) : atPoint(x, y);
    if (at) show(at, keyboard); else close(false);
  }
  doc.addEventListener("click", function (ev) {
    var t = ev.target;
    if (pop && pop.contains(t)) return;
    if (tools.contains(t)) {
      var b = t.closest("[data-gloss-set]");
      if (b) run({ set: b.getAttribute("data-gloss-set") });
      return;
    }
    if (!data) { close(false); return; }
    // A button pressed from the keyboard reports no pointer position (detail 0).
    tap(ev.clientX, ev.clientY, t, ev.detail === 0);
  });
  doc.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && pop && !pop.hidden) { close(true); ev.preventDefault(); }
  });
  window.addEventListener("resize", function () { close(false); });
  highlightStyle();
  load();
  boot.queue.forEach(run);
  boot.queue = [];
})();
