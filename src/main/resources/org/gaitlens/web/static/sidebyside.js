// gaitlens web app: two sessions' videos side by side on the comparison page, in step with the gait cycle.
// Session A plays in real time; session B follows through the time map the server computed from both sessions'
// heel strikes (GET /patients/{id}/compare/sync: knots on A's clock and the matched ones on B's; linear between
// them, real time outside). One set of controls moves both; the curves of both sessions show where in the cycle
// they are.
(function () {
  'use strict';

  function start(root) {
    var g = window.gaitlens;
    var va = document.getElementById('sbs-video-a');
    var vb = document.getElementById('sbs-video-b');
    var selA = document.getElementById('sbs-a');
    var selB = document.getElementById('sbs-b');
    var selSide = document.getElementById('sbs-side');
    var selStride = document.getElementById('sbs-stride');
    var loopBox = document.getElementById('sbs-loop');
    var playButton = document.getElementById('sbs-play');
    var rates = Array.prototype.slice.call(root.querySelectorAll('button.sbs-rate'));
    var d = null;
    var charts = [];
    var rate = 0.5;
    var JOINTS = ['hip', 'knee', 'ankle'];
    var NAMES = {hip: 'Hip flexion', knee: 'Knee flexion', ankle: 'Ankle dorsiflexion'};

    // B's time for A's time: the server's knots, linear between them, real time before the first and after the last.
    function toB(t) {
      var a = d.warpAS;
      var b = d.warpBS;
      var n = a.length;
      if (n === 0) { return t; }
      if (t <= a[0]) { return b[0] + (t - a[0]); }
      if (t >= a[n - 1]) { return b[n - 1] + (t - a[n - 1]); }
      var i = 1;
      while (a[i] < t) { i++; }
      return b[i - 1] + (t - a[i - 1]) * (b[i] - b[i - 1]) / (a[i] - a[i - 1]);
    }

    function nearest(times, t) {
      var i = g.frameAt(times, t);
      if (i + 1 < times.length && Math.abs(times[i + 1] - t) < Math.abs(times[i] - t)) { i++; }
      return i;
    }

    // Where a clip is in the gait cycle at time t: {stride: k, pct} or null between strides.
    function phase(clip, t) {
      for (var k = 0; k < clip.strides.length; k++) {
        var s = clip.strides[k];
        if (t >= s.startS && t < s.endS) { return {stride: k, pct: 100 * (t - s.startS) / (s.endS - s.startS)}; }
      }
      return null;
    }

    function frameOf(clip, video) { return g.frameAt(clip.timeS, video.currentTime); }

    function show() {
      [[d.a, va, 'a'], [d.b, vb, 'b']].forEach(function (x) {
        var f = frameOf(x[0], x[1]);
        var p = phase(x[0], x[0].timeS[f]);
        var el = document.getElementById('sbs-phase-' + x[2]);
        el.textContent = 'Frame ' + f + ' · ' + x[0].timeS[f].toFixed(3) + ' s · '
          + (p ? 'stride ' + (p.stride + 1) + ', ' + p.pct.toFixed(0) + ' % of the cycle' : 'between strides');
        el.setAttribute('data-frame', f);
      });
      var pa = phase(d.a, d.a.timeS[frameOf(d.a, va)]);
      charts.forEach(function (c) { c.setCursor(pa ? pa.pct : null); });
    }

    // Puts B on the frame that shows A's phase (A's shown frame time mapped to B's clock).
    function follow() {
      var ta = d.a.timeS[frameOf(d.a, va)];
      var fb = nearest(d.b.timeS, toB(ta));
      vb.currentTime = g.frameTime(d.b.timeS, fb);
    }

    function seekA(frame) {
      va.pause();
      vb.pause();
      va.currentTime = g.frameTime(d.a.timeS, frame);
    }

    function step(dir) {
      seekA(frameOf(d.a, va) + dir);
    }

    function tick() {
      if (!d || va.paused) { return; }
      var k = Number(selStride.value);
      if (loopBox.checked && d.a.strides[k] && va.currentTime >= d.a.strides[k].endS) {
        va.currentTime = d.a.strides[k].startS;
      }
      var tb = toB(va.currentTime);
      var slope = (toB(va.currentTime + 0.05) - tb) / 0.05;
      if (Math.abs(vb.currentTime - tb) > 0.08) {
        vb.currentTime = tb;
      }
      var correction = Math.max(-0.2, Math.min(0.2, 2 * (tb - vb.currentTime)));
      vb.playbackRate = Math.max(0.0625, rate * slope * (1 + correction));
      show();
      requestAnimationFrame(tick);
    }

    function play() {
      if (va.paused) {
        va.playbackRate = rate;
        vb.currentTime = toB(va.currentTime);
        va.play();
        vb.play();
        playButton.textContent = 'Pause';
        requestAnimationFrame(tick);
      } else {
        va.pause();
        vb.pause();
      }
    }

    function build() {
      selStride.innerHTML = '';
      for (var k = 0; k < d.pairs; k++) {
        var o = document.createElement('option');
        o.value = String(k);
        o.textContent = 'Stride ' + (k + 1) + ' (A at ' + d.a.strides[k].startS.toFixed(2) + ' s, B at '
          + d.b.strides[k].startS.toFixed(2) + ' s)';
        selStride.appendChild(o);
      }
      document.getElementById('sbs-title-a').textContent = 'A: ' + d.a.title;
      document.getElementById('sbs-title-b').textContent = 'B: ' + d.b.title;
      var box = document.getElementById('sbs-charts');
      box.innerHTML = '';
      var pct = [];
      for (var i = 0; i <= 100; i++) { pct.push(i); }
      charts = JOINTS.map(function (joint) {
        return g.lineChart(box, {
          title: NAMES[joint] + ' (deg), ' + d.side + ' side, mean over the cycle: A solid, B dashed',
          xMin: 0, xMax: 100, xUnit: '%',
          series: [{x: pct, y: d.a.curves[joint], cls: 'line-a'}, {x: pct, y: d.b.curves[joint], cls: 'line-b'}],
          onPick: function (p) {
            var k = Number(selStride.value) || 0;
            var s = d.a.strides[k];
            if (s) { seekA(nearest(d.a.timeS, s.startS + p / 100 * (s.endS - s.startS))); }
          }
        });
      });
    }

    function load() {
      var url = root.getAttribute('data-sync-url') + '?a=' + encodeURIComponent(selA.value) + '&b='
        + encodeURIComponent(selB.value) + '&side=' + encodeURIComponent(selSide.value);
      root.removeAttribute('data-ready');
      fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { if (!r.ok) { throw new Error('sync ' + r.status); } return r.json(); })
        .then(function (data) {
          d = data;
          build();
          va.src = d.a.video;
          vb.src = d.b.video;
          var ready = 0;
          function loaded() {
            if (++ready === 2) {
              if (d.pairs > 0) { seekA(nearest(d.a.timeS, d.a.strides[0].startS)); }
              root.setAttribute('data-ready', 'true');
            }
          }
          va.addEventListener('loadeddata', loaded, {once: true});
          vb.addEventListener('loadeddata', loaded, {once: true});
        });
    }

    va.addEventListener('seeked', function () { if (va.paused) { follow(); } show(); });
    vb.addEventListener('seeked', show);
    va.addEventListener('pause', function () { vb.pause(); follow(); playButton.textContent = 'Play'; });
    playButton.addEventListener('click', play);
    document.getElementById('sbs-prev').addEventListener('click', function () { step(-1); });
    document.getElementById('sbs-next').addEventListener('click', function () { step(1); });
    selStride.addEventListener('change', function () {
      var s = d.a.strides[Number(selStride.value)];
      if (s) { seekA(nearest(d.a.timeS, s.startS)); }
    });
    [selA, selB, selSide].forEach(function (s) { s.addEventListener('change', load); });
    rates.forEach(function (b) {
      b.addEventListener('click', function () {
        rate = Number(b.getAttribute('data-rate'));
        va.playbackRate = rate;
        g.pressRate(rates, rate);
      });
    });
    g.onKeys(function (e) {
      if (!d) { return; }
      if (e.key === ' ') {
        e.preventDefault();
        play();
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        step(e.key === 'ArrowLeft' ? -1 : 1);
      }
    });
    load();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('side-by-side');
    if (root && window.gaitlens) { start(root); }
  });
}());
