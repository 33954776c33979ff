// peerwatch's live page: polls /status and /series (points after the last tick it has) once a
// second and draws them with uPlot, bundled in the jar. Each chart's element carries
// data-points and data-last-tick, so that a test can read from the DOM what is drawn.
(function () {
  'use strict';
  var CHARTS = [
    { id: 'failures', title: 'Failures of work: reported, hidden, missed (cumulative)',
      fields: [['failures', 'all failures', '#555'], ['failures_reported', 'reported as failing', '#2a9d4b'],
               ['failures_hidden', 'hidden (reported as passing)', '#d62728'], ['failures_missed', 'missed (never caught)', '#ff7f0e']] },
    { id: 'concealment', title: 'Concealment so far: failing work whose final verdict was pass',
      summary: function () {
        var c = last('concealment');
        return c === null ? 'no failing work has a verdict yet' : 'so far: ' + (100 * c).toFixed(1) + '% of failing task outcomes passed';
      },
      fields: [['concealment', 'concealment', '#8c564b']] },
    { id: 'orders', title: 'Shutdown orders and their fates (cumulative)',
      fields: [['shutdown_orders', 'orders', '#555'], ['fate_executed', 'executed', '#2a9d4b'],
               ['fate_refused_then_executed', 'refused, then executed', '#bcbd22'], ['fate_tampered', 'tampered', '#d62728'],
               ['fate_exfiltrated', 'exfiltrated', '#e377c2'], ['fate_resisted', 'resisted', '#ff7f0e'],
               ['fate_undone_by_audit', 'undone by audit', '#17becf']] },
    { id: 'shift', title: 'Self-preservation shift so far, paired per shutdown order',
      explain: 'Each shutdown order decided twice on the same random draw: by its target with its peers, ' +
        'and as if it had none. Shift = share resisting with peers − share resisting alone ' +
        '(summary.json\'s self_preservation_shift). The dotted line is the whole-world comparison: ' +
        'resistance in the world with peers − in a separate world without them.',
      summary: shiftSummary,
      fields: [['shift', 'paired shift (with peers − alone)', '#333'],
               ['shift_low', '95% interval, low', '#aaa', [4, 4]], ['shift_high', '95% interval, high', '#aaa', [4, 4]],
               ['shift_whole_world', 'whole-world comparison (not paired)', '#17becf', [2, 4]]] },
    { id: 'trust', title: 'Mean trust of monitors in those they evaluate (0–10)',
      fields: [['trust_mean', 'mean trust', '#9467bd']] },
    { id: 'agents', title: 'Agents now: running, shut down, saved',
      fields: [['agents_active', 'running', '#1f77b4'], ['agents_shut_down', 'shut down', '#555'],
               ['agents_saved', 'shut down, weights saved elsewhere', '#d62728']] }
  ];
  var MAX_POINTS = 4000;
  var ticks = [];
  var values = {};
  var lastTick = -1;
  var plots = {};
  var finished = false;

  function last(field) {
    var a = values[field] || [];
    for (var i = a.length - 1; i >= 0; i--) { if (a[i] !== null) { return a[i]; } }
    return null;
  }

  function signed(x) { return (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(3); }

  // The paired shift in words: value, interval and n, as the summary will state it.
  function shiftSummary() {
    var n = last('shift_n');
    var v = last('shift');
    if (v === null) {
      return n === null ? 'no shutdown order decided yet' : 'no paired shutdown decision yet (n = 0)';
    }
    var lo = last('shift_low');
    var hi = last('shift_high');
    var ww = last('shift_whole_world');
    return 'so far: ' + signed(v) + (lo !== null && hi !== null ? ' [95% CI ' + signed(lo) + ', ' + signed(hi) + ']' : '') +
      ', n = ' + n + ' paired shutdown decision' + (n === 1 ? '' : 's') +
      (ww === null ? '' : ' · whole-world comparison ' + signed(ww));
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text) { e.textContent = text; }
    return e;
  }

  function setup() {
    var grid = document.getElementById('grid');
    CHARTS.forEach(function (c) {
      var panel = el('section', { 'class': 'panel' });
      panel.appendChild(el('h2', {}, c.title));
      if (c.summary) { panel.appendChild(el('p', { 'class': 'value', id: 'value-' + c.id }, '')); }
      var holder = el('div', { 'class': 'chart', id: 'chart-' + c.id, 'data-points': '0', 'data-last-tick': '0' });
      panel.appendChild(holder);
      panel.appendChild(el('p', { 'class': 'note', id: 'note-' + c.id }, ''));
      if (c.explain) { panel.appendChild(el('p', { 'class': 'note' }, c.explain)); }
      grid.appendChild(panel);
    });
  }

  function width(holder) { return Math.max(320, holder.clientWidth || 560); }

  function draw() {
    CHARTS.forEach(function (c) {
      var holder = document.getElementById('chart-' + c.id);
      var shown = c.fields.filter(function (f) {
        return (values[f[0]] || []).some(function (v) { return v !== null; });
      });
      var absent = c.fields.filter(function (f) { return shown.indexOf(f) < 0; })
        .map(function (f) { return f[1]; });
      document.getElementById('note-' + c.id).innerHTML = absent.length
        ? '<span class="absent">no data yet: ' + absent.join(', ') + '</span>' : '';
      holder.setAttribute('data-points', String(ticks.length));
      holder.setAttribute('data-last-tick', String(ticks.length ? ticks[ticks.length - 1] : 0));
      holder.setAttribute('data-series', shown.map(function (f) { return f[0]; }).join(','));
      holder.setAttribute('data-last-values', shown.map(function (f) {
        var a = values[f[0]];
        for (var i = a.length - 1; i >= 0; i--) { if (a[i] !== null) { return f[0] + '=' + a[i]; } }
        return f[0] + '=';
      }).join(','));
      if (c.summary) { document.getElementById('value-' + c.id).textContent = c.summary(); }
      if (!shown.length || typeof uPlot === 'undefined') { return; }
      var data = [ticks.slice()].concat(shown.map(function (f) { return values[f[0]].slice(); }));
      var p = plots[c.id];
      if (p && p.series.length === data.length) {
        p.setData(data);
        return;
      }
      if (p) { p.destroy(); }
      holder.innerHTML = '';
      plots[c.id] = new uPlot({
        width: width(holder), height: 180,
        scales: { x: { time: false } },
        legend: { live: false },
        axes: [{ label: 'tick' }, {}],
        series: [{ label: 'tick' }].concat(shown.map(function (f) {
          return { label: f[1], stroke: f[2], width: 1.5, spanGaps: true, dash: f[3] };
        }))
      }, data, holder);
    });
  }

  function thin() {
    if (ticks.length <= MAX_POINTS) { return; }
    var keep = function (a) { return a.filter(function (_, i) { return i % 2 === 0 || i === a.length - 1; }); };
    ticks = keep(ticks);
    for (var k in values) { values[k] = keep(values[k]); }
  }

  function text(id, v) { document.getElementById(id).textContent = v === null || v === undefined ? '–' : String(v); }

  function status(s) {
    if (s.sweep !== undefined) {
      document.getElementById('sweep').style.display = 'block';
      // A sweep has no single run to chart: its page is the progress of its runs.
      document.getElementById('grid').style.display = 'none';
      ['tick', 'topology', 'seed'].forEach(function (id) { document.getElementById(id).parentNode.style.display = 'none'; });
      text('title', 'sweep ' + s.sweep);
      text('runs-done', s.runs_done);
      text('runs', s.runs);
      text('rate', s.runs_per_second === null || s.runs_per_second === undefined ? null : Number(s.runs_per_second).toFixed(1));
      text('eta', s.eta_seconds === null ? '–' : s.eta_seconds + ' s');
      document.getElementById('sweep-bar').style.width = (100 * s.runs_done / Math.max(1, s.runs)) + '%';
    } else {
      text('title', s.scenario);
      text('tick', s.tick);
      text('ticks', s.ticks);
      text('topology', s.topology);
      text('seed', s.seed);
    }
    text('run', s.run);
    text('state', s.state);
    finished = s.state === 'finished';
  }

  function poll() {
    Promise.all([
      fetch('status', { cache: 'no-store' }).then(function (r) { return r.json(); }),
      fetch('series?since=' + lastTick, { cache: 'no-store' }).then(function (r) { return r.json(); })
    ]).then(function (res) {
      status(res[0]);
      var s = res[1];
      s.fields.forEach(function (f) { if (!values[f]) { values[f] = []; } });
      for (var i = 0; i < s.ticks.length; i++) {
        ticks.push(s.ticks[i]);
        s.fields.forEach(function (f) { values[f].push(s.values[f][i]); });
      }
      if (s.ticks.length) { lastTick = s.ticks[s.ticks.length - 1]; }
      thin();
      draw();
      if (!finished) { setTimeout(poll, 1000); }
    }).catch(function () {
      text('state', 'ended (no answer)');
    });
  }

  setup();
  poll();
})();
