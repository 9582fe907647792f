// Maandcijfers: GET /api/cijfers as JSON, drawn with uPlot; the same range as CSV behind the link.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const SIGNALEN = [
    ['thuiszitters', 'Thuiszitters', '#b3261e'],
    ['thuiszitters_langer_dan_3_maanden', 'Thuiszitters > 3 mnd', '#7d1a14'],
    ['absoluut_verzuimers', 'Absoluut verzuimers', '#1f6feb'],
    ['zorg_en_verzuim', 'Zorg en verzuim (match)', '#2e7d32'],
    ['zorg_niet_toegewezen', 'Zorg niet toegewezen', '#ef6c00'],
    ['zorg_gestopt_bij_verzuim', 'Zorg gestopt bij verzuim', '#6a1b9a'],
  ];
  const STROOM = [
    ['geopend', 'Geopend', '#1f6feb'],
    ['opgelost', 'Opgelost', '#2e7d32'],
    ['nog_open', 'Nog open', '#b3261e'],
  ];
  let antwoord = null;
  const grafieken = [];

  function maand(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  }
  function query() {
    return 'van=' + encodeURIComponent($('van').value) + '&tot=' + encodeURIComponent($('tot').value)
      + '&niveau=' + encodeURIComponent($('niveau').value);
  }
  // "<5" and missing values are gaps in a chart, never a made-up number
  function getal(v) {
    return typeof v === 'number' ? v : null;
  }
  function toon(v) {
    return v == null ? '' : String(v);
  }

  async function laden() {
    $('fout').hidden = true;
    $('csv').href = '/api/cijfers?' + query();
    const r = await fetch('/api/cijfers?' + query(), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (r.status === 401) {
      window.location.href = '/login';
      return;
    }
    if (!r.ok) {
      let tekst = r.statusText;
      try { const b = await r.json(); tekst = b.fout || b.message || b.error || tekst; } catch (e) { /* no JSON body */ }
      $('fout').textContent = 'Kon de cijfers niet laden: ' + tekst;
      $('fout').hidden = false;
      return;
    }
    antwoord = await r.json();
    const codes = [...new Set(antwoord.rijen.map((rij) => rij.code))];
    const gekozen = $('code').value;
    $('code').replaceChildren(...codes.map((c) => {
      const naam = antwoord.rijen.find((rij) => rij.code === c).naam;
      const o = document.createElement('option');
      o.value = c;
      o.textContent = (c || 'onbekend') + (naam ? ' — ' + naam : '');
      return o;
    }));
    if (codes.includes(gekozen)) $('code').value = gekozen;
    tekenen();
  }

  function tekenen() {
    grafieken.forEach((g) => g.destroy());
    grafieken.length = 0;
    const rijen = antwoord ? antwoord.rijen.filter((rij) => rij.code === $('code').value) : [];
    const x = rijen.map((rij) => Date.UTC(+rij.maand.slice(0, 4), +rij.maand.slice(5, 7) - 1, 15) / 1000);
    grafieken.push(grafiek($('grafiek-signalen'), SIGNALEN, x, rijen));
    grafieken.push(grafiek($('grafiek-stroom'), STROOM, x, rijen));
    tabel(rijen);
  }

  function grafiek(doel, reeksen, x, rijen) {
    const data = [x].concat(reeksen.map(([k]) => rijen.map((rij) => getal(rij.cijfers[k]))));
    return new uPlot({
      width: Math.max(320, doel.clientWidth || 800),
      height: 220,
      scales: { x: { time: true } },
      series: [{ label: 'Maand', value: (u, v) => (v == null ? '—' : maand(new Date(v * 1000))) }].concat(
        reeksen.map(([, label, kleur]) => ({ label, stroke: kleur, width: 2, points: { show: true }, spanGaps: false }))),
      axes: [{ values: (u, vals) => vals.map((v) => maand(new Date(v * 1000))) }, {}],
    }, data, doel);
  }

  function tabel(rijen) {
    const kolommen = antwoord ? antwoord.kolommen : [];
    const kop = document.createElement('tr');
    ['maand'].concat(kolommen).forEach((k) => {
      const th = document.createElement('th');
      th.textContent = k.replace(/_/g, ' ');
      kop.appendChild(th);
    });
    $('tabel').tHead.replaceChildren(kop);
    $('tabel').tBodies[0].replaceChildren(...rijen.map((rij) => {
      const tr = document.createElement('tr');
      [rij.maand].concat(kolommen.map((k) => toon(rij.cijfers[k]))).forEach((v) => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  const nu = new Date();
  $('tot').value = maand(nu);
  $('van').value = maand(new Date(nu.getFullYear(), nu.getMonth() - 11, 1));
  $('bereik').addEventListener('submit', (e) => { e.preventDefault(); laden(); });
  $('niveau').addEventListener('change', laden);
  $('code').addEventListener('change', tekenen);
  laden();
}());
