/* Kindplan-hub dashboard: reads the hub's JSON API and shows it; no build step, no framework. */
(function () {
  'use strict';

  const SIGNALEN = ['THUISZITTER', 'ABSOLUUT_VERZUIM', 'ZORG_NIET_TOEGEWEZEN', 'ZORG_GESTOPT_BIJ_VERZUIM', 'MATCH'];
  const SIGNAAL_NAAM = {
    THUISZITTER: 'Thuiszitter',
    ABSOLUUT_VERZUIM: 'Absoluut verzuim',
    ZORG_NIET_TOEGEWEZEN: 'Zorg niet toegewezen',
    ZORG_GESTOPT_BIJ_VERZUIM: 'Zorg gestopt bij verzuim',
    MATCH: 'Match'
  };
  const SIGNAAL_KLEUR = {
    THUISZITTER: '#7b4fa0',
    ABSOLUUT_VERZUIM: '#b5472f',
    ZORG_NIET_TOEGEWEZEN: '#c48a1c',
    ZORG_GESTOPT_BIJ_VERZUIM: '#3f8f6b',
    MATCH: '#2f6f8f'
  };
  const STATUS_NAAM = {
    SUCCEEDED: 'geslaagd', FAILED: 'mislukt', RUNNING: 'bezig',
    GESLAAGD: 'geslaagd', ONVOLLEDIG: 'onvolledig', MISLUKT: 'mislukt', BEZIG: 'bezig',
    UP: 'gezond', DOWN: 'storing', UNKNOWN: 'onbekend', OUT_OF_SERVICE: 'buiten dienst',
    Started: 'actief', Stopped: 'gestopt', Suspended: 'gepauzeerd', Starting: 'start', Stopping: 'stopt',
    TAKEN_IN: 'ingelezen', REJECTED: 'afgekeurd', DUPLICATE: 'dubbel'
  };
  const FASE = {
    FETCHING: 'bronnen ophalen', TAKING_IN: 'bestanden inlezen', EVALUATING: 'signalen beoordelen',
    DELIVERING: 'zaakberichten versturen'
  };
  const AANLEIDING = { SCHEDULE: 'schema', API: 'API', RUN_ONCE: 'eenmalig', DASHBOARD: 'dashboard' };
  // the colour of a run's state, in the table, the detail and the chart (as in dashboard.css)
  const TOESTAND_KLEUR = { GESLAAGD: '#3f8f6b', ONVOLLEDIG: '#c48a1c', MISLUKT: '#b5472f', BEZIG: '#2f6f8f' };
  const GEBEURTENIS = { OPENED: 'geopend', UPDATED: 'bijgewerkt', RESOLVED: 'opgelost' };
  const BRON = { VERZUIM: 'Verzuim', INSCHRIJVINGEN: 'Inschrijvingen', IJW: 'iJw', EDEXML: 'EDEXML' };
  const BERICHT_STATUS = { SENT: 'verzonden', PENDING: 'wachtend', DEAD: 'dead-letter' };
  const ROUTE_NAAM = {
    'nightly-run': 'Nachtelijke run',
    'nightly-schedule': 'Schema van de nachtelijke run',
    'fetch-http-sources': 'HTTP-bronnen ophalen',
    'fetch-http-source': 'Eén HTTP-bron ophalen (met herhalingen)',
    'ingest-verzuim': 'Inlezen verzuimmeldingen',
    'ingest-inschrijvingen': 'Inlezen in- en uitschrijvingen',
    'ingest-ijw': 'Inlezen iJw-berichten',
    'ingest-edexml': 'Inlezen EDEXML',
    'deliver-outbox': 'Zaakberichten versturen (outbox)',
    'deliver-webhook': 'Zaakbericht naar webhook',
    'dead-letter': 'Naar de dead-letter queue'
  };

  const getal = new Intl.NumberFormat('nl-NL');
  const datumFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric' });
  // moments in the hub's zone, with the zone shown (CET/CEST), whatever the browser's zone
  const ZONE = 'Europe/Amsterdam';
  const tijdstipFmt = new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: ZONE,
    timeZoneName: 'short'
  });
  const uurFmt = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE, timeZoneName: 'short' });
  // a night's reference date is a date, no moment: the chart places it at noon UTC and labels it so
  const peildagFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const peildagJaarFmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

  const $ = (id) => document.getElementById(id);
  const state = { runs: [], grafieken: [], perNaam: {}, volgt: null, nieuweRunId: null };
  // the charts, for the browser test to read what they show: in order, and by name
  // ('records', 'duur', 'signalen.<SIGNAL>', 'open.<SIGNAL>')
  window.kindplanGrafieken = state.grafieken;
  window.kindplanGrafiek = state.perNaam;

  // ---------- helpers ----------

  function el(tag, attrs, ...kinderen) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') e.className = v;
      else if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v === true ? '' : v);
    });
    kinderen.flat().forEach((k) => {
      if (k === null || k === undefined) return;
      e.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    });
    return e;
  }

  const g = (n) => (n === null || n === undefined ? '—' : getal.format(n));
  const td = (tekst, klasse) => el('td', { class: klasse }, tekst);
  const tdGetal = (n) => el('td', { class: 'getal' }, g(n));
  const statusLabel = (s) => el('span', { class: 'status ' + s }, STATUS_NAAM[s] || s || '—');
  // geslaagd, onvolledig (with its reasons as the tooltip) or mislukt
  const toestandLabel = (r) => el('span', { class: 'status ' + r.toestand, title: (r.redenen || []).join('\n') || null },
    STATUS_NAAM[r.toestand] || r.toestand || '—');
  const aanleiding = (r) => (AANLEIDING[r.trigger] || r.trigger) + (r.gestartDoor ? ' · ' + r.gestartDoor : '');

  function lokaleTijd(s) {
    // LocalDateTime from the hub (no zone): the hub's local time
    if (!s) return null;
    return new Date(s.replace(/(\.\d{3})\d+/, '$1'));
  }
  function datum(s) {
    if (!s) return '—';
    const [j, m, d] = s.split('-').map(Number);
    return datumFmt.format(new Date(j, m - 1, d));
  }
  function tijdstip(s) {
    const d = lokaleTijd(s);
    return d ? tijdstipFmt.format(d) : '—';
  }
  function duur(ms) {
    if (ms === null || ms === undefined) return '—';
    if (ms < 1000) return ms + ' ms';
    const s = Math.round(ms / 100) / 10;
    if (s < 60) return s.toLocaleString('nl-NL') + ' s';
    const m = Math.floor(s / 60);
    return m + ' min ' + Math.round(s - m * 60) + ' s';
  }
  function cookie(naam) {
    const m = document.cookie.match('(?:^|; )' + naam.replace(/[.$?*|{}()[\]\\/+^]/g, '\\$&') + '=([^;]*)');
    return m ? decodeURIComponent(m[1]) : null;
  }
  function leeg(tbody, kolommen, tekst) {
    tbody.replaceChildren(el('tr', {}, el('td', { class: 'leeg', colspan: kolommen }, tekst)));
  }

  async function api(pad, opties) {
    const o = Object.assign({ credentials: 'same-origin' }, opties || {});
    // X-Requested-With: an expired session answers 401 (back to the login form), not a Basic prompt
    o.headers = Object.assign({ Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, o.headers || {});
    if (o.method && o.method !== 'GET') {
      const token = cookie('XSRF-TOKEN');
      if (token) o.headers['X-XSRF-TOKEN'] = token;
    }
    const r = await fetch(pad, o);
    if (r.status === 401 || (r.redirected && new URL(r.url).pathname.startsWith('/login'))) {
      window.location.href = '/login';
      throw new Error('niet ingelogd');
    }
    return r;
  }
  async function json(pad) {
    const r = await api(pad);
    if (!r.ok) throw new Error(pad + ': ' + r.status);
    return r.json();
  }
  async function foutTekst(r) {
    try {
      const b = await r.json();
      return b.fout || b.error || b.message || r.statusText;
    } catch (e) {
      return r.statusText || String(r.status);
    }
  }

  let meldingTimer = null;
  // soort: false (goed), true (fout, red) or 'let-op' (amber: a run refused, a night onvolledig)
  function meld(tekst, fout) {
    const m = $('melding');
    m.textContent = tekst;
    m.className = 'melding' + (fout === 'let-op' ? ' let-op' : fout ? ' fout' : '');
    m.hidden = false;
    clearTimeout(meldingTimer);
    meldingTimer = setTimeout(() => { m.hidden = true; }, fout ? 15000 : 8000);
  }

  // ---------- health ----------

  const ONDERDEEL = { database: 'Database', broker: 'Broker', camel: 'Camel' };
  const VERBORGEN_DETAILS = new Set(['name', 'validationQuery']);

  async function laadGezondheid() {
    const h = await json('/api/dashboard/gezondheid');
    const rijen = [];
    Object.keys(ONDERDEEL).forEach((naam) => {
      const deel = h[naam] || { status: 'UNKNOWN', details: {} };
      const details = Object.entries(deel.details || {}).filter(([k]) => !VERBORGEN_DETAILS.has(k))
        .map(([k, v]) => k + ': ' + v).join(', ');
      const pil = document.querySelector('#gezondheid .pil[data-onderdeel="' + naam + '"]');
      pil.className = 'pil ' + deel.status;
      pil.title = (STATUS_NAAM[deel.status] || deel.status) + (details ? ' — ' + details : '');
      pil.dataset.status = deel.status;
      rijen.push(el('tr', { 'data-onderdeel': naam }, td(ONDERDEEL[naam]), el('td', {}, statusLabel(deel.status)),
        td(details || '—', 'reden')));
    });
    document.querySelector('#gezondheid-tabel tbody').replaceChildren(...rijen);
  }

  // ---------- runs ----------

  async function laadRuns() {
    state.runs = await json('/api/dashboard/runs?max=' + ($('bereik').value || 30));
    toonLaatsteRun();
    toonRunsTabel();
    tekenGrafieken();
  }

  function toonLaatsteRun() {
    const klaar = state.runs.filter((r) => r.status !== 'RUNNING');
    const r = klaar[klaar.length - 1];
    if (!r) {
      $('lr-titel').textContent = 'Nog geen run';
      return;
    }
    $('lr-titel').replaceChildren(el('span', {}, 'Run ' + r.runId + ' '), toestandLabel(r));
    $('lr-sub').textContent = 'peildatum ' + datum(r.asOf) + ' · ' + tijdstip(r.startedAt) + ' · ' + duur(r.duurMs);
    $('lr-redenen').replaceChildren(...(r.toestand === 'GESLAAGD' ? [] : (r.redenen || []).map((t) => el('li', {}, t))));
    $('lr-ingelezen').textContent = g(r.ingelezen);
    $('lr-afgekeurd').textContent = g(r.afgekeurd);
    $('lr-afgekeurd-sub').textContent = r.afgekeurdeBestanden ? g(r.afgekeurdeBestanden) + ' bestand(en) geheel' : 'regels';
    $('lr-gebeurtenissen').textContent = g(r.gebeurtenissenTotaal);
    $('laatste-run').dataset.runId = r.runId;
  }

  function toonRunsTabel() {
    const tbody = document.querySelector('#runs tbody');
    if (!state.runs.length) {
      leeg(tbody, 15, 'Nog geen runs. Start er een met ‘Nu draaien’.');
      return;
    }
    const rijen = state.runs.slice(-30).reverse().map((r) => {
      const berichten = Object.values(r.berichten || {}).reduce((a, b) => a + b, 0);
      const rij = el('tr', { 'data-run-id': r.runId, title: 'Details van run ' + r.runId, onclick: () => openRun(r.runId) },
        td('#' + r.runId), td(datum(r.asOf)), td(tijdstip(r.startedAt)), td(aanleiding(r)),
        el('td', {}, toestandLabel(r)), el('td', { class: 'getal' }, duur(r.duurMs)),
        tdGetal(r.bestanden), tdGetal(r.ingelezen), tdGetal(r.afgekeurd),
        ...SIGNALEN.map((s) => tdGetal(r.gebeurtenissen[s])), tdGetal(berichten));
      if (r.runId === state.nieuweRunId) rij.classList.add('nieuw');
      rij.dataset.toestand = r.toestand;
      return rij;
    });
    tbody.replaceChildren(...rijen);
  }

  // ---------- chart ----------

  // the x axis is the nights' reference dates (asOf), one point per run
  function peildagX(asOf) {
    const [j, m, d] = asOf.split('-').map(Number);
    return Date.UTC(j, m - 1, d, 12) / 1000;
  }
  function asWaarden(u, splits) {
    const fmt = u.scales.x.max - u.scales.x.min > 200 * 86400 ? peildagJaarFmt : peildagFmt;
    return splits.map((v) => fmt.format(new Date(v * 1000)));
  }

  // a little room left and right of the runs, and half a day either side of a single run
  // (uPlot widens a single point's range by years on its own)
  function xBereik(x) {
    const min = Math.min(...x);
    const max = Math.max(...x);
    const rand = max - min < 1 ? 43200 : (max - min) * 0.04;
    return () => [min - rand, max + rand];
  }

  // a mark per run along the foot of the plot in the colour of its state: geslaagd, onvolledig, mislukt
  function toestandMarkering(runs) {
    return (u) => {
      const ctx = u.ctx;
      const h = Math.round(5 * devicePixelRatio);
      const w = Math.round(10 * devicePixelRatio);
      ctx.save();
      runs.forEach((r, i) => {
        const x = u.valToPos(u.data[0][i], 'x', true);
        ctx.fillStyle = TOESTAND_KLEUR[r.toestand] || '#8a939b';
        ctx.fillRect(Math.round(x - w / 2), u.bbox.top + u.bbox.height - h, w, h);
      });
      ctx.restore();
    };
  }

  function vanafNul(u, min, max) {
    return [0, Math.max(1, max || 0) * 1.15];
  }

  function grafiek(doel, titel, series, data, assen, runs, hoogte) {
    const breedte = Math.max(300, doel.clientWidth || doel.parentElement.clientWidth - 32);
    return new uPlot({
      title: titel,
      width: breedte,
      height: hoogte || 170,
      cursor: { drag: { x: false, y: false } },
      // a panel of one series has its name as title: no legend under it
      legend: { live: false, show: !hoogte },
      // counts from zero, at least to 1, so that a single rejected row or one event shows
      scales: { x: { time: true, range: xBereik(data[0]) }, a: { range: vanafNul }, n: { range: vanafNul } },
      series: [{ label: 'Peildatum', value: (u, v) => (v == null ? '—' : peildagJaarFmt.format(new Date(v * 1000))) }]
        .concat(series),
      axes: [{ values: asWaarden, space: 70, incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 91 * 86400],
        stroke: '#66707a', grid: { stroke: '#eef0f1' } }].concat(assen),
      hooks: runs ? { draw: [toestandMarkering(runs)] } : {},
    }, data, doel);
  }

  function tekenGrafieken() {
    state.grafieken.forEach((c) => c.destroy());
    state.grafieken.length = 0;
    Object.keys(state.perNaam).forEach((k) => delete state.perNaam[k]);
    const doelen = ['grafiek-records', 'grafiek-signalen', 'grafiek-duur', 'grafiek-open'].map($);
    // by night: sorted by reference date (a night replayed later sits at its own date), then by run
    const runs = state.runs.filter((r) => r.status !== 'RUNNING')
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.runId - b.runId));
    window.kindplanGrafiekRuns = runs.map((r) => r.runId);
    doelen.forEach((d) => d.replaceChildren());
    if (!runs.length) {
      doelen[0].replaceChildren(el('p', { class: 'stil' }, 'Nog geen runs om te tonen.'));
      return;
    }
    const x = runs.map((r) => peildagX(r.asOf));
    const getalAs = (scale, side, label, kleur) => ({
      scale, side, label, stroke: kleur || '#66707a', grid: { show: side === 3, stroke: '#eef0f1' }, size: 56,
      values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? getal.format(v) : ''))
    });
    const punt = (kleur) => ({ stroke: kleur, width: 2, points: { show: true, size: 6, fill: kleur } });
    const staaf = (kleur, kant) => ({ stroke: kleur, fill: kleur, width: 1, points: { show: false },
      paths: uPlot.paths.bars({ size: [0.3, 14], align: kant }) });
    // small counts beside large ones: rejected rows and files on their own axis (right), records left
    const bewaar = (naam, chart) => { state.grafieken.push(chart); state.perNaam[naam] = chart; };
    // small counts beside large ones: rejected rows and files on their own axis (right), records left
    bewaar('records', grafiek(doelen[0], 'Ingelezen (links) en afgekeurd (rechts) per nacht', [
      Object.assign({ label: 'Ingelezen', scale: 'n', value: (u, v) => g(v) }, punt('#2f6f8f')),
      // the small counts as bars side by side on their own axis: they never lie on the records' line
      Object.assign({ label: 'Afgekeurde regels', scale: 'a', value: (u, v) => g(v) }, staaf('#b5472f', -1)),
      Object.assign({ label: 'Afgekeurde of niet opgepakte bestanden', scale: 'a', value: (u, v) => g(v) },
        staaf('#c48a1c', 1))
    ], [x, runs.map((r) => r.ingelezen), runs.map((r) => r.afgekeurd),
      runs.map((r) => r.afgekeurdeBestanden + (r.nietOpgepakt || 0))],
    [getalAs('n', 3, 'records'), getalAs('a', 1, 'afgekeurd', '#b5472f')], runs));
    // one small panel per signal, each on its own scale: series never lie on top of each other (a
    // signal with no events is a flat line in its own panel, not hidden under another), and one
    // Match is as legible as a hundred Thuiszitters
    const panelen = (doel, naam, titel, waarde, as) => {
      const raster = el('div', { class: 'panelen' });
      doel.replaceChildren(el('h3', { class: 'panelen-titel' }, titel), raster);
      SIGNALEN.forEach((sig) => {
        const waarden = runs.map((r) => waarde(r, sig));
        const totaal = waarden.reduce((a, b) => a + (b || 0), 0);
        const vak = el('div', { class: 'paneel', 'data-signaal': sig });
        raster.append(vak);
        bewaar(naam + '.' + sig, grafiek(vak, SIGNAAL_NAAM[sig] + (totaal ? '' : ' — steeds 0'), [
          Object.assign({ label: SIGNAAL_NAAM[sig], scale: 'n', value: (u, v) => (v == null ? '—' : g(v)) },
            punt(SIGNAAL_KLEUR[sig]))
        ], [x, waarden], [getalAs('n', 3, as)], null, 130));
      });
    };
    panelen(doelen[1], 'signalen', 'Gebeurtenissen per signaal per nacht (elk signaal op zijn eigen schaal)', (r, sig) => r.gebeurtenissen[sig] || 0, 'gebeurtenissen');
    bewaar('duur', grafiek(doelen[2], 'Duur per nacht', [
      Object.assign({ label: 'Duur (s)', scale: 's', value: (u, v) => (v == null ? '—' : v + ' s') }, punt('#8a939b'))
    ], [x, runs.map((r) => (r.duurMs == null ? null : Math.round(r.duurMs / 100) / 10))],
    [Object.assign(getalAs('s', 3, 'seconden'), { values: (u, splits) => splits.map((v) => getal.format(v)) })]));
    // open cases per signal after each night; a night from before the hub recorded them is a gap
    panelen(doelen[3], 'open', 'Open zaken per signaal na elke nacht (elk signaal op zijn eigen schaal)', (r, sig) => (r.openZaken && Object.keys(r.openZaken).length
      ? (r.openZaken[sig] || 0) : null), 'open zaken');
  }

  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(tekenGrafieken, 200);
  });

  // ---------- run detail ----------

  function tabel(koppen, rijen, getalKolommen) {
    const getallen = new Set(getalKolommen || []);
    return el('table', { class: 'tabel' },
      el('thead', {}, el('tr', {}, koppen.map((k, i) => el('th', { class: getallen.has(i) ? 'getal' : null }, k)))),
      el('tbody', {}, rijen.length ? rijen.map((rij) => el('tr', {}, rij.map((c, i) =>
        c instanceof Node ? el('td', {}, c) : el('td', { class: getallen.has(i) ? 'getal' : null },
          typeof c === 'number' ? g(c) : (c === null || c === undefined ? '—' : c)))))
        : el('tr', {}, el('td', { class: 'leeg', colspan: koppen.length }, 'geen'))));
  }

  // what the run record tells per source, where it has it: refusals with file, line and reason; problems
  function runBronnen(ruw) {
    const bronnen = ruw.sources || [];
    const weigeringen = bronnen.flatMap((b) => (b.refusals || []).map((r) => [BRON[b.source] || b.source, r.file,
      r.line == null ? 'heel bestand' : r.line, r.reason]));
    const problemen = bronnen.flatMap((b) => (b.problems || []).map((p) => [BRON[b.source] || b.source, p]));
    const delen = [];
    if (weigeringen.length) {
      delen.push(el('h3', {}, 'Afgekeurd in deze run'),
        tabel(['Bron', 'Bestand', 'Regel', 'Reden'], weigeringen, [2]));
    }
    if (problemen.length) {
      delen.push(el('h3', {}, 'Problemen'), tabel(['Bron', 'Probleem'], problemen));
    }
    return delen;
  }

  async function openRun(runId) {
    const [detail, ruw] = await Promise.all([json('/api/dashboard/runs/' + runId), json('/api/runs/' + runId)]);
    const r = detail.run;
    $('rd-titel').replaceChildren(el('span', {}, 'Run ' + r.runId + ' '), toestandLabel(r));
    const berichten = Object.entries(r.berichten || {});
    $('rd-inhoud').replaceChildren(
      el('dl', { class: 'gegevens' },
        el('dt', {}, 'Peildatum'), el('dd', {}, datum(r.asOf)),
        el('dt', {}, 'Aanleiding'), el('dd', {}, AANLEIDING[r.trigger] || r.trigger),
        el('dt', {}, 'Gestart door'), el('dd', {}, r.gestartDoor || (r.trigger === 'SCHEDULE' ? 'het schema' : r.trigger === 'RUN_ONCE' ? 'run-once (cron)' : '—')),
        el('dt', {}, 'Gestart'), el('dd', {}, tijdstip(r.startedAt)),
        el('dt', {}, 'Klaar'), el('dd', {}, tijdstip(r.finishedAt)),
        el('dt', {}, 'Duur'), el('dd', {}, duur(r.duurMs)),
        el('dt', {}, 'Kinderen beoordeeld'), el('dd', {}, g(r.kinderen)),
        ruw.phase ? [el('dt', {}, 'Fase'), el('dd', {}, FASE[ruw.phase] || ruw.phase)] : null,
        ruw.complete === true ? [el('dt', {}, 'Volledig'), el('dd', {}, 'ja: elke bron bereikt, elk bestand ingelezen')] : null,
        r.toestand !== 'GESLAAGD' && (r.redenen || []).length ? [el('dt', {}, r.toestand === 'MISLUKT' ? 'Mislukt' : 'Onvolledig'),
          el('dd', {}, el('ul', { class: 'redenen', id: 'rd-redenen' }, r.redenen.map((t) => el('li', {}, t))))] : null,
        r.fout ? [el('dt', {}, 'Fout'), el('dd', {}, r.fout)] : null),
      el('h3', {}, 'Per bron'),
      tabel(['Bron', 'Bestanden', 'Ingelezen', 'Afgekeurde regels', 'Dubbel', 'Afgekeurde bestanden'],
        detail.perBron.map((b) => [BRON[b.bron] || b.bron, b.bestanden, b.ingelezen, b.afgekeurd, b.dubbel,
          b.afgekeurdeBestanden]), [1, 2, 3, 4, 5]),
      el('h3', {}, 'Gebeurtenissen per signaal'),
      tabel(['Signaal', 'Geopend', 'Bijgewerkt', 'Opgelost'],
        detail.perSignaal.map((s) => [SIGNAAL_NAAM[s.signaal] || s.signaal, s.geopend, s.bijgewerkt, s.opgelost]),
        [1, 2, 3]),
      el('h3', {}, 'Zaakberichten'),
      tabel(['Status', 'Aantal'], berichten.map(([k, v]) => [BERICHT_STATUS[k] || k, v]), [1]),
      ...runBronnen(ruw),
      el('h3', {}, 'Bestanden'),
      bestandenFilter(runId, detail.perBron.map((b) => b.bron)),
      el('div', { id: 'rd-bestanden' }));
    toonRunBestanden({ totaal: detail.bestandenTotaal, pagina: 1, perPagina: detail.bestanden.length || 50,
      bestanden: detail.bestanden });
    const d = $('run-detail');
    if (!d.open) d.showModal();
  }

  // the run's files, filtered and a page at a time: a night can have a thousand
  function bestandenFilter(runId, bronnen) {
    const bron = el('select', { id: 'rd-bron', 'aria-label': 'Bron' }, el('option', { value: '' }, 'alle bronnen'),
      bronnen.map((b) => el('option', { value: b }, BRON[b] || b)));
    const status = el('select', { id: 'rd-status', 'aria-label': 'Status' }, el('option', { value: '' }, 'elke status'),
      ['TAKEN_IN', 'REJECTED', 'DUPLICATE'].map((st) => el('option', { value: st }, STATUS_NAAM[st])));
    const zoek = el('input', { id: 'rd-zoek', type: 'search', placeholder: 'naam bevat…', 'aria-label': 'Zoek op naam' });
    let timer = null;
    const laad = (pagina) => laadRunBestanden(runId, pagina).catch((e) => meld(e.message, true));
    bron.addEventListener('change', () => laad(1));
    status.addEventListener('change', () => laad(1));
    zoek.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => laad(1), 300); });
    state.runBestanden = laad;
    return el('div', { class: 'filter' }, bron, status, zoek);
  }

  async function laadRunBestanden(runId, pagina) {
    const q = new URLSearchParams({ pagina: String(pagina) });
    [['bron', 'rd-bron'], ['status', 'rd-status'], ['zoek', 'rd-zoek']].forEach(([k, id]) => {
      if ($(id).value) q.set(k, $(id).value.trim());
    });
    toonRunBestanden(await json('/api/dashboard/runs/' + runId + '/bestanden?' + q));
  }

  function toonRunBestanden(p) {
    const van = p.totaal ? (p.pagina - 1) * p.perPagina + 1 : 0;
    const tot = (p.pagina - 1) * p.perPagina + p.bestanden.length;
    const vorige = el('button', { type: 'button', class: 'knop klein', disabled: p.pagina <= 1,
      onclick: () => state.runBestanden(p.pagina - 1) }, '‹ Vorige');
    const volgende = el('button', { type: 'button', class: 'knop klein', disabled: tot >= p.totaal,
      onclick: () => state.runBestanden(p.pagina + 1) }, 'Volgende ›');
    $('rd-bestanden').replaceChildren(
      tabel(['Bron', 'Bestand', 'Status', 'Regels', 'Ingelezen', 'Afgekeurd', 'Reden'],
        p.bestanden.map((b) => [BRON[b.bron] || b.bron, b.bestand, statusLabel(b.status), b.regels, b.ingelezen,
          b.afgekeurd, b.reden]), [3, 4, 5]),
      el('div', { class: 'pager', id: 'rd-pager' }, vorige,
        el('span', { class: 'stil' }, g(van) + '–' + g(tot) + ' van ' + g(p.totaal)), volgende));
  }

  // ---------- cases ----------

  async function laadZaken() {
    const z = await json('/api/dashboard/zaken');
    $('zaken-open').textContent = g(z.open);
    $('thuiszitters').textContent = g(z.thuiszittersLangerDanDrieMaanden);
    $('thuiszitters-sub').textContent = z.peildatum ? 'op peildatum ' + datum(z.peildatum) : '';
    document.querySelector('#zaken-signaal tbody').replaceChildren(...z.perSignaal.map((s) =>
      el('tr', {}, td(SIGNAAL_NAAM[s.signaal] || s.signaal), tdGetal(s.open), tdGetal(s.perErnst.ESCALATIE || 0))));
    const swv = document.querySelector('#zaken-swv tbody');
    if (!z.perSwv.length) {
      leeg(swv, 7, 'Geen open zaken.');
    } else {
      swv.replaceChildren(...z.perSwv.map((s) => el('tr', {},
        el('td', {}, s.code ? [el('strong', {}, s.code), s.naam ? ' ' + s.naam : ''] : el('span', { class: 'stil' }, 'zonder samenwerkingsverband')),
        tdGetal(s.open), ...SIGNALEN.map((sig) => tdGetal(s.perSignaal[sig] || 0)))));
    }
  }

  // ---------- dead-letter queue ----------

  async function laadDlq() {
    const d = await json('/api/dlq');
    $('dlq-aantal').textContent = '— ' + g(d.aantal) + ' bericht' + (d.aantal === 1 ? '' : 'en');
    const tbody = document.querySelector('#dlq tbody');
    if (!d.berichten.length) {
      leeg(tbody, 6, 'Leeg: alle zaakberichten zijn afgeleverd.');
      return;
    }
    tbody.replaceChildren(...d.berichten.map((m) => el('tr', { 'data-id': m.id },
      td(m.tijdstip ? tijdstip(m.tijdstip) : '—'),
      td((SIGNAAL_NAAM[m.signal] || m.signal || '—') + ', ' + (GEBEURTENIS[m.event] || m.event || '')),
      td(m.kind || '—'),
      el('td', {}, m.ontvanger ? (m.ontvangerType + ' ' + m.ontvanger) : '—',
        el('div', { class: 'stil klein' }, m.kanaal ? m.kanaal.toLowerCase() + ': ' + m.bestemming : '')),
      td(m.reden || '—', 'reden'),
      el('td', {}, el('button', {
        type: 'button', class: 'knop klein', disabled: !m.outboxId,
        title: m.outboxId ? 'Opnieuw naar de oorspronkelijke bestemming' : 'Bestemming onbekend',
        onclick: (e) => opnieuw(m.id, e.currentTarget)
      }, 'Opnieuw versturen')))));
  }

  async function opnieuw(id, knop) {
    knop.disabled = true;
    knop.textContent = 'Bezig…';
    try {
      const r = await api('/api/dlq/' + encodeURIComponent(id) + '/opnieuw', { method: 'POST' });
      if (r.ok) {
        const b = await r.json();
        if (b.uitkomst === 'VERZONDEN') meld('Bericht opnieuw verstuurd naar ' + b.bestemming + '.');
        else meld('Opnieuw versturen naar ' + b.bestemming + ' mislukte weer: ' + (b.reden || '') +
          '. Het bericht staat weer in de dead-letter queue.', true);
      } else if (r.status === 403) {
        meld('Alleen een operator mag berichten opnieuw versturen.', true);
      } else {
        meld('Opnieuw versturen lukte niet: ' + await foutTekst(r), true);
      }
    } finally {
      await laadDlq().catch(() => {});
    }
  }

  // ---------- queues and files no route takes ----------

  const DAG = 86400;
  function leeftijd(sec) {
    if (sec == null) return '—';
    if (sec < 120) return sec + ' s';
    if (sec < 7200) return Math.round(sec / 60) + ' min';
    if (sec < 2 * DAG) return Math.round(sec / 3600) + ' uur';
    return Math.floor(sec / DAG) + ' dagen';
  }

  async function laadWachtrijen() {
    const w = await json('/api/dashboard/wachtrijen');
    $('wachtrijen-bron').textContent = '— ' + (w.bron === 'EMBEDDED' ? 'ingebouwde broker' : 'externe broker (JMS)');
    const tbody = document.querySelector('#wachtrijen tbody');
    if (w.fout) { leeg(tbody, 4, w.fout); return; }
    if (!w.wachtrijen.length) { leeg(tbody, 4, 'Nog geen kindplan-wachtrijen op de broker.'); return; }
    tbody.replaceChildren(...w.wachtrijen.map((q) => {
      // a recipient that has not collected its messages for three days or more stands out
      const oud = q.oudsteLeeftijdSeconden != null && q.oudsteLeeftijdSeconden >= 3 * DAG;
      return el('tr', { 'data-queue': q.wachtrij, class: oud ? 'oud' : null },
        td(q.wachtrij), el('td', { class: 'getal' }, g(q.diepte) + (q.geteld ? '' : '+')),
        el('td', { class: 'getal' }, q.consumenten == null ? 'onbekend' : g(q.consumenten)),
        td(q.oudsteBericht ? tijdstip(q.oudsteBericht) + ' (' + leeftijd(q.oudsteLeeftijdSeconden) + ')' : 'leeg'));
    }));
  }

  async function laadNietOpgepakt() {
    const inboxen = await json('/api/dashboard/niet-opgepakt');
    const rijen = inboxen.flatMap((i) => i.bestanden.map((b) => el('tr', {},
      td(BRON[i.bron] || i.bron), td(b), el('td', {}, el('code', {}, i.patroon)))));
    const tbody = document.querySelector('#niet-opgepakt tbody');
    if (!rijen.length) leeg(tbody, 3, 'Geen: elk bestand in de inboxen wordt opgepakt.');
    else tbody.replaceChildren(...rijen);
  }

  // ---------- rejections ----------

  async function laadAfkeur() {
    const a = await json('/api/dashboard/afkeur');
    $('afkeur-aantal').textContent = '— ' + g(a.bestandenAfgekeurd) + ' bestand(en) geheel afgekeurd, ' +
      g(a.regelsAfgekeurd) + ' regel(s) afgekeurd';
    const b = document.querySelector('#afkeur-bestanden tbody');
    if (!a.bestanden.length) leeg(b, 5, 'Geen afgekeurde bestanden.');
    else b.replaceChildren(...a.bestanden.map((f) => el('tr', {},
      td(tijdstip(f.ontvangen)), td(BRON[f.bron] || f.bron),
      el('td', {}, f.bestand, f.status === 'REJECTED' ? [' ', statusLabel('REJECTED')] : null),
      el('td', { class: 'getal' }, f.status === 'REJECTED' ? 'geheel' : g(f.afgekeurd) + ' / ' + g(f.regels)),
      td(f.reden || (f.status === 'REJECTED' ? '—' : 'zie regels'), 'reden'))));
    const rg = document.querySelector('#afkeur-regels tbody');
    if (!a.regels.length) leeg(rg, 3, 'Geen afgekeurde regels.');
    else rg.replaceChildren(...a.regels.map((r) => el('tr', {},
      td(r.bestand), tdGetal(r.regel), td(r.reden, 'reden'))));
    $('conflicten-aantal').textContent = '— ' + g(a.identiteitsconflicten);
    const ic = document.querySelector('#identiteitsconflicten tbody');
    if (!a.conflicten.length) leeg(ic, 5, 'Geen identiteitsconflicten.');
    else ic.replaceChildren(...a.conflicten.map((c) => el('tr', {},
      td(tijdstip(c.gevonden)), td(BRON[c.bron] || c.bron), td(c.bestand), tdGetal(c.regel), td(c.reden, 'reden'))));
  }

  // ---------- routes ----------

  async function laadRoutes() {
    const [routes, acties] = await Promise.all([json('/api/dashboard/routes'), json('/api/dashboard/routes/acties')]);
    const operator = $('gebruiker').dataset.rol === 'OPERATOR';
    document.querySelector('#routes tbody').replaceChildren(...routes.map((r) => el('tr', { title: r.beschrijving || '', 'data-route': r.routeId },
      el('td', {}, ROUTE_NAAM[r.routeId] || r.routeId, el('div', { class: 'stil klein' }, r.routeId)),
      el('td', {}, statusLabel(r.status)), el('td', {}, statusLabel(r.gezondheid)),
      tdGetal(r.voltooid), tdGetal(r.mislukt), tdGetal(r.bezig),
      td(r.laatsteActiviteit ? tijdstip(r.laatsteActiviteit) : '—'),
      el('td', { class: 'getal' }, r.gemiddeldeMs == null ? '—' : duur(r.gemiddeldeMs)),
      el('td', { class: 'reden' }, r.laatsteFout ? [tijdstip(r.laatsteFoutOp) + ': ', r.laatsteFout] : '—'),
      el('td', {}, operator ? el('button', {
        type: 'button', class: 'knop klein',
        onclick: (e) => routeActie(r.routeId, r.status === 'Started' ? 'stoppen' : 'starten', e.currentTarget)
      }, r.status === 'Started' ? 'Stoppen' : 'Starten') : null))));
    const tbody = document.querySelector('#route-acties tbody');
    if (!acties.length) leeg(tbody, 5, 'Nog geen route gestopt of gestart.');
    else tbody.replaceChildren(...acties.map((a) => el('tr', {}, td(tijdstip(a.tijdstip)), td(a.routeId),
      td(a.actie === 'STOP' ? 'gestopt' : 'gestart'), td(a.door), td(STATUS_NAAM[a.uitkomst] || a.uitkomst || '—'))));
    toonSamenvatting(routes);
  }

  // at the top: how many routes run, which are stopped or failing (with their last error), the next night
  function toonSamenvatting(routes) {
    const gestopt = routes.filter((r) => r.status !== 'Started');
    const falend = routes.filter((r) => r.status === 'Started' && (r.gezondheid === 'DOWN' || r.laatsteFout));
    $('sv-routes').replaceChildren(el('strong', {}, 'Routes: '),
      (routes.length - gestopt.length) + ' actief · ', el('span', { class: gestopt.length ? 'let-op-tekst' : null },
        gestopt.length + ' gestopt'), ' · ', el('span', { class: falend.length ? 'fout-tekst' : null },
        falend.length + ' met fouten'));
    $('sv-problemen').replaceChildren(...gestopt.map((r) => el('li', {}, (ROUTE_NAAM[r.routeId] || r.routeId) + ': gestopt')),
      ...falend.map((r) => el('li', {}, (ROUTE_NAAM[r.routeId] || r.routeId) + ': ' +
        (r.laatsteFout ? r.laatsteFout + ' (' + tijdstip(r.laatsteFoutOp) + ')' : 'ongezond'))));
  }

  async function routeActie(routeId, actie, knop) {
    knop.disabled = true;
    try {
      const r = await api('/api/dashboard/routes/' + encodeURIComponent(routeId) + '/' + actie, { method: 'POST' });
      if (r.ok) meld('Route ' + (ROUTE_NAAM[routeId] || routeId) + ' is ' + (actie === 'stoppen' ? 'gestopt.' : 'gestart.'),
        actie === 'stoppen' ? 'let-op' : false);
      else if (r.status === 403) meld('Alleen een operator mag routes stoppen en starten.', true);
      else meld('De route kon niet worden ' + (actie === 'stoppen' ? 'gestopt' : 'gestart') + ': ' + await foutTekst(r), true);
    } finally {
      await laadRoutes().catch(() => {});
    }
  }

  // ---------- run now and progress ----------

  function toonVoortgang(runId, gestart, run) {
    $('voortgang').hidden = false;
    $('voortgang').setAttribute('aria-busy', 'true');
    $('voortgang').dataset.runId = runId;
    $('voortgang-titel').textContent = 'Run ' + runId + ' is bezig…';
    // the phase and the per-source counts, where the hub tells them while a run is in progress
    const delen = [];
    if (run && run.phase) delen.push('fase: ' + (FASE[run.phase] || run.phase.toLowerCase()));
    const ingelezen = Object.entries((run && run.counts) || {})
      .filter(([k]) => /^source\.[^.]+\.takenIn$/.test(k)).reduce((a, [, v]) => a + v, 0);
    if (ingelezen) delen.push(g(ingelezen) + ' records ingelezen');
    $('voortgang-fase').textContent = delen.join(' · ');
    const sec = gestart ? Math.max(0, Math.round((Date.now() - gestart.getTime()) / 1000)) : null;
    $('voortgang-tijd').textContent = sec === null ? '' : '(' + sec + ' s)';
    $('nu-draaien').disabled = true;
  }

  function verbergVoortgang() {
    $('voortgang').hidden = true;
    $('voortgang').removeAttribute('aria-busy');
    $('nu-draaien').disabled = $('gebruiker').dataset.rol === 'VIEWER';
  }

  async function volg(runId) {
    if (state.volgt === runId) return;
    state.volgt = runId;
    const begin = Date.now();
    let run = null;
    toonVoortgang(runId, null, null);
    try {
      for (;;) {
        run = await json('/api/runs/' + runId);
        if (run.status !== 'RUNNING') break;
        toonVoortgang(runId, lokaleTijd(run.startedAt), run);
        await new Promise((ok) => setTimeout(ok, 700));
      }
      // let the indicator be seen, even for a run of a moment
      const over = 800 - (Date.now() - begin);
      if (over > 0) await new Promise((ok) => setTimeout(ok, over));
    } finally {
      state.volgt = null;
      verbergVoortgang();
    }
    state.nieuweRunId = runId;
    const rij = (await json('/api/dashboard/runs/' + runId)).run;
    if (rij.toestand === 'GESLAAGD') meld('Run ' + runId + ' is klaar: geslaagd.');
    else if (rij.toestand === 'ONVOLLEDIG') meld('Run ' + runId + ' is klaar maar onvolledig: ' + rij.redenen.join('; '), 'let-op');
    else meld('Run ' + runId + ' is mislukt: ' + (rij.fout || 'onbekende fout'), true);
    await vernieuw();
  }

  async function nuDraaien() {
    const knop = $('nu-draaien');
    knop.disabled = true;
    try {
      const r = await api('/api/runs?via=dashboard', { method: 'POST' });
      if (r.status === 202) {
        const b = await r.json();
        volg(b.runId);
        return;
      }
      if (r.status === 409) {
        meld('Niet gestart: er loopt al een run. Deze wordt hieronder gevolgd.', 'let-op');
        await kijkStatus();
      } else if (r.status === 403) {
        meld('Alleen een operator mag een run starten.', true);
      } else {
        meld('De run kon niet starten: ' + await foutTekst(r), true);
      }
    } catch (e) {
      meld('De run kon niet starten: ' + e.message, true);
    }
    if (!state.volgt) knop.disabled = false;
  }

  async function kijkStatus() {
    const s = await json('/api/dashboard/status');
    $('sv-volgende').textContent = s.volgendeNacht ? 'volgende nacht: ' + tijdstip(s.volgendeNacht)
      : 'geen volgende nacht gepland (schema gestopt)';
    if (s.bezig && s.runId && state.volgt !== s.runId) volg(s.runId);
  }

  // ---------- child record (the only place with a full BSN and name) ----------

  async function openKind(ev) {
    ev.preventDefault();
    const nr = $('kind-nummer').value.trim();
    if (!/^[0-9]{9}$/.test(nr)) {
      meld('Een BSN of onderwijsnummer heeft 9 cijfers.', true);
      return;
    }
    const r = await api('/api/kinderen/' + nr);
    if (r.status === 404) {
      meld('Geen kind bekend met dit nummer.', true);
      return;
    }
    if (r.status === 403) {
      meld('Alleen een operator mag het dossier van een kind openen.', true);
      return;
    }
    if (!r.ok) {
      meld('Het dossier kon niet worden geopend: ' + await foutTekst(r), true);
      return;
    }
    const d = await r.json();
    const k = d.kind;
    const naam = [k.voornamen, k.voorvoegsel, k.achternaam].filter(Boolean).join(' ') || '—';
    $('kd-inhoud').replaceChildren(
      el('dl', { class: 'gegevens' },
        el('dt', {}, 'Naam'), el('dd', {}, naam),
        el('dt', {}, 'BSN'), el('dd', {}, k.bsn || '—'),
        el('dt', {}, 'Onderwijsnummer'), el('dd', {}, k.onderwijsnummer || '—'),
        el('dt', {}, 'Geboortedatum'), el('dd', {}, datum(k.geboortedatum))),
      el('h3', {}, 'Tijdlijn'),
      tabel(['Datum', 'Wat', 'Waar vandaan', 'Nacht'], (d.tijdlijn || []).map((m) => [
        datum(m.datum), m.wat, m.herkomst ? bestandRegel(m.herkomst) : 'beoordeling van de hub', nacht(m.nacht)])),
      el('h3', {}, 'Zaken'),
      tabel(['Signaal', 'Samenwerkingsverband', 'Ernst', 'Sinds', 'Open', 'Gebeurtenissen en gronden'],
        (d.casussen || []).map((c) => [
          c.signaalNaam || SIGNAAL_NAAM[c.signal] || c.signal, swvNaam(c.samenwerkingsverband), c.severity,
          datum(c.since), c.open ? 'open' : 'gesloten ' + datum(c.closedAsOf),
          el('ul', { class: 'gronden' }, (c.events || []).map((e) => el('li', {},
            (GEBEURTENIS[e.event] || e.event) + ' in de ' + nacht({ runId: e.runId, asOf: e.asOf }),
            (e.gronden || []).length ? el('div', { class: 'stil klein' }, 'gronden: ' + e.gronden.map((gr) =>
              (GROND[gr.soort] || gr.soort.toLowerCase()) + ' ' + (gr.id || '') +
              (gr.herkomst ? ' uit ' + herkomst(gr.herkomst) : '')).join('; ')) : null)))])),
      el('h3', {}, 'Inschrijvingen'),
      tabel(['School', 'Samenwerkingsverband', 'Begin', 'Einde', 'Reden', 'Herkomst'], (d.inschrijvingen || []).map((i) => [
        i.brin + (i.vestiging || ''), swvNaam(i.samenwerkingsverband),
        datum(i.begindatum), datum(i.einddatum), i.reden, herkomst(i.herkomst)])),
      el('h3', {}, 'Vrijstellingen'),
      tabel(['Vrijstelling', 'Gemeente', 'Begin', 'Einde', 'Herkomst'], (d.vrijstellingen || []).map((v) => [
        v.vrijstelling, v.gemeentecode, datum(v.begindatum), datum(v.einddatum), herkomst(v.herkomst)])),
      el('h3', {}, 'Verzuimmeldingen'),
      tabel(['Melding', 'Soort', 'Status', 'Begin', 'Einde', 'Herkomst'], (d.meldingen || []).map((m) => [
        m.meldingsnummer, m.verzuimsoort, m.status, datum(m.begindatum), datum(m.einddatum),
        herkomst(((m.versies || [])[(m.versies || []).length - 1] || {}).herkomst)])),
      el('h3', {}, 'Jeugdhulp'),
      tabel(['Bericht', 'Dagtekening', 'Productcategorie', 'Begin', 'Einde', 'Herkomst'], (d.jeugdhulp || []).map((j) => [
        j.bericht, datum(j.dagtekening), j.productcategorie, datum(j.begindatum || j.ingangsdatum), datum(j.einddatum),
        herkomst(j.herkomst)])));
    $('kind-detail').showModal();
  }

  const GROND = { MELDING: 'melding', REGISTRATIE: 'registratie', JEUGDHULP: 'iJw-bericht' };

  // a samenwerkingsverband: its code and, where the SWV table knows it, its name
  function swvNaam(s) {
    return s ? s.code + (s.naam ? ' · ' + s.naam : '') : '—';
  }

  // the night that took a fact in (or judged a case): its run and reference date
  function nacht(n) {
    return n ? 'nacht van ' + datum(n.asOf) + ' (run ' + n.runId + ')' : 'nog geen nacht';
  }

  function bestandRegel(h) {
    return h && h.bestand ? h.bestand + (h.regel ? ':' + h.regel : '') : '—';
  }

  // where a fact came from: file, line and the night that took it in
  function herkomst(h) {
    if (!h || !h.bestand) return '—';
    return bestandRegel(h) + ', ' + nacht(h.nacht);
  }

  // ---------- refresh ----------

  async function vernieuw() {
    const delen = [laadGezondheid, laadRuns, laadZaken, laadDlq, laadAfkeur, laadRoutes, laadWachtrijen, laadNietOpgepakt];
    const uitkomst = await Promise.allSettled(delen.map((f) => f()));
    const mislukt = uitkomst.filter((u) => u.status === 'rejected');
    $('bijgewerkt').textContent = 'bijgewerkt ' + uurFmt.format(new Date()) +
      (mislukt.length ? ' · ' + mislukt.length + ' onderdeel(en) niet geladen' : '');
    document.body.dataset.geladen = 'ja';
  }

  // ---------- who is signed in ----------

  const ROL = { OPERATOR: 'operator', VIEWER: 'kijker' };
  async function laadGebruiker() {
    const ik = await json('/api/dashboard/ik');
    $('gebruiker').replaceChildren(el('strong', {}, ik.naam), ' · ' + (ROL[ik.rol] || ik.rol));
    $('gebruiker').dataset.rol = ik.rol;
    // only an operator starts a run; a viewer sees why not
    if (ik.rol !== 'OPERATOR') {
      $('nu-draaien').disabled = true;
      $('nu-draaien').title = 'Alleen een operator mag een run starten';
    }
  }
  $('afmelden').addEventListener('submit', () => { $('afmelden-csrf').value = cookie('XSRF-TOKEN') || ''; });

  // the sticky header never covers what is scrolled to: the page keeps clear as much as the header
  // is high now (it grows when the progress bar or a message shows, or when the window narrows)
  const boven = document.querySelector('.boven');
  const houVrij = () => {
    document.documentElement.style.scrollPaddingTop = (boven.offsetHeight + 8) + 'px';
  };
  new ResizeObserver(houVrij).observe(boven);
  houVrij();

  $('nu-draaien').addEventListener('click', nuDraaien);
  $('bereik').addEventListener('change', () => {
    laadRuns().then(() => { document.body.dataset.bereik = $('bereik').value; }).catch(() => {});
  });
  $('kind-zoeken').addEventListener('submit', openKind);
  $('kind-detail').addEventListener('close', () => { $('kd-inhoud').replaceChildren(); $('kind-nummer').value = ''; });

  // who is signed in first: the route buttons are for operators only
  laadGebruiker().catch(() => {}).then(vernieuw).then(kijkStatus).catch(() => {});
  setInterval(() => { kijkStatus().catch(() => {}); }, 5000);
  setInterval(() => { if (!state.volgt) vernieuw().catch(() => {}); }, 30000);
})();
