// mtcheck demo page: a textarea checked as you type (in a Web Worker), the
// findings highlighted in a preview and listed with one-click fixes, and the
// score. Plain JavaScript on top of client.js.
(function () {
  'use strict';

  const $ = (sel) => document.querySelector(sel);
  const textarea = $('#text');
  const statusEl = $('#status');
  const scoreEl = $('#score');
  const highlights = $('#highlights');
  const findings = $('#findings');
  const fixSafeButton = $('#fix-safe');

  const params = new URLSearchParams(location.search);
  const wasmURL = params.get('wasm') || (params.get('variant') === 'full' ? 'mtcheck-full.wasm' : 'mtcheck.wasm');

  // State the page exposes for tests and curious readers; demo.client is the
  // MTCheckClient.
  const demo = window.mtcheckDemo = {
    ready: false, error: null, info: null,
    checks: 0, lastText: null, lastReport: null,
    timings: {},
  };

  const client = demo.client = new MTCheckClient({workerURL: 'worker.js', wasmURL});
  let seq = 0; // the newest check asked for; older answers are dropped
  let timer = null;

  function setStatus(msg, isError) {
    statusEl.textContent = msg;
    statusEl.classList.toggle('error', !!isError);
  }

  async function runCheck() {
    clearTimeout(timer);
    const text = textarea.value;
    const mine = ++seq;
    let report;
    const t0 = performance.now();
    try {
      report = await client.check(text);
    } catch (e) {
      if (mine === seq) {
        setStatus(e.message, true);
      }
      return;
    }
    const roundTrip = performance.now() - t0;
    if (mine !== seq || text !== textarea.value) {
      return; // the text changed meanwhile: a newer check is coming
    }
    demo.checks++;
    demo.lastText = text;
    demo.lastReport = report;
    demo.timings.lastCheckMs = report.ms;
    demo.timings.lastRoundTripMs = roundTrip;
    if (demo.timings.firstCheckMs === undefined) {
      demo.timings.firstCheckMs = report.ms;
      demo.timings.firstRoundTripMs = roundTrip;
    }
    render(text, report);
    setStatus(`${report.diagnostics.length} finding(s), checked in ${report.ms.toFixed(1)} ms`);
  }

  function scheduleCheck() {
    clearTimeout(timer);
    seq++; // answers to earlier checks are stale now
    timer = setTimeout(runCheck, 250);
  }

  const severityRank = {info: 0, warning: 1, error: 2};

  function mark(text, indexes, diags) {
    const m = document.createElement('mark');
    m.textContent = text;
    m.dataset.diags = indexes.join(' ');
    let worst = 'info';
    for (const k of indexes) {
      if (severityRank[diags[k].severity] > severityRank[worst]) {
        worst = diags[k].severity;
      }
    }
    m.className = 'sev-' + worst + (text === '' ? ' point' : '');
    m.title = indexes.map((k) => diags[k].message).join('\n');
    return m;
  }

  // renderHighlights shows text with every finding marked; overlapping
  // findings split the text at all their boundaries, and each piece lists
  // the findings covering it in data-diags.
  function renderHighlights(text, diags) {
    const bounds = new Set([0, text.length]);
    for (const d of diags) {
      bounds.add(d.start);
      bounds.add(d.end);
    }
    const points = [...bounds].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      diags.forEach((d, k) => {
        if (d.start === p && d.end === p) {
          frag.append(mark('', [k], diags));
        }
      });
      if (i + 1 === points.length) {
        break;
      }
      const q = points[i + 1];
      const covering = [];
      diags.forEach((d, k) => {
        if (d.start <= p && d.end >= q && d.start < d.end) {
          covering.push(k);
        }
      });
      const piece = text.slice(p, q);
      frag.append(covering.length ? mark(piece, covering, diags) : document.createTextNode(piece));
    }
    highlights.replaceChildren(frag);
  }

  function renderFindings(text, diags) {
    const items = diags.map((d, k) => {
      const li = document.createElement('li');
      li.className = 'finding sev-' + d.severity;
      li.dataset.diag = k;
      const head = document.createElement('div');
      const rule = document.createElement('span');
      rule.className = 'rule';
      rule.textContent = d.rule;
      const q = document.createElement('span');
      q.className = 'flagged';
      q.textContent = text.slice(d.start, d.end);
      const conf = document.createElement('span');
      conf.className = 'confidence';
      conf.textContent = `${d.severity}, ${Math.round(d.confidence * 100)}% sure`;
      head.append(rule, ' ', q, ' ', conf);
      const msg = document.createElement('div');
      msg.className = 'message';
      msg.textContent = d.message;
      li.append(head, msg);
      d.fixes.forEach((f, j) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'fix' + (f.safe ? ' safe' : '');
        b.dataset.diag = k;
        b.dataset.fix = j;
        b.textContent = 'Fix: ' + f.message;
        li.append(b);
      });
      return li;
    });
    findings.replaceChildren(...items);
  }

  function render(text, report) {
    scoreEl.textContent = `Score ${report.score.toFixed(1)} · ${report.words} words · penalty ${report.penalty.toFixed(2)} per 1,000 words`;
    scoreEl.className = report.score >= 95 ? 'good' : report.score >= 70 ? 'fair' : 'poor';
    renderHighlights(text, report.diagnostics);
    renderFindings(text, report.diagnostics);
    fixSafeButton.disabled = !report.diagnostics.some((d) => d.fixes.length && d.fixes[0].safe);
  }

  // Replacing the whole value loses the textarea's undo history in some
  // browsers; a CMS plugin would apply the edits through its editor's API.
  function replaceText(text) {
    textarea.value = text;
    runCheck();
  }

  findings.addEventListener('click', (e) => {
    const b = e.target.closest('button.fix');
    if (b) {
      if (textarea.value !== demo.lastText) {
        runCheck(); // offsets are stale: check again first
        return;
      }
      const fix = demo.lastReport.diagnostics[b.dataset.diag].fixes[b.dataset.fix];
      replaceText(MTCheckClient.applyFix(demo.lastText, fix));
      return;
    }
    const li = e.target.closest('li.finding');
    if (li && textarea.value === demo.lastText) {
      const d = demo.lastReport.diagnostics[li.dataset.diag];
      textarea.focus();
      textarea.setSelectionRange(d.start, d.end); // UTF-16 offsets, as JavaScript counts
    }
  });

  highlights.addEventListener('click', (e) => {
    const m = e.target.closest('mark');
    if (m) {
      const li = findings.querySelector(`li[data-diag="${m.dataset.diags.split(' ')[0]}"]`);
      if (li) {
        li.scrollIntoView({block: 'nearest'});
        li.classList.add('flash');
        setTimeout(() => li.classList.remove('flash'), 600);
      }
    }
  });

  fixSafeButton.addEventListener('click', async () => {
    if (textarea.value !== demo.lastText) {
      runCheck();
      return;
    }
    try {
      const res = await client.applyFixes(demo.lastText, demo.lastReport.diagnostics, {safeOnly: true});
      if (textarea.value === demo.lastText) {
        replaceText(res.text);
      }
    } catch (e) {
      setStatus(e.message, true);
    }
  });

  textarea.addEventListener('input', scheduleCheck);
  $('#check').addEventListener('click', runCheck);

  setStatus('loading mtcheck…');
  client.ready.then((info) => {
    demo.ready = true;
    demo.info = info;
    demo.timings.readyMs = info.readyMs;
    demo.timings.loadMs = info.loadMs;
    $('#variant').textContent = `${info.variant} build, ${info.rules.filter((r) => r.default).length} rules`;
    setStatus(`ready in ${info.readyMs.toFixed(0)} ms`);
    client.warm.then((w) => {
      demo.timings.warmMs = w.ms;
      demo.timings.warmSinceCreatedMs = w.sinceCreatedMs;
    });
    if (textarea.value) {
      runCheck();
    }
  }, (e) => {
    demo.error = e.message;
    setStatus(e.message, true);
  });
})();
