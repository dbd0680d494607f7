/* argmap: diagrams a reader can move around in.
 *
 * Every diagram is an inline SVG inside <figure class="argmap-map">. Without JavaScript the
 * SVG shows at its natural size in a frame that scrolls, and its claims are links. With it,
 * this script adds, on top of the vendored Panzoom library (wheel, drag and pinch):
 *   - buttons: zoom in, zoom out, fit, full screen; keys on the focused frame: arrows move,
 *     + and - zoom, 0 fits;
 *   - a find box: words of a claim's text or its id centre and highlight the claim;
 *   - hovering or focusing a claim highlights its links;
 *   - a #claim-id in the address centres the diagram on that claim.
 * Large maps open at a readable zoom (never below READABLE), on the first thesis.
 */
(function () {
  "use strict";
  var READABLE = 0.9;  // smallest opening zoom: the 10pt labels stay about 12px high
  var STEP = 60;        // pixels per arrow key press

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function claimId(node) {
    var id = node.getAttribute("id") || "";
    return id.indexOf("claim-") === 0 ? id.slice(6) : null;
  }

  function setup(figure) {
    var frame = figure.querySelector(".argmap-frame");
    var svg = frame && frame.querySelector("svg");
    if (!svg || typeof window.Panzoom !== "function") return;
    var canvas = el("div", {"class": "argmap-canvas"});
    frame.insertBefore(canvas, svg);
    canvas.appendChild(svg);
    figure.classList.add("argmap-live");
    var width = svg.getBoundingClientRect().width, height = svg.getBoundingClientRect().height;
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    frame.style.height = Math.min(Math.max(height + 16, 160), window.innerHeight * 0.7) + "px";

    function view() {
      return {w: frame.clientWidth, h: frame.clientHeight};
    }
    // the opening view is worked out before Panzoom starts (it sets its start position itself)
    var start = (function () {
      var v = view();
      var scale = Math.min(v.w / width, v.h / height, 1);
      var x = width / 2, y = height / 2;
      if (scale < READABLE) {
        scale = READABLE;
        var thesis = svg.querySelector("g.node.kind-thesis") || svg.querySelector("g.node");
        var box = thesis && thesis.getBoundingClientRect(), origin = canvas.getBoundingClientRect();
        x = box ? box.left + box.width / 2 - origin.left : v.w / 2 / scale;
        y = box ? box.top + box.height / 2 - origin.top : v.h / 2 / scale;
      }
      return {scale: scale, x: v.w / 2 / scale - x, y: v.h / 2 / scale - y};
    })();
    var pz = window.Panzoom(canvas, {maxScale: 4, minScale: 0.05, origin: "0 0", step: 0.25, cursor: "grab",
                                     startScale: start.scale, startX: start.x, startY: start.y});
    frame.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey && !figure.classList.contains("argmap-wheel")) {
        // the page scrolls as usual until the reader has clicked into the diagram
        return;
      }
      pz.zoomWithWheel(event);
    }, {passive: false});
    frame.addEventListener("pointerdown", function () { figure.classList.add("argmap-wheel"); });
    document.addEventListener("pointerdown", function (event) {
      if (!figure.contains(event.target)) figure.classList.remove("argmap-wheel");
    });

    function centreOn(x, y, scale, animate) {
      var v = view();
      pz.zoom(scale, {animate: false});
      pz.pan(v.w / 2 / scale - x, v.h / 2 / scale - y, {animate: !!animate});
    }
    function fit(animate) {
      var v = view();
      var scale = Math.min(v.w / width, v.h / height, 1);
      centreOn(width / 2, height / 2, scale, animate);
    }
    function pointOf(node) {
      var box = node.getBoundingClientRect(), origin = canvas.getBoundingClientRect(), scale = pz.getScale();
      return {x: (box.left + box.width / 2 - origin.left) / scale, y: (box.top + box.height / 2 - origin.top) / scale};
    }

    // --- highlight a claim and its links ---------------------------------------------------
    var lit = [];
    function clear() {
      lit.forEach(function (n) { n.classList.remove("argmap-lit"); });
      lit = [];
      figure.classList.remove("argmap-dim");
    }
    function light(node) {
      clear();
      var id = claimId(node);
      if (!id) return;
      lit.push(node);
      svg.querySelectorAll("g.edge.from-" + CSS.escape(id) + ", g.edge.to-" + CSS.escape(id)).forEach(function (e) { lit.push(e); });
      lit.forEach(function (n) { n.classList.add("argmap-lit"); });
      figure.classList.add("argmap-dim");
    }
    svg.querySelectorAll("g.node").forEach(function (node) {
      node.addEventListener("mouseenter", function () { light(node); });
      node.addEventListener("mouseleave", clear);
      node.addEventListener("focusin", function () { light(node); });
      node.addEventListener("focusout", clear);
    });

    // --- find ---------------------------------------------------------------------------------
    var status = el("p", {"class": "argmap-status", "role": "status", "aria-live": "polite"});
    function nodes() { return Array.prototype.slice.call(svg.querySelectorAll("g.node[id^='claim-']")); }
    function textOf(node) {
      var a = node.querySelector("a");
      var title = a && (a.getAttribute("xlink:title") || a.getAttribute("title"));
      return ((title || node.textContent) + " " + claimId(node)).toLowerCase();
    }
    var found = null;
    function show(node, announce) {
      if (found) found.classList.remove("argmap-found");
      found = node;
      node.classList.add("argmap-found");
      var p = pointOf(node);
      centreOn(p.x, p.y, Math.max(pz.getScale(), 0.9), true);
      light(node);
      if (announce) status.textContent = announce;
    }
    function find(query) {
      var words = query.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) { status.textContent = ""; return null; }
      var hits = nodes().filter(function (node) {
        var hay = textOf(node);
        return words.every(function (w) { return hay.indexOf(w) >= 0; });
      });
      if (!hits.length) { status.textContent = "No claim in this diagram matches “" + query + "”."; return null; }
      show(hits[0], hits.length === 1 ? "1 claim matches; it is centred." :
        hits.length + " claims match; the first is centred (press Enter for the next).");
      return hits;
    }

    // --- controls -----------------------------------------------------------------------------
    var bar = el("div", {"class": "argmap-toolbar", "role": "toolbar", "aria-label": "Diagram controls"});
    function button(label, title, action) {
      var b = el("button", {"type": "button", "class": "argmap-button", "title": title, "aria-label": title}, label);
      b.addEventListener("click", action);
      bar.appendChild(b);
      return b;
    }
    button("+", "Zoom in", function () { pz.zoomIn(); });
    button("−", "Zoom out", function () { pz.zoomOut(); });
    button("Fit", "Fit the whole diagram", function () { fit(true); });
    var full = button("Full screen", "Show the diagram full screen", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (figure.requestFullscreen) figure.requestFullscreen();
    });
    document.addEventListener("fullscreenchange", function () {
      full.textContent = document.fullscreenElement === figure ? "Exit full screen" : "Full screen";
      frame.style.height = document.fullscreenElement === figure ? "calc(100vh - 4rem)" : frame.dataset.height;
      setTimeout(function () { fit(false); }, 50);
    });
    frame.dataset.height = frame.style.height;
    var label = el("label", {"class": "argmap-find"});
    label.appendChild(el("span", {"class": "argmap-sr"}, "Find a claim in this diagram"));
    var input = el("input", {"type": "search", "placeholder": "Find a claim (words or id)", "autocomplete": "off"});
    label.appendChild(input);
    bar.appendChild(label);
    var hits = null, index = 0;
    input.addEventListener("input", function () { hits = find(input.value); index = 0; });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      if (!hits || !hits.length) { hits = find(input.value); index = 0; return; }
      index = (index + 1) % hits.length;
      show(hits[index], "Match " + (index + 1) + " of " + hits.length + ".");
    });
    figure.insertBefore(bar, frame);
    figure.insertBefore(status, frame.nextSibling);

    frame.addEventListener("keydown", function (event) {
      if (event.target !== frame) return;
      var moves = {ArrowLeft: [STEP, 0], ArrowRight: [-STEP, 0], ArrowUp: [0, STEP], ArrowDown: [0, -STEP]};
      if (moves[event.key]) {
        var s = pz.getScale();
        pz.pan(moves[event.key][0] / s, moves[event.key][1] / s, {relative: true, animate: true});
      } else if (event.key === "+" || event.key === "=") { pz.zoomIn(); }
      else if (event.key === "-") { pz.zoomOut(); }
      else if (event.key === "0") { fit(true); }
      else { return; }
      event.preventDefault();
    });

    // --- deep links: #claim-id ----------------------------------------------------------------
    function followHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!id) return false;
      var node = svg.querySelector("g.node[id='claim-" + CSS.escape(id.replace(/^claim-/, "")) + "']");
      if (!node) return false;
      figure.scrollIntoView({block: "start"});
      // centre once the scroll has been laid out
      requestAnimationFrame(function () { show(node, "Centred on the claim in the address."); });
      var link = node.querySelector("a");
      if (link && link.focus) link.focus({preventScroll: true});
      return true;
    }
    window.addEventListener("hashchange", followHash);
    // after Panzoom has applied its start position, and once the page has its final layout
    if (document.readyState === "complete") setTimeout(followHash, 0);
    else window.addEventListener("load", function () { setTimeout(followHash, 0); });
    if (window.ResizeObserver) {  // the frame changed size (layout, full screen): keep the found claim centred
      var last = frame.clientWidth + "x" + frame.clientHeight;
      new ResizeObserver(function () {
        var now = frame.clientWidth + "x" + frame.clientHeight;
        if (now === last) return;
        last = now;
        if (found) { var p = pointOf(found); centreOn(p.x, p.y, pz.getScale(), false); }
      }).observe(frame);
    }
    figure.argmap = {panzoom: pz, find: find, fit: fit};
  }

  function start() {
    document.querySelectorAll("figure.argmap-map").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
