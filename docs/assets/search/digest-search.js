/* Digest search: query side of generator/render/search.py (keep the two in step).
 *
 * Material's search worker matches each query word as a prefix of an indexed word. The
 * index (rewritten at build time) carries a "lemmas" field; here every word of the query
 * becomes its lemma (the corpus's own form -> lemma map in lemmas.js), or a stem (learnt
 * endings stripped) for a form the corpus never had, before the query reaches the worker.
 * ё is folded to е and quotes/punctuation split words, as in the index.
 *
 * Concepts: lemma phrases of the query that name a glossary concept (d.concepts, longest
 * phrase first) add its English words, which every article naming the concept in any language
 * carries in its index entry ("нефти" also asks for "oil"; "oil" finds нефть and мұнай).
 *
 * Facets: each index entry carries its facets (topic, language, outlet, week); the filters
 * drawn above the results (labels in d.facets) drop the worker's results that do not match
 * and show how many results each value has. The count reads "N matching articles".
 *
 * Hook: Material posts {type: 2, data: query} to its worker (Worker, or IFrameWorker for
 * file://); we wrap postMessage on their prototypes, and their "message" listeners to filter
 * results (type 3). Material also searches only on keyup, so text that arrives without one
 * (paste, mobile keyboards, IME) gets a synthetic keyup.
 */
