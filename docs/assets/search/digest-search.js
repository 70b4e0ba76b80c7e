/* Digest search: query side of generator/render/search.py (keep the two in step).
 *
 * Material's search worker matches each query word as a prefix of an indexed word. The
 * index (rewritten at build time) carries a "lemmas" field; here every word of the query
 * becomes its lemma (the corpus's own form -> lemma map in lemmas.js), or a stem (learnt
 * endings stripped) for a form the corpus never had, before the query reaches the worker.
 * ё is folded to е and quotes/punctuation split words, as in the index.
 *
 * Hook: Material posts {type: 2, data: query} to its worker (Worker, or IFrameWorker for
 * file://); we wrap postMessage on their prototypes. Material also searches only on keyup,
 * so text that arrives without one (paste, mobile keyboards, IME) gets a synthetic keyup.
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

  function transform(query) {
    var d = data();
    if (!d || typeof query !== "string") return query;
    var sep = new RegExp(d.separator);
    return query
      .split(/\s+/)
      .filter(Boolean)
      .map(function (token) {
        // lunr syntax typed on purpose (+must -not field: term~1 term^2): leave it alone
        if (/^[+\-]|[:~^*]/.test(token)) return token;
        return normalize(token, d)
          .split(sep)
          .filter(Boolean)
          .map(function (w) { return stem(w, d); })
          .join(" ");
      })
      .filter(Boolean)
      .join(" ");
  }
  window.__digestSearchTransform = transform;

  function hook(proto) {
    if (!proto || proto.__digestHooked) return;
    var post = proto.postMessage;
    proto.postMessage = function (message) {
      if (message && message.type === 2 && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: 2, data: transform(message.data) };
        return post.apply(this, args);
      }
      return post.apply(this, arguments);
    };
    proto.__digestHooked = true;
  }
  if (window.Worker) hook(window.Worker.prototype);
  if (window.IFrameWorker) hook(window.IFrameWorker.prototype);

  document.addEventListener("input", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("[data-md-component=search-query]")) {
      el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  }, true);
})();
