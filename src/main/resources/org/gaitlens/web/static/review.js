// gaitlens web app: the video review of a run page. The recording plays in a <video>; every shown frame is
// drawn onto a canvas over it with the skeleton, the joint angles and face blurring, all from the run's data
// (GET /runs/{id}/review): landmarks per frame, angles per frame as gaitlens computed them, events, strides.
// Frame stepping, speeds, a timeline with the events, charts and the stride list all move the same video.
(function () {
  'use strict';

  function start(root) {
    var g = window.gaitlens;
    var video = document.getElementById('video');
    var canvas = document.getElementById('overlay');
    var ctx = canvas.getContext('2d');
    var stage = document.getElementById('stage');
    var banner = document.getElementById('event-banner');
    var playButton = document.getElementById('play');
    var rates = Array.prototype.slice.call(root.querySelectorAll('button.rate'));
    var showSkeleton = document.getElementById('show-skeleton');
    var showAngles = document.getElementById('show-angles');
    var blurFace = document.getElementById('blur-face');
    var playhead = document.getElementById('playhead');
    var d = null;
    var shown = -1;
    var wanted = 0;
    var charts = [];
    var strideButtons = [];
    var JOINTS = ['hip', 'knee', 'ankle'];
    var SIDES = ['left', 'right'];

    function duration() {
      var t = d.timeS;
      return isFinite(video.duration) && video.duration > 0 ? video.duration
        : t[t.length - 1] + (t.length > 1 ? t[1] - t[0] : 0);
    }

    function nearestFrame(t) {
      var i = g.frameAt(d.timeS, t);
      if (i + 1 < d.timeS.length && Math.abs(d.timeS[i + 1] - t) < Math.abs(d.timeS[i] - t)) { i++; }
      return i;
    }

    function seekFrame(i) {
      wanted = Math.max(0, Math.min(d.timeS.length - 1, i));
      if (!video.paused) { video.pause(); }
      video.currentTime = g.frameTime(d.timeS, wanted);
    }

    function angleText(v) {
      return v === null || v === undefined ? '–' : v.toFixed(d.angleDecimals);
    }

    // ---- drawing
    function point(p, k) { return {x: p[3 * k], y: p[3 * k + 1], c: p[3 * k + 2]}; }

    function drawBlur(p) {
      var s = d.skeleton;
      var sx = 0;
      var sy = 0;
      var n = 0;
      var lim = Math.min(s.minConfidence, 0.3);
      s.face.forEach(function (k) { var q = point(p, k); if (q.c >= lim) { sx += q.x; sy += q.y; n++; } });
      if (n === 0) { return; }
      var cx = sx / n;
      var cy = sy / n;
      var spread = 0;
      s.face.forEach(function (k) {
        var q = point(p, k);
        if (q.c >= lim) { spread = Math.max(spread, Math.hypot(q.x - cx, q.y - cy)); }
      });
      var nose = point(p, s.nose);
      var ls = point(p, s.shoulders[0]);
      var rs = point(p, s.shoulders[1]);
      var neck = Math.hypot((ls.x + rs.x) / 2 - nose.x, (ls.y + rs.y) / 2 - nose.y);
      var half = Math.max(1.8 * spread, 0.45 * neck, 8);
      ctx.save();
      ctx.beginPath();
      ctx.rect(cx - half, cy - half, 2 * half, 2 * half);
      ctx.clip();
      ctx.filter = 'blur(' + Math.max(4, half / 3).toFixed(1) + 'px)';
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      ctx.restore();
    }

    function drawSkeleton(p) {
      var s = d.skeleton;
      var t = Math.max(2, Math.round(Math.min(canvas.width, canvas.height) / 300));
      ctx.lineCap = 'round';
      ctx.lineWidth = t;
      s.bones.forEach(function (b) {
        var a = point(p, b[0]);
        var c = point(p, b[1]);
        if (a.c < s.minConfidence || c.c < s.minConfidence) { return; }
        ctx.strokeStyle = s.sides[b[0]] && s.sides[b[0]] === s.sides[b[1]] ? s.colours[s.sides[b[0]]] : s.colours.centre;
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(c.x, c.y);
        ctx.stroke();
      });
      var r = Math.max(3, Math.round(1.6 * t));
      for (var k = 0; k < s.sides.length; k++) {
        var q = point(p, k);
        if (q.c < s.minConfidence || (s.face.indexOf(k) >= 0 && k !== s.nose)) { continue; }
        ctx.fillStyle = '#1e1e1e';
        ctx.beginPath();
        ctx.arc(q.x, q.y, r + Math.max(1, t / 2), 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = s.sides[k] ? s.colours[s.sides[k]] : s.colours.centre;
        ctx.beginPath();
        ctx.arc(q.x, q.y, r, 0, 2 * Math.PI);
        ctx.fill();
      }
    }

    function drawAngles(p, i) {
      var s = d.skeleton;
      var size = Math.max(14, Math.round(canvas.height / 34));
      ctx.font = '600 ' + size + 'px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      // Each joint's two labels go outside the pair of joints (left labels left of both, right labels right of
      // both): in a side view the two legs' joints lie close together, and labels beside each joint overlapped.
      JOINTS.forEach(function (joint) {
        var seen = SIDES.map(function (side) { return point(p, s.joints[side][joint]); })
          .filter(function (q) { return q.c >= s.minConfidence; });
        var lo = Math.min.apply(null, seen.map(function (q) { return q.x; }));
        var hi = Math.max.apply(null, seen.map(function (q) { return q.x; }));
        SIDES.forEach(function (side) {
          var v = d.angles[side][joint][i];
          var q = point(p, s.joints[side][joint]);
          if (v === null || q.c < s.minConfidence) { return; }
          var text = joint.charAt(0).toUpperCase() + ' ' + angleText(v) + '°';
          var w = ctx.measureText(text).width + 10;
          var x = side === 'left' ? Math.max(2, lo - w - 14) : Math.min(canvas.width - w - 2, hi + 14);
          ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
          ctx.fillRect(x, q.y - size * 0.7, w, size * 1.4);
          ctx.fillStyle = s.colours[side];
          ctx.fillText(text, x + 5, q.y);
        });
      });
    }

    function render(i) {
      shown = i;
      if (canvas.width !== d.widthPx) { canvas.width = d.widthPx; canvas.height = d.heightPx; }
      if (video.readyState >= 2) {
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      }
      var p = d.points[i];
      if (p && blurFace.checked) { drawBlur(p); }
      if (p && showSkeleton.checked) { drawSkeleton(p); }
      if (p && showAngles.checked) { drawAngles(p, i); }
      var t = d.timeS[i];
      document.getElementById('frame-number').textContent = 'Frame ' + i + ' / ' + (d.timeS.length - 1);
      document.getElementById('frame-time').textContent = t.toFixed(3) + ' s';
      SIDES.forEach(function (side) {
        JOINTS.forEach(function (joint) {
          document.getElementById('angle-' + side + '-' + joint).textContent = angleText(d.angles[side][joint][i]);
        });
      });
      var here = d.events.filter(function (e) { return e.frame === i; });
      banner.hidden = here.length === 0;
      banner.textContent = here.map(function (e) {
        return (e.side === 'left' ? 'Left ' : 'Right ') + e.type.replace('_', ' ');
      }).join(' · ');
      playhead.style.left = (100 * t / duration()) + '%';
      charts.forEach(function (c) { c.setCursor(t); });
      strideButtons.forEach(function (b) {
        b.el.classList.toggle('current', t >= b.stride.startS && t < b.stride.endS);
      });
    }

    function renderNow() {
      render(g.frameAt(d.timeS, video.currentTime));
    }

    function loop(now, meta) {
      render(g.frameAt(d.timeS, meta.mediaTime));
      video.requestVideoFrameCallback(loop);
    }

    // ---- controls
    function build() {
      var lanes = {};
      root.querySelectorAll('.lane').forEach(function (l) { lanes[l.getAttribute('data-side')] = l.querySelector('.track'); });
      Object.keys(lanes).forEach(function (side) {
        lanes[side].addEventListener('click', function (ev) {
          if (ev.target !== lanes[side]) { return; }
          var r = lanes[side].getBoundingClientRect();
          seekFrame(g.frameAt(d.timeS, (ev.clientX - r.left) / r.width * duration()));
        });
      });
      d.events.forEach(function (e) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'tick ' + (e.type === 'heel_strike' ? 'hs' : 'to');
        b.setAttribute('data-frame', e.frame);
        var label = (e.side === 'left' ? 'Left ' : 'Right ') + e.type.replace('_', ' ') + ', ' + e.timeS.toFixed(2)
          + ' s (frame ' + e.frame + ')';
        b.title = label;
        b.setAttribute('aria-label', label);
        b.style.left = (100 * e.timeS / duration()) + '%';
        b.addEventListener('click', function () { seekFrame(e.frame); });
        lanes[e.side].appendChild(b);
      });
      var list = document.getElementById('strides');
      d.strides.forEach(function (s) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = (s.side === 'left' ? 'Left' : 'Right') + ' stride ' + s.number + ' at ' + s.startS.toFixed(2)
          + ' s: ' + s.summary;
        b.addEventListener('click', function () { seekFrame(nearestFrame(s.startS)); });
        li.appendChild(b);
        list.appendChild(li);
        strideButtons.push({el: b, stride: s});
      });
      var box = document.getElementById('charts');
      var names = {hip: 'Hip flexion', knee: 'Knee flexion', ankle: 'Ankle dorsiflexion'};
      JOINTS.forEach(function (joint) {
        charts.push(g.lineChart(box, {
          title: names[joint] + ' (deg), left and right, over the recording',
          xMin: 0, xMax: duration(), xUnit: 's',
          series: SIDES.map(function (side) {
            return {x: d.timeS, y: d.angles[side][joint], cls: 'line-' + side};
          }),
          onPick: function (t) { seekFrame(nearestFrame(t)); }
        }));
      });
      blurFace.checked = d.blurFaces;
      [showSkeleton, showAngles, blurFace].forEach(function (c) { c.addEventListener('change', renderNow); });
      playButton.addEventListener('click', function () { if (video.paused) { video.play(); } else { video.pause(); } });
      document.getElementById('prev-frame').addEventListener('click', function () { seekFrame(current() - 1); });
      document.getElementById('next-frame').addEventListener('click', function () { seekFrame(current() + 1); });
      rates.forEach(function (b) {
        b.addEventListener('click', function () {
          video.playbackRate = Number(b.getAttribute('data-rate'));
          g.pressRate(rates, video.playbackRate);
        });
      });
      g.onKeys(function (e) {
        if (e.key === ' ') {
          e.preventDefault();
          playButton.click();
        } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          var dir = e.key === 'ArrowLeft' ? -1 : 1;
          seekFrame(e.shiftKey ? eventFrom(current(), dir) : current() + dir);
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          seekFrame(e.key === 'Home' ? 0 : d.timeS.length - 1);
        }
      });
    }

    // The frame the controls step from: the one asked for while a seek is still on its way, else the one shown.
    function current() {
      return video.seeking ? wanted : shown;
    }

    function eventFrom(frame, dir) {
      var frames = d.events.map(function (e) { return e.frame; }).sort(function (a, b) { return a - b; });
      if (dir > 0) {
        for (var i = 0; i < frames.length; i++) { if (frames[i] > frame) { return frames[i]; } }
        return frame;
      }
      for (var j = frames.length - 1; j >= 0; j--) { if (frames[j] < frame) { return frames[j]; } }
      return frame;
    }

    function fit() {
      if (d) { stage.style.maxWidth = Math.floor(window.innerHeight * 0.7 * d.widthPx / d.heightPx) + 'px'; }
    }

    fetch(root.getAttribute('data-review-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { if (!r.ok) { throw new Error('review ' + r.status); } return r.json(); })
      .then(function (data) {
        d = data;
        canvas.width = d.widthPx;
        canvas.height = d.heightPx;
        fit();
        window.addEventListener('resize', fit);
        build();
        video.addEventListener('seeked', renderNow);
        video.addEventListener('loadeddata', renderNow);
        video.addEventListener('pause', renderNow);
        video.addEventListener('play', function () { playButton.textContent = 'Pause'; });
        video.addEventListener('pause', function () { playButton.textContent = 'Play'; });
        video.addEventListener('error', function () { document.getElementById('video-error').hidden = false; });
        if (video.requestVideoFrameCallback) { video.requestVideoFrameCallback(loop); }
        video.src = root.getAttribute('data-video-url');
        render(0);
        root.setAttribute('data-ready', 'true');
      })
      .catch(function () { document.getElementById('video-error').hidden = false; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('review');
    if (root && window.gaitlens) { start(root); }
  });
}());