(function () {
  "use strict";
  if (window.__digestSearchHooked) return;
  window.__digestSearchHooked = true;

  var lemmaSet = null;
  var lemmaSetFor = null;

  function data() {
    return window.__digestSearch || null;
  }

  function lemmas(d) {
    if (lemmaSetFor !== d) {
      lemmaSet = Object.create(null);
      for (var k in d.forms) lemmaSet[d.forms[k]] = true;
      lemmaSetFor = d;
    }
    return lemmaSet;
  }

  function normalize(text, d) {
    var out = text.normalize ? text.normalize("NFC") : text;
    for (var from in d.fold) out = out.split(from).join(d.fold[from]);
    return out.toLowerCase();
  }

  function stem(word, d) {
    if (Object.prototype.hasOwnProperty.call(d.forms, word)) return d.forms[word];
    if (lemmas(d)[word]) return word;
    for (var i = 0; i < d.endings.length; i++) {
      var e = d.endings[i];
      if (word.length - e.length >= d.min_stem && word.slice(-e.length) === e) {
        return word.slice(0, -e.length);
      }
    }
    return word;
  }

  function withConcepts(terms, d) {
    var concepts = d.concepts || {};
    var longest = d.longest || 1;
    var extra = [];
    var i = 0;
    while (i < terms.length) {
      var step = 1;
      for (var n = Math.min(longest, terms.length - i); n > 0; n--) {
        var key = terms.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(concepts, key)) {
          extra = extra.concat(concepts[key]);
          step = n;
          break;
        }
      }
      i += step;
    }
    return extra;
  }

  function transform(query) {
    var d = data();
    if (!d || typeof query !== "string") return query;
    var sep = new RegExp(d.separator);
    var out = [];
    var plain = [];
    query.split(/\s+/).filter(Boolean).forEach(function (token) {
      // lunr syntax typed on purpose (+must -not field: term~1 term^2): leave it alone
      if (/^[+\-]|[:~^*]/.test(token)) { out.push(token); return; }
      normalize(token, d).split(sep).filter(Boolean).forEach(function (w) {
        var t = stem(w, d);
        out.push(t);
        plain.push(t);
      });
    });
    out = out.concat(withConcepts(plain, d));
    var seen = Object.create(null);
    return out.filter(function (t) {
      if (seen[t]) return false;
      seen[t] = true;
      return true;
    }).join(" ");
  }
  window.__digestSearchTransform = transform;

  /* ------------------------------------------------------------------ facets */

  var FACETS = ["topic", "language", "outlet", "week"];
  var state = { filters: {}, counts: null, total: null, query: "", worker: null };
  window.__digestSearchState = state;

  function label(key, fallback) {
    var d = data();
    return (d && d.labels && d.labels[key]) || fallback;
  }

  function matches(doc, filters, skip) {
    var f = (doc && doc.facets) || {};
    for (var i = 0; i < FACETS.length; i++) {
      var name = FACETS[i];
      var want = filters[name];
      if (!want || name === skip) continue;
      var have = f[name];
      if (Array.isArray(have) ? have.indexOf(want) < 0 : have !== want) return false;
    }
    return true;
  }

  function filterResult(result) {
    var items = (result && result.items) || [];
    var counts = {};
    FACETS.forEach(function (name) {
      counts[name] = {};
      items.forEach(function (group) {
        var doc = group[0];
        if (!matches(doc, state.filters, name)) return;
        var have = ((doc && doc.facets) || {})[name];
        (Array.isArray(have) ? have : have ? [have] : []).forEach(function (v) {
          counts[name][v] = (counts[name][v] || 0) + 1;
        });
      });
    });
    var kept = items.filter(function (group) { return matches(group[0], state.filters); });
    state.counts = counts;
    state.total = kept.length;
    var copy = {};
    for (var k in result) copy[k] = result[k];
    copy.items = kept;
    return copy;
  }

  function drawFacets() {
    var d = data();
    var host = document.querySelector(".md-search-result");
    if (!d || !d.facets || !host) return;
    var bar = host.querySelector(".digest-facets");
    if (!bar) {
      bar = document.createElement("form");
      bar.className = "digest-facets";
      bar.setAttribute("aria-label", label("filter", "Filter results"));
      bar.addEventListener("submit", function (e) { e.preventDefault(); });
      FACETS.forEach(function (name) {
        var select = document.createElement("select");
        select.name = name;
        select.setAttribute("data-facet", name);
        select.setAttribute("aria-label", label(name, name));
        select.addEventListener("change", function () {
          state.filters[name] = select.value || "";
          rerun();
        });
        bar.appendChild(select);
      });
      host.insertBefore(bar, host.firstChild);
    }
    FACETS.forEach(function (name) {
      var select = bar.querySelector("select[data-facet=" + name + "]");
      var counts = (state.counts && state.counts[name]) || null;
      var current = state.filters[name] || "";
      while (select.firstChild) select.removeChild(select.firstChild);
      var all = document.createElement("option");
      all.value = "";
      all.textContent = label(name, name) + ": " + label("all", "All");
      select.appendChild(all);
      (d.facets[name] || []).forEach(function (pair) {
        var n = counts ? counts[pair[0]] || 0 : null;
        if (counts && !n && pair[0] !== current) return; // only values the results have
        var opt = document.createElement("option");
        opt.value = pair[0];
        opt.textContent = pair[1] + (n !== null ? " (" + n + ")" : "");
        select.appendChild(opt);
      });
      select.value = current;
      select.classList.toggle("digest-facet--on", !!current);
    });
  }

  function metaText() {
    if (state.total === null || !state.query) return null;
    if (state.total === 0) return label("articles_none", "No matching articles");
    if (state.total === 1) return label("articles_one", "1 matching article");
    return label("articles_other", "# matching articles").replace("#", String(state.total));
  }

  function fixMeta() {
    var meta = document.querySelector(".md-search-result__meta");
    var text = metaText();
    if (meta && text && meta.textContent !== text) meta.textContent = text;
  }

  var observed = null;
  function observeMeta() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || observed === meta || !window.MutationObserver) return;
    observed = meta;
    new MutationObserver(fixMeta).observe(meta, { childList: true, characterData: true,
                                                  subtree: true });
  }

  function rerun() {
    if (state.worker && state.query) {
      state.worker.postMessage({ type: 2, data: state.query });
    }
  }

  function hookResults(proto) {
    if (!proto || proto.__digestListenHooked) return;
    var add = proto.addEventListener;
    proto.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") {
        return add.apply(this, arguments);
      }
      var wrapped = function (event) {
        var msg = event && event.data;
        if (msg && msg.type === 3 && msg.data) {
          var filtered = filterResult(msg.data);
          var result = listener.call(this, { data: { type: 3, data: filtered }, target: this });
          drawFacets();
          observeMeta();
          fixMeta();
          setTimeout(fixMeta, 0);
          return result;
        }
        return listener.apply(this, arguments);
      };
      return add.call(this, type, wrapped, options);
    };
    proto.__digestListenHooked = true;
  }

  function hook(proto) {
    if (!proto || proto.__digestHooked) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") {
        state.worker = this;
        state.query = message.data.trim() ? message.data : "";
        if (!state.query) state.total = null;
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: 2, data: transform(message.data) };
        return post.apply(this, args);
      }
      return post.apply(this, arguments);
    };
    proto.__digestHooked = true;
  }
  if (window.Worker) { hook(window.Worker.prototype); hookResults(window.Worker.prototype); }
  if (window.IFrameWorker) {
    hook(window.IFrameWorker.prototype);
    hookResults(window.IFrameWorker.prototype);
  }

  document.addEventListener("input", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("[data-md-component=search-query]")) {
      el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  }, true);
})();
