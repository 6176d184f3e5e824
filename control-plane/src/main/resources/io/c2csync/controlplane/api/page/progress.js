'use strict';
// The progress page: polls /api/v1/progress and /page/status, and draws them. No dependencies.
(function () {
  const REFRESH_MS = 2000;
  const HOUR_MS = 3600 * 1000;
  const CHART = { width: 640, height: 170, left: 48, bottom: 20, top: 8 };

  const byId = (id) => document.getElementById(id);
  const setText = (id, value) => { byId(id).textContent = value; };
  const orDash = (value, suffix) => (value === null || value === undefined ? '–' : value + (suffix || ''));

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((cell) => tr.appendChild(cell instanceof Node ? cell : element('td', cell)));
    return tr;
  }

  function replaceRows(id, rows, emptyText, columns) {
    const body = byId(id);
    body.replaceChildren(...(rows.length ? rows : [emptyRow(emptyText, columns)]));
  }

  function emptyRow(text, columns) {
    const td = element('td', text);
    td.colSpan = columns;
    return row([td]);
  }

  function bytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = n;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
  }

  function seconds(s) {
    if (s === null || s === undefined) return '–';
    if (s < 120) return s + ' s';
    if (s < 7200) return Math.round(s / 60) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
  }

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) throw new Error(body.errorDescription || 'HTTP ' + response.status);
    return body;
  }

  function renderHeader(p, page) {
    const badge = byId('state');
    badge.textContent = p.state;
    badge.className = 'badge ' + p.state;
    const mapping = p.directionMapping;
    setText('direction', mapping ? mapping.Source + ' → ' + mapping.Destination : 'no sync started');
    setText('info', p.info || '');
    setText('updated', time(page.observedAt));
  }

  function renderCards(p, page) {
    setText('lag', seconds(p.lagTimeSeconds));
    setText('events-applied', orDash(p.totalEventsApplied));
    setText('events-rate', (page.eventsPerSecond === null ? '–' : page.eventsPerSecond.toFixed(1)) + ' /s');
    setText('can-commit', String(p.canCommit));
    setText('can-write', orDash(p.canWrite));
    const ping = (side) => (!side ? '–' : side.pingLatencyMs < 0 ? 'failed' : side.pingLatencyMs + ' ms');
    setText('ping-source', ping(p.source));
    setText('ping-destination', ping(p.destination));
  }

  function renderCopy(p) {
    const copy = p.collectionCopy;
    if (!copy) {
      byId('copy-bar').style.width = '0%';
      setText('copy-percent', '–');
      setText('copy-bytes', 'not started');
      return;
    }
    const percent = Math.min(100, Math.floor((100 * copy.estimatedCopiedBytes) / copy.estimatedTotalBytes));
    byId('copy-bar').style.width = percent + '%';
    setText('copy-percent', percent + '%');
    setText('copy-bytes', bytes(copy.estimatedCopiedBytes) + ' of about ' + bytes(copy.estimatedTotalBytes));
  }

  function percentOf(part, whole) {
    return whole > 0 ? Math.min(100, Math.floor((100 * part) / whole)) : 100;
  }

  function bar(percent, label) {
    const cell = element('td');
    const outer = element('div', null, 'bar small');
    const fill = element('div', null, 'fill');
    fill.style.width = percent + '%';
    outer.appendChild(fill);
    cell.append(outer, element('span', label, 'bar-label'));
    return cell;
  }

  function renderNamespaces(page) {
    replaceRows('copy-namespaces', page.copyByNamespace.map((n) => {
      const tr = row([n.namespace,
        bar(percentOf(n.copiedBytes, n.estimatedBytes), bytes(n.copiedBytes) + ' of ' + bytes(n.estimatedBytes)),
        bar(percentOf(n.copiedDocuments, n.estimatedDocuments), n.copiedDocuments + ' of ' + n.estimatedDocuments)]);
      tr.dataset.namespace = n.namespace;
      return tr;
    }), 'no namespaces measured', 3);
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderChart(page) {
    const chart = byId('lag-chart');
    const now = new Date(page.observedAt).getTime();
    const points = page.lagHistory.filter((point) => point.at >= now - HOUR_MS);
    const maxLag = Math.max(10, ...points.map((point) => point.lagSeconds || 0));
    const plotWidth = CHART.width - CHART.left;
    const plotHeight = CHART.height - CHART.bottom - CHART.top;
    const x = (at) => CHART.left + ((at - (now - HOUR_MS)) / HOUR_MS) * plotWidth;
    const y = (lag) => CHART.top + plotHeight - (lag / maxLag) * plotHeight;
    let path = '';
    let drawing = false;
    points.forEach((point) => {
      if (point.lagSeconds === null) { drawing = false; return; }
      path += (drawing ? ' L' : ' M') + x(point.at).toFixed(1) + ' ' + y(point.lagSeconds).toFixed(1);
      drawing = true;
    });
    const bottom = CHART.top + plotHeight;
    chart.replaceChildren(
      svg('line', { class: 'axis', x1: CHART.left, y1: bottom, x2: CHART.width, y2: bottom }),
      svg('line', { class: 'axis', x1: CHART.left, y1: CHART.top, x2: CHART.left, y2: bottom }),
      svg('text', { x: 2, y: CHART.top + 10 }, seconds(maxLag)),
      svg('text', { x: 2, y: bottom }, '0 s'),
      svg('text', { x: CHART.left, y: CHART.height - 4 }, '−60 min'),
      svg('text', { x: CHART.width - 24, y: CHART.height - 4 }, 'now'),
      svg('path', { class: 'line', d: path.trim() }));
    chart.dataset.points = String(points.filter((point) => point.lagSeconds !== null).length);
  }

  function renderConnectors(page) {
    if (page.connectors === null) {
      replaceRows('connectors', [], 'connector status not available', 3);
      return;
    }
    replaceRows('connectors', page.connectors.map((connector) => {
      const failures = element('td');
      connector.failedTasks.forEach((task) =>
        failures.appendChild(element('div', 'task ' + task.taskId + ': ' + task.reason, 'reason')));
      return row([connector.name, element('td', connector.state, connector.state), failures]);
    }), 'no connectors', 3);
  }

  function renderVerification(p) {
    const v = p.verification;
    const side = (name, s) => row([name, s.phase, s.hashedDocumentCount + ' / ' + s.estimatedDocumentCount,
      s.scannedCollectionCount + ' / ' + s.totalCollectionCount]);
    replaceRows('verification', v ? [side('source', v.source), side('destination', v.destination)] : [],
      'no verifier report', 4);
  }

  function renderWarnings(p) {
    const list = byId('warnings');
    const warnings = p.warnings || [];
    list.replaceChildren(...(warnings.length ? warnings.map((w) => element('li', w))
      : [element('li', 'none', 'none')]));
  }

  function renderHistory(page) {
    replaceRows('history', page.history.slice().reverse().map((run) => row([
      run.procedure, run.source + ' → ' + run.destination, time(run.startedAt),
      run.finishedAt ? time(run.finishedAt) : 'running', run.durationSeconds === null ? '–' : run.durationSeconds + ' s',
    ])), 'nothing yet', 5);
  }

  async function refresh() {
    try {
      const progress = (await getJson('api/v1/progress')).progress;
      const page = await getJson('page/status');
      renderHeader(progress, page);
      renderCards(progress, page);
      renderCopy(progress);
      renderNamespaces(page);
      renderChart(page);
      renderConnectors(page);
      renderVerification(progress);
      renderWarnings(progress);
      renderHistory(page);
      byId('error').hidden = true;
    } catch (error) {
      byId('error').hidden = false;
      setText('error', 'Cannot read the progress: ' + error.message);
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
}());
