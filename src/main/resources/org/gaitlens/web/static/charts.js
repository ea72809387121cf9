// gaitlens web app: what the video review (review.js) and the side-by-side comparison (sidebyside.js) share:
// mapping between video time and frame index, line charts drawn as SVG, and keyboard handling. Plain JavaScript
// served by gaitlens itself. Nothing here computes a gait quantity: angles and events come from the server.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  // The index of the frame shown at time t: the last frame whose time is at or before t (times ascending).
  function frameAt(times, t) {
    var lo = 0;
    var hi = times.length - 1;
    if (hi < 0 || t < times[0]) { return 0; }
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t + 1e-6) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }

  // The time to seek to for frame i: the middle of its display interval, so the browser shows exactly that frame.
  function frameTime(times, i) {
    var n = times.length;
    i = Math.max(0, Math.min(n - 1, i));
    var next = i + 1 < n ? times[i + 1] : times[i] + (n > 1 ? times[n - 1] - times[n - 2] : 1 / 30);
    return (times[i] + next) / 2;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // A line chart in `container`: spec = {title, xMin, xMax, xUnit, series: [{x: [], y: [], cls, name}],
  // onPick(x)}. Null y values leave gaps. Returns {setCursor(x)}.
  function lineChart(container, spec) {
    var W = 320;
    var H = 150;
    var L = 34;
    var R = 8;
    var T = 8;
    var B = 22;
    var yMin = Infinity;
    var yMax = -Infinity;
    spec.series.forEach(function (s) {
      s.y.forEach(function (v) { if (v !== null) { yMin = Math.min(yMin, v); yMax = Math.max(yMax, v); } });
    });
    if (!isFinite(yMin)) { yMin = 0; yMax = 1; }
    var pad = Math.max(2, (yMax - yMin) * 0.08);
    yMin -= pad;
    yMax += pad;
    function px(x) { return L + (x - spec.xMin) / (spec.xMax - spec.xMin) * (W - L - R); }
    function py(y) { return T + (yMax - y) / (yMax - yMin) * (H - T - B); }
    var box = document.createElement('div');
    box.className = 'chart';
    var h = document.createElement('h4');
    h.textContent = spec.title;
    box.appendChild(h);
    var root = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': spec.title});
    root.appendChild(svg('line', {x1: L, y1: H - B, x2: W - R, y2: H - B, 'class': 'axis'}));
    root.appendChild(svg('line', {x1: L, y1: T, x2: L, y2: H - B, 'class': 'axis'}));
    if (yMin < 0 && yMax > 0) {
      root.appendChild(svg('line', {x1: L, y1: py(0), x2: W - R, y2: py(0), 'class': 'axis'}));
    }
    [yMin + pad, yMax - pad].forEach(function (v) {
      var t = svg('text', {x: L - 4, y: py(v) + 4, 'text-anchor': 'end'});
      t.textContent = Math.round(v) + '°';
      root.appendChild(t);
    });
    [spec.xMin, spec.xMax].forEach(function (v, k) {
      var t = svg('text', {x: px(v), y: H - 6, 'text-anchor': k === 0 ? 'start' : 'end'});
      t.textContent = (spec.xUnit === '%' ? Math.round(v) : v.toFixed(1)) + ' ' + spec.xUnit;
      root.appendChild(t);
    });
    spec.series.forEach(function (s) {
      var pts = [];
      function flush() {
        if (pts.length > 1) { root.appendChild(svg('polyline', {points: pts.join(' '), 'class': s.cls})); }
        pts = [];
      }
      for (var i = 0; i < s.y.length; i++) {
        if (s.y[i] === null) { flush(); } else { pts.push(px(s.x[i]).toFixed(1) + ',' + py(s.y[i]).toFixed(1)); }
      }
      flush();
    });
    var cursor = svg('line', {x1: L, y1: T, x2: L, y2: H - B, 'class': 'cursor', visibility: 'hidden'});
    root.appendChild(cursor);
    root.addEventListener('click', function (ev) {
      var r = root.getBoundingClientRect();
      var x = (ev.clientX - r.left) / r.width * W;
      var v = spec.xMin + (x - L) / (W - L - R) * (spec.xMax - spec.xMin);
      spec.onPick(Math.max(spec.xMin, Math.min(spec.xMax, v)));
    });
    box.appendChild(root);
    container.appendChild(box);
    return {
      setCursor: function (x) {
        if (x === null || x < spec.xMin || x > spec.xMax) {
          cursor.setAttribute('visibility', 'hidden');
          return;
        }
        cursor.setAttribute('x1', px(x));
        cursor.setAttribute('x2', px(x));
        cursor.setAttribute('visibility', 'visible');
      }
    };
  }

  // Calls handler(event) for keys pressed outside form fields.
  function onKeys(handler) {
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA') || e.ctrlKey
          || e.metaKey || e.altKey) {
        return;
      }
      handler(e);
    });
  }

  // Marks the button of `rate` pressed among `buttons`.
  function pressRate(buttons, rate) {
    buttons.forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-rate')) === rate));
    });
  }

  window.gaitlens = {frameAt: frameAt, frameTime: frameTime, lineChart: lineChart, onKeys: onKeys,
    pressRate: pressRate};
}());
