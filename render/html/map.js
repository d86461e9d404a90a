// The interactive map of render.HTML: it draws the network held in the page's
// JSON block (#map-data) as SVG and lets the reader pan, zoom, search, filter
// by kind and by day, and read each actor's details. No library, no request:
// everything it needs is in the page.
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('map-data').textContent);
  var svg = document.getElementById('map');
  var NS = svg.namespaceURI; // the SVG namespace, without writing its URL
  var gLinks = document.getElementById('links');
  var gNodes = document.getElementById('nodes');
  var gLabels = document.getElementById('labels');
  var A = D.actors, L = D.links;
  var RED = '#D00000';

  // The view: a world point p is drawn at p·k + t. Zooming moves the actors
  // apart or together but keeps their size and the size of the labels.
  var view = { k: 1, tx: 0, ty: 0 };
  var moved = false; // the reader has panned or zoomed since the last fit

  // What is shown.
  var state = {
    kind: {}, // actor kind → shown
    linkKind: {}, // link kind → shown
    day: null, // a day (days since 1970-01-01), or null for all dates
    query: '',
    matches: [], // indices of the actors the search finds
    selected: -1, // the actor whose panel is pinned
    hover: -1
  };

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var a in attrs) e.setAttribute(a, attrs[a]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function h(tag, text, parent, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  // ---- Time -------------------------------------------------------------
  // A link is shown on day D when it is in force on D, by labournet's one
  // rule of time (network.Link.PhaseOn): dates decide where they exist, the
  // status only where they are silent. render.HTML turns that rule into
  // three fields per link, days counted from 1970-01-01:
  //   first  the first day its start covers ("2012-09" → 1 September 2012),
  //          absent when the start is open;
  //   last   the last day its end covers ("2014" → 31 December 2014),
  //          absent when the end is open;
  //   never  set for a link in force on no day: planned without a start,
  //          or ended without an end.
  // so that on day D:  !never && (first absent || first <= D) && (last absent || D <= last).
  // With "all dates" every link is shown, styled by its status.
  function inForce(l, day) {
    if (day === null) return true;
    if (l.never) return false;
    if (l.first !== undefined && day < l.first) return false;
    if (l.last !== undefined && day > l.last) return false;
    return true;
  }
  function isoDay(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  // ---- Search -----------------------------------------------------------
  // fold makes text comparable without case and accents: "Liberecký" and
  // "liberecky" fold alike, so do "Łódź" and "lodz".
  var EXTRA = { 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'þ': 'th', 'ħ': 'h' };
  function fold(s) {
    return String(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[łđðøßæœıþħ]/g, function (c) { return EXTRA[c]; });
  }
  A.forEach(function (a) { a.key = fold(a.label) + '\u0000' + fold(a.id); });

  // ---- Drawing ----------------------------------------------------------
  var kindOf = {};
  D.kinds.forEach(function (k) { kindOf[k.kind] = k; });

  // One arrowhead per colour, and a red one for bridges.
  var markers = {};
  function marker(color) {
    if (markers[color]) return markers[color];
    var id = 'arrow-' + Object.keys(markers).length;
    var m = el('marker', { id: id, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '9', markerHeight: '9', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, document.getElementById('markers'));
    el('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }, m);
    markers[color] = 'url(#' + id + ')';
    return markers[color];
  }
  marker(RED);

  // shape draws an actor's shape around (0, 0), as render.SVG does.
  function shape(parent, kind, r, cls) {
    var st = kindOf[kind] || { shape: 'ellipse', fill: '#E0E0E0' };
    var attrs = { 'class': cls || 'shape', fill: st.fill, stroke: '#333333', 'stroke-width': '1' };
    var pts = null;
    switch (st.shape) {
      case 'box':
        attrs.x = -r; attrs.y = -r * 0.75; attrs.width = 2 * r; attrs.height = 1.5 * r; attrs.rx = 2;
        return el('rect', attrs, parent);
      case 'diamond':
        pts = [[0, -r], [r, 0], [0, r], [-r, 0]];
        break;
      case 'hexagon':
        pts = [];
        for (var i = 0; i < 6; i++) pts.push([r * Math.cos(Math.PI / 3 * i), r * Math.sin(Math.PI / 3 * i)]);
        break;
      case 'triangle':
        pts = [[0, -r], [r, r * 0.8], [-r, r * 0.8]];
        break;
    }
    if (pts) {
      attrs.points = pts.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' ');
      return el('polygon', attrs, parent);
    }
    attrs.r = r;
    return el('circle', attrs, parent);
  }

  // Nodes.
  var nodeEl = A.map(function (a, i) {
    var g = el('g', { 'class': 'node', 'data-id': a.id, 'data-kind': a.kind, tabindex: '0', role: 'button', 'aria-label': a.label + ' (' + a.kind + ')' }, gNodes);
    if (a.mark) g.classList.add('mark');
    el('circle', { 'class': 'halo', r: a.r + 6 }, g);
    shape(g, a.kind, a.r);
    if (a.aggregate) el('circle', { 'class': 'ring', r: a.r + 3, fill: 'none', stroke: '#333333', 'stroke-width': '1', 'stroke-dasharray': '2 2' }, g);
    g.addEventListener('pointerenter', function () { hover(i); });
    g.addEventListener('pointerleave', function () { hover(-1); });
    g.addEventListener('click', function (ev) { ev.stopPropagation(); select(i, false); });
    g.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(i, true); }
    });
    return g;
  });

  // Labels, in their own layer above every node.
  var labelEl = A.map(function (a) {
    var t = el('text', { 'class': 'label', 'data-id': a.id }, gLabels);
    t.textContent = a.label.length > 42 ? a.label.slice(0, 41).trim() + '…' : a.label;
    return t;
  });

  // Links: parallel links between the same two actors bow apart.
  var pairSeen = {}, pairCount = {};
  L.forEach(function (l) {
    var key = Math.min(l.from, l.to) + ':' + Math.max(l.from, l.to);
    pairCount[key] = (pairCount[key] || 0) + 1;
  });
  var linkEl = L.map(function (l) {
    var key = Math.min(l.from, l.to) + ':' + Math.max(l.from, l.to);
    var k = pairSeen[key] = (pairSeen[key] || 0) + 1;
    l.bend = (k - 1 - (pairCount[key] - 1) / 2) * 14 * (l.from <= l.to ? 1 : -1);
    var attrs = { 'class': 'link', 'data-kind': l.kind, fill: 'none', stroke: l.color, 'stroke-width': l.width };
    if (l.dash === 'dashed') attrs['stroke-dasharray'] = '6 4';
    if (l.dash === 'dotted') attrs['stroke-dasharray'] = '2 3';
    if (l.arrow) attrs['marker-end'] = marker(l.color);
    var p = el('path', attrs, gLinks);
    if (l.bridge) p.classList.add('bridge');
    var tip = el('title', {}, p);
    tip.textContent = A[l.from].label + ' – ' + A[l.to].label + ': ' + l.kind + (l.money ? ' (' + l.money + ')' : '') + (l.label ? ', ' + l.label : '');
    return p;
  });

  // ---- View ---------------------------------------------------------------
  // size is the part of the map the reader sees: the panel covers its right.
  function size() {
    var r = svg.getBoundingClientRect(), w = r.width;
    var panel = document.getElementById('panel');
    if (!panel.hidden) w -= panel.getBoundingClientRect().width;
    return { w: Math.max(w, 1), h: Math.max(r.height, 1) };
  }
  function sx(a) { return a.x * view.k + view.tx; }
  function sy(a) { return a.y * view.k + view.ty; }

  // fit shows every actor, with room around for labels.
  function fit() {
    var s = size(), padX = 140, padY = 40;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    A.forEach(function (a) {
      x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x);
      y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y);
    });
    if (!A.length) { x0 = y0 = 0; x1 = D.width; y1 = D.height; }
    var bw = Math.max(x1 - x0, 1), bh = Math.max(y1 - y0, 1);
    view.k = Math.min((s.w - 2 * padX) / bw, (s.h - 2 * padY) / bh);
    if (!(view.k > 0) || !isFinite(view.k) || A.length < 2) view.k = Math.min(s.w / D.width, s.h / D.height, 1) || 1;
    view.tx = s.w / 2 - (x0 + x1) / 2 * view.k;
    view.ty = s.h / 2 - (y0 + y1) / 2 * view.k;
    moved = false;
    draw();
  }

  function zoomAt(f, cx, cy) {
    var k = Math.min(Math.max(view.k * f, 0.02), 200);
    f = k / view.k;
    view.tx = cx - (cx - view.tx) * f;
    view.ty = cy - (cy - view.ty) * f;
    view.k = k;
    moved = true;
    draw();
    labelsSoon();
  }

  // centre puts the middle of the given actors in the middle of the view.
  function centre(idx) {
    if (!idx.length) return;
    var x = 0, y = 0;
    idx.forEach(function (i) { x += A[i].x; y += A[i].y; });
    x /= idx.length; y /= idx.length;
    var s = size();
    view.tx = s.w / 2 - x * view.k;
    view.ty = s.h / 2 - y * view.k;
    moved = true;
    draw();
  }

  // draw moves every element to the current view.
  function draw() {
    A.forEach(function (a, i) {
      nodeEl[i].setAttribute('transform', 'translate(' + sx(a).toFixed(1) + ',' + sy(a).toFixed(1) + ')');
    });
    L.forEach(function (l, i) {
      var a = A[l.from], b = A[l.to];
      var x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
      var dx = x2 - x1, dy = y2 - y1, d = Math.hypot(dx, dy);
      if (d < 1e-6) { linkEl[i].setAttribute('d', ''); return; }
      var ux = dx / d, uy = dy / d;
      // The control point of a bowed link, off the middle of the line.
      var cx = (x1 + x2) / 2 - uy * l.bend, cy = (y1 + y2) / 2 + ux * l.bend;
      // Stop at the node borders so that arrowheads show.
      var s1 = unit(cx - x1, cy - y1), s2 = unit(x2 - cx, y2 - cy);
      var ax = x1 + s1[0] * a.r, ay = y1 + s1[1] * a.r;
      var bx = x2 - s2[0] * (b.r + 1), by = y2 - s2[1] * (b.r + 1);
      linkEl[i].setAttribute('d', l.bend
        ? 'M' + ax.toFixed(1) + ' ' + ay.toFixed(1) + ' Q' + cx.toFixed(1) + ' ' + cy.toFixed(1) + ' ' + bx.toFixed(1) + ' ' + by.toFixed(1)
        : 'M' + ax.toFixed(1) + ' ' + ay.toFixed(1) + ' L' + bx.toFixed(1) + ' ' + by.toFixed(1));
    });
    A.forEach(function (a, i) {
      var t = labelEl[i];
      t.setAttribute('x', (sx(a) + (t.dx0 || 0)).toFixed(1));
      t.setAttribute('y', (sy(a) + (t.dy0 || 0)).toFixed(1));
    });
  }
  function unit(x, y) {
    var d = Math.hypot(x, y) || 1;
    return [x / d, y / d];
  }

  // ---- Labels -------------------------------------------------------------
  // Labels go where they overlap no node and no other label: right, left,
  // below or above their actor, the most important actors first (found by
  // the search, central, linked to most); a label that finds no free place
  // waits until the reader zooms in. At most D.maxLabels are shown.
  var order = A.map(function (a, i) { return i; });
  var degreeAll = A.map(function () { return 0; });
  L.forEach(function (l) { degreeAll[l.from]++; degreeAll[l.to]++; });
  order.sort(function (i, j) {
    return (A[j].central || 0) - (A[i].central || 0) || degreeAll[j] - degreeAll[i] || (A[i].id < A[j].id ? -1 : A[i].id > A[j].id ? 1 : 0);
  });
  var textW = [];
  function placeLabels() {
    var s = size(), boxes = [], LH = 14;
    var shown = A.map(function (a, i) { return visible(i); });
    var nodes = [];
    A.forEach(function (a, i) {
      if (shown[i]) nodes.push([sx(a) - a.r, sy(a) - a.r, sx(a) + a.r, sy(a) + a.r, i]);
    });
    var first = state.matches.slice();
    if (state.selected >= 0) first.unshift(state.selected);
    var done = {}, count = 0;
    first.concat(order).forEach(function (i) {
      if (done[i]) return;
      done[i] = true;
      var t = labelEl[i], a = A[i];
      var must = i === state.selected || state.matches.indexOf(i) >= 0;
      t.classList.add('off');
      if (!shown[i] || (!must && count >= D.maxLabels)) return;
      var x = sx(a), y = sy(a);
      if (x < -200 || y < -50 || x > s.w + 200 || y > s.h + 50) return;
      if (textW[i] === undefined) {
        t.classList.remove('off');
        textW[i] = t.getComputedTextLength() || a.label.length * 6.5;
        t.classList.add('off');
      }
      var w = textW[i], r = a.r;
      var cands = [
        [r + 4, 4, 'start', x + r + 2, y - LH / 2, x + r + 6 + w, y + LH / 2],
        [-r - 4, 4, 'end', x - r - 6 - w, y - LH / 2, x - r - 2, y + LH / 2],
        [0, r + 13, 'middle', x - w / 2 - 2, y + r + 1, x + w / 2 + 2, y + r + 1 + LH],
        [0, -r - 5, 'middle', x - w / 2 - 2, y - r - 1 - LH, x + w / 2 + 2, y - r - 1]
      ];
      var pick = null;
      for (var c = 0; c < cands.length && !pick; c++) {
        var b = cands[c].slice(3), free = b[0] >= 0 && b[1] >= 0 && b[2] <= s.w && b[3] <= s.h;
        for (var j = 0; j < boxes.length && free; j++) free = !overlap(b, boxes[j]);
        for (j = 0; j < nodes.length && free; j++) free = nodes[j][4] === i || !overlap(b, nodes[j]);
        if (free) pick = cands[c];
      }
      if (!pick && must) pick = cands[0];
      if (!pick) return;
      boxes.push(pick.slice(3));
      t.dx0 = pick[0]; t.dy0 = pick[1];
      t.setAttribute('text-anchor', pick[2]);
      t.setAttribute('x', (x + pick[0]).toFixed(1));
      t.setAttribute('y', (y + pick[1]).toFixed(1));
      t.classList.remove('off');
      count++;
    });
  }
  function overlap(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }
  var labelTimer = 0;
  function labelsSoon() {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 120);
  }

  // ---- Filters --------------------------------------------------------------
  function visible(i) { return state.kind[A[i].kind] !== false; }
  function linkShown(l) {
    return state.linkKind[l.kind] !== false && visible(l.from) && visible(l.to) && inForce(l, state.day);
  }

  // apply shows and hides nodes and links after a filter changed.
  function apply() {
    var n = 0;
    A.forEach(function (a, i) { nodeEl[i].classList.toggle('hidden', !visible(i)); });
    L.forEach(function (l, i) {
      var on = linkShown(l);
      linkEl[i].classList.toggle('hidden', !on);
      if (on) n++;
    });
    var lc = document.getElementById('link-count');
    lc.textContent = n + ' of ' + L.length + ' links shown' + (state.day === null ? '' : ', in force on ' + isoDay(state.day));
    lc.setAttribute('data-count', n);
    var nv = 0;
    A.forEach(function (a, i) { if (visible(i)) nv++; });
    svg.setAttribute('data-actors-shown', nv);
    svg.setAttribute('data-links-shown', n);
    placeLabels();
    if (state.selected >= 0) showPanel(state.selected);
  }

  function swatchShape(kind) {
    var s = document.createElementNS(NS, 'svg');
    s.setAttribute('width', '18'); s.setAttribute('height', '18'); s.setAttribute('aria-hidden', 'true');
    var g = el('g', { transform: 'translate(9,9)' }, s);
    shape(g, kind, 6.5);
    return s;
  }
  function swatchLine(k) {
    var s = document.createElementNS(NS, 'svg');
    s.setAttribute('width', '26'); s.setAttribute('height', '10'); s.setAttribute('aria-hidden', 'true');
    el('line', { x1: 1, y1: 5, x2: k.arrow ? 19 : 25, y2: 5, stroke: k.color, 'stroke-width': 2 }, s);
    if (k.arrow) el('path', { d: 'M18,1 L25,5 L18,9 z', fill: k.color }, s);
    return s;
  }
  function checkbox(parent, id, text, count, icon, onChange) {
    var lab = h('label', null, parent, 'check kind');
    var box = h('input', null, lab);
    box.type = 'checkbox'; box.checked = true; box.id = id; box.value = text;
    lab.appendChild(icon);
    h('span', text, lab);
    h('span', String(count), lab, 'n');
    box.addEventListener('change', function () { onChange(box.checked); });
  }
  D.kinds.forEach(function (k) {
    checkbox(document.getElementById('actor-kinds'), 'kind-' + k.kind, k.kind, k.count, swatchShape(k.kind), function (on) {
      state.kind[k.kind] = on;
      apply();
    });
  });
  D.linkKinds.forEach(function (k) {
    checkbox(document.getElementById('link-kinds'), 'link-kind-' + k.kind, k.kind, k.count, swatchLine(k), function (on) {
      state.linkKind[k.kind] = on;
      apply();
    });
  });

  // The date slider.
  var allDates = document.getElementById('all-dates');
  var slider = document.getElementById('day');
  var dayOut = document.getElementById('day-out');
  function showDay() {
    dayOut.textContent = state.day === null ? 'all dates' : isoDay(state.day);
  }
  if (D.days) {
    document.getElementById('date-controls').hidden = false;
    slider.min = D.days.min;
    slider.max = D.days.max;
    slider.value = D.days['default'] !== null ? D.days['default'] : D.days.max;
    document.getElementById('day-min').textContent = isoDay(D.days.min);
    document.getElementById('day-max').textContent = isoDay(D.days.max);
    state.day = D.days['default'];
    allDates.checked = state.day === null;
    slider.addEventListener('input', function () {
      state.day = Number(slider.value);
      allDates.checked = false;
      showDay();
      apply();
    });
    allDates.addEventListener('change', function () {
      state.day = allDates.checked ? null : Number(slider.value);
      showDay();
      apply();
    });
    showDay();
  } else {
    document.getElementById('no-dates').hidden = false;
  }

  // Bottlenecks.
  var bn = document.getElementById('bottlenecks');
  bn.checked = !!D.highlight;
  svg.classList.toggle('bn', bn.checked);
  bn.addEventListener('change', function () { svg.classList.toggle('bn', bn.checked); });

  // ---- Search ---------------------------------------------------------------
  var search = document.getElementById('search');
  var list = document.getElementById('matches');
  var matchCount = document.getElementById('match-count');
  function find() {
    var q = fold(search.value.trim());
    state.query = q;
    state.matches = [];
    if (q) A.forEach(function (a, i) { if (a.key.indexOf(q) >= 0) state.matches.push(i); });
    svg.classList.toggle('searching', q !== '');
    nodeEl.forEach(function (g) { g.classList.remove('match'); });
    state.matches.forEach(function (i) { nodeEl[i].classList.add('match'); });
    while (list.firstChild) list.removeChild(list.firstChild);
    matchCount.textContent = q ? (state.matches.length === 1 ? '1 actor found' : state.matches.length + ' actors found') : '';
    state.matches.slice(0, 50).forEach(function (i) {
      var li = h('li', null, list);
      var b = h('button', A[i].label, li);
      b.type = 'button';
      b.setAttribute('data-id', A[i].id);
      if (!visible(i)) h('span', ' (hidden)', b, 'note');
      b.addEventListener('click', function () { select(i, true); });
    });
    if (state.matches.length) centre(state.matches);
    placeLabels();
  }
  search.addEventListener('input', find);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && state.matches.length) select(state.matches[0], true);
  });

  // ---- Panel ----------------------------------------------------------------
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  function row(table, key, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
    var tr = h('tr', null, table);
    h('th', key, tr);
    h('td', Array.isArray(value) ? value.join(', ') : String(value), tr);
  }
  function fmt(v) {
    if (v === null || v === undefined) return 'undefined';
    return Number(v).toFixed(3).replace(/\.?0+$/, '') || '0';
  }
  function showPanel(i) {
    var a = A[i];
    while (body.firstChild) body.removeChild(body.firstChild);
    h('h2', a.label, body, 'name');
    h('p', a.kind + (a.id !== a.label ? ' · ' + a.id : ''), body, 'note');
    var t = h('table', null, body);
    row(t, 'kind', a.kind);
    row(t, 'level', a.level);
    row(t, 'country', a.country);
    row(t, 'region', a.region);
    if (a.aggregate) row(t, 'group of', a.count ? a.count + ' organisations' : 'organisations (number not given)');
    row(t, 'sectors', a.sectors);
    row(t, 'target groups', a.targetGroups);
    row(t, 'skills', a.skills);
    row(t, 'themes', a.themes);
    Object.keys(a.attrs || {}).sort().forEach(function (k) { row(t, k, a.attrs[k]); });

    h('h3', 'Measures' + (D.measuredOn ? ' on ' + D.measuredOn : ''), body);
    var m = h('table', null, body, 'measures');
    row(m, 'degree', a.degree + (a.degree === 1 ? ' actor linked' : ' actors linked'));
    row(m, 'betweenness', fmt(a.betweenness));
    row(m, 'cut point', a.cut ? 'yes: removing it splits the network' : 'no');
    if (a.central) row(m, 'highlighted score', fmt(a.central));

    var gaps = a.gaps || [];
    h('h3', 'Gaps', body);
    if (D.model) h('p', 'against the ' + D.model, body, 'note');
    if (!gaps.length) h('p', 'None names this actor.', body, 'note');
    else {
      var ul = h('ul', null, body, 'gaps');
      gaps.forEach(function (g) {
        var f = D.gaps[g];
        var li = h('li', null, ul);
        h('strong', f.title, li);
        h('span', ' (' + f.severity + ')', li, 'note');
        if (f.explanation) h('div', f.explanation, li, 'explain');
      });
    }

    var mine = [];
    L.forEach(function (l, k) { if (l.from === i || l.to === i) mine.push(k); });
    h('h3', 'Links (' + mine.length + ')', body);
    var ll = h('ul', null, body, 'links');
    mine.forEach(function (k) {
      var l = L[k], other = A[l.from === i ? l.to : l.from];
      var li = h('li', null, ll);
      if (!linkShown(l)) li.classList.add('dim');
      var arrow = l.arrow ? (l.from === i ? '→ ' : '← ') : '— ';
      h('strong', arrow + other.label, li);
      var bits = [l.kind];
      if (l.role) bits.push('role: ' + l.role);
      if (l.label) bits.push(l.label);
      if (l.money) bits.push(l.money);
      if (l.cadence) bits.push('meets ' + l.cadence);
      if (l.status) bits.push(l.status);
      if (l.start || l.end) bits.push((l.start || '…') + ' to ' + (l.end || '…'));
      if (l.targetGroups) bits.push('for ' + l.targetGroups.join(', '));
      if (state.day !== null && !inForce(l, state.day)) bits.push('not in force on ' + isoDay(state.day));
      h('div', bits.join(' · '), li, 'meta');
      if (l.evidence) h('div', 'Evidence: ' + l.evidence, li, 'evidence');
      Object.keys(l.attrs || {}).sort().forEach(function (key) { h('div', key + ': ' + l.attrs[key], li, 'meta'); });
    });
    panel.hidden = false;
    panel.setAttribute('data-id', a.id);
  }
  function hidePanel() {
    panel.hidden = true;
    panel.removeAttribute('data-id');
  }
  // Pointing at an actor shows its panel until the pointer leaves both the
  // actor and the panel (which may open over the actor), unless one is
  // selected: then the selection's panel stays.
  var hideTimer = 0;
  function hover(i) {
    state.hover = i;
    nodeEl.forEach(function (g, j) { g.classList.toggle('hover', j === i); });
    clearTimeout(hideTimer);
    if (state.selected >= 0) return;
    if (i >= 0) showPanel(i);
    else hideTimer = setTimeout(function () { if (state.selected < 0) hidePanel(); }, 300);
  }
  panel.addEventListener('pointerenter', function () { clearTimeout(hideTimer); });
  panel.addEventListener('pointerleave', function () { if (state.selected < 0) hover(-1); });
  function select(i, centreIt) {
    if (state.selected >= 0) nodeEl[state.selected].classList.remove('selected');
    state.selected = i;
    svg.classList.toggle('has-selection', i >= 0);
    if (i < 0) { hidePanel(); placeLabels(); return; }
    nodeEl[i].classList.add('selected');
    L.forEach(function (l, k) { linkEl[k].classList.toggle('touch', l.from === i || l.to === i); });
    showPanel(i);
    if (centreIt) centre([i]);
    placeLabels();
  }
  document.getElementById('panel-close').addEventListener('click', function () { select(-1); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') select(-1);
  });

  // ---- Pan and zoom -----------------------------------------------------------
  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0 || ev.target.closest('.node')) return;
    drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, far: false, id: ev.pointerId };
  });
  svg.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.far && Math.hypot(dx, dy) > 3) {
      drag.far = true;
      svg.setPointerCapture(drag.id);
      svg.classList.add('dragging');
    }
    if (drag.far) {
      view.tx = drag.tx + dx;
      view.ty = drag.ty + dy;
      moved = true;
      draw();
    }
  });
  function endDrag() {
    if (!drag) return;
    if (drag.far) {
      svg.classList.remove('dragging');
      labelsSoon();
    } else {
      select(-1); // a click on the background lets go of the selection
    }
    drag = null;
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect();
    var dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    zoomAt(Math.exp(-dy * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  function zoomMiddle(f) {
    var s = size();
    zoomAt(f, s.w / 2, s.h / 2);
  }
  document.getElementById('zoom-in').addEventListener('click', function () { zoomMiddle(1.4); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomMiddle(1 / 1.4); });
  document.getElementById('zoom-reset').addEventListener('click', function () { fit(); placeLabels(); });
  window.addEventListener('resize', function () {
    if (!moved) fit(); else draw();
    placeLabels();
  });

  fit();
  apply();
  svg.setAttribute('data-ready', 'true');
})();
