// gaitlens web app: drag-and-drop upload with a progress bar, live progress of an analysis, reports framed at
// their full height (no scroll box inside the page), and the print button of the patient summary.
// Plain JavaScript served by gaitlens itself; pages work without it (plain form upload, reload for progress,
// a report frame with its own scroll bar).
(function () {
  'use strict';

  function uploadForm() {
    var form = document.getElementById('upload-form');
    if (!form) { return; }
    var drop = document.getElementById('drop');
    var input = document.getElementById('video');
    var bar = document.getElementById('upload-progress');
    var message = document.getElementById('upload-message');
    var maxBytes = Number(form.getAttribute('data-max-bytes'));
    var dropped = null; // files dropped on the area (an array), else the input's

    function say(text, isError) {
      message.textContent = text;
      message.className = 'small' + (isError ? ' error' : '');
    }
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        dropped = Array.prototype.slice.call(e.dataTransfer.files);
        input.required = false;
        say('Selected: ' + dropped.map(function (f) { return f.name; }).join(', '), false);
      }
    });
    input.addEventListener('change', function () { dropped = null; input.required = true; });

    form.addEventListener('submit', function (e) {
      var files = dropped || Array.prototype.slice.call(input.files);
      if (files.length === 0) { return; }
      e.preventDefault();
      var big = files.filter(function (f) { return f.size > maxBytes; });
      if (big.length > 0) {
        say(big[0].name + ' is larger than the upload limit. Trim it to the walking part and try again.', true);
        return;
      }
      var data = new FormData(form);
      data.delete('video');
      files.forEach(function (f) { data.append('video', f, f.name); });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      bar.hidden = false;
      bar.value = 0;
      xhr.upload.addEventListener('progress', function (ev) {
        if (ev.lengthComputable) {
          bar.value = Math.round(ev.loaded * 100 / ev.total);
          say('Uploading… ' + bar.value + ' %', false);
        }
      });
      xhr.addEventListener('load', function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
        if (xhr.status === 200 && body.run && body.notice) {
          // Not stored again (this patient has the video already): say so, with a link to its analysis.
          bar.hidden = true;
          say(body.notice + ' ', false);
          var link = document.createElement('a');
          link.href = body.run;
          link.textContent = 'Open its analysis';
          message.appendChild(link);
        } else if (xhr.status >= 200 && xhr.status < 300 && body.run) {
          say('Uploaded. Opening the analysis…', false);
          window.location.assign(body.run);
        } else {
          bar.hidden = true;
          say(body.error || ('Upload failed (' + xhr.status + ').'), true);
        }
      });
      xhr.addEventListener('error', function () {
        bar.hidden = true;
        say('Upload failed: the connection was interrupted.', true);
      });
      say('Uploading…', false);
      xhr.send(data);
    });
  }

  function runProgress() {
    var card = document.getElementById('progress-card');
    if (!card) { return; }
    var url = card.getAttribute('data-status-url');
    var order = ['queued', 'decoding', 'pose', 'analysis', 'report'];
    var bar = document.getElementById('run-progress');
    var text = document.getElementById('run-status');
    var lost = document.getElementById('run-connection');
    var lostSince = null;
    function show(s) {
      var at = order.indexOf(s.stage);
      document.querySelectorAll('#stages li').forEach(function (li) {
        var i = order.indexOf(li.getAttribute('data-stage'));
        li.className = i < at ? 'done' : (i === at ? 'current' : '');
      });
      if (s.percent >= 0) { bar.value = s.percent; } else { bar.removeAttribute('value'); }
      text.textContent = s.text;
    }
    function poll() {
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
        .then(function (s) {
          lostSince = null;
          lost.hidden = true;
          if (s.status === 'done' || s.status === 'failed') {
            window.location.reload();
            return;
          }
          show(s);
          setTimeout(poll, 1500);
        })
        .catch(function () {
          // What is shown above is from before the connection was lost: say so, rather than show it as current.
          if (lostSince === null) { lostSince = new Date(); }
          lost.textContent = 'The server cannot be reached since ' + lostSince.toLocaleTimeString()
            + '. The progress shown is from before. This page keeps trying; an analysis that was stopped starts '
            + 'again by itself when the server is back.';
          lost.hidden = false;
          bar.removeAttribute('value');
          setTimeout(poll, 5000);
        });
    }
    poll();
  }

  // A report frame as tall as the report, so the page scrolls once instead of a box inside it. The report is
  // served so that this page may read its height (and nothing else runs in it).
  function fitReports() {
    document.querySelectorAll('iframe.report').forEach(function (frame) {
      function fit() {
        try {
          var doc = frame.contentDocument;
          if (!doc || !doc.documentElement || !doc.body) { return; }
          // Measured at a small height: a frame taller than its report would otherwise report its own height.
          frame.style.height = '50px';
          frame.style.height = doc.documentElement.scrollHeight + 'px';
          frame.classList.add('fitted');
        } catch (ignored) {
          // a frame this page may not read keeps its own scroll bar
        }
      }
      frame.addEventListener('load', fit);
      window.addEventListener('resize', fit);
      fit();
    });
  }

  function printButton() {
    var b = document.getElementById('print-summary');
    if (b) { b.addEventListener('click', function () { window.print(); }); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    uploadForm();
    runProgress();
    fitReports();
    printButton();
  });
}());
