/*
 * Baromètre de l'IA dans les collectivités: draws the figures of the statistics API as SVG, each with its data
 * table. No framework and nothing fetched from elsewhere. Every value shown comes from the API, which applies the
 * statistical confidentiality rules itself: a hidden cell arrives without a value and with its reason, and is drawn
 * as such, never guessed.
 */
(function () {
  'use strict';

  var TEXTS = {
    fr: {
      skip: "Aller au contenu", home: "Observatoire de l'IA dans les collectivités", title: "Baromètre de l'IA dans les collectivités",
      filters: "Filtres", departement: "Département", allFrance: "France entière", stratum: "Strate de population",
      allStrata: "Toutes les strates", kind: "Nature de la collectivité", allKinds: "Toutes les natures", period: "Période",
      year: "Année en cours", quarter: "Trimestre en cours", month: "Mois en cours", apply: "Afficher",
      keyFigures: "Chiffres clés", adoption: "Adoption", usages: "Usages déclarés", incidents: "Incidents",
      trends: "Tendances sur douze mois", territory: "Le territoire", about: "Méthode et données",
      loading: "Chargement des statistiques…", loaded: "Statistiques à jour pour ", failed: "Les statistiques n'ont pas pu être chargées : ",
      secret: "secret", secretNote: "s : secret statistique : ", data: "Données du graphique", none: "sans objet",
      adoptionByStratum: "Adoption par strate de population", adoptionByKind: "Adoption par nature de collectivité",
      purposes: "Finalités des usages", maturity: "Maturité des usages (de l'idée à la généralisation)",
      governance: "Usages encadrés, tolérés ou non déclarés (shadow AI)", obstacles: "Obstacles rencontrés",
      incidentsBySeverity: "Incidents par gravité", incidentsTable: "Incidents par catégorie et gravité",
      trendAdoption: "Adoption, mois par mois", trendUsages: "Usages déclarés, mois par mois",
      adoptionRate: "collectivités ayant déclaré un usage", declaredUsages: "usages déclarés", declaredIncidents: "incidents déclarés",
      activeAgents: "agents actifs (au moins)", outOf: " sur ", collectivites: "collectivités", value: "Valeur",
      contributing: "Collectivités contributrices", category: "Catégorie", total: "Total", allFiltersNote: "toutes valeurs, sans le filtre de ",
      epciTable: "Adoption par intercommunalité (EPCI)", departementTable: "Adoption par département",
      chooseDepartement: "Choisissez un département pour voir ses intercommunalités et ses communes.",
      registered: "Collectivités inscrites et usages publiés", allCommunes: "Toutes les communes du département",
      name: "Nom", population: "Population", epci: "EPCI", inscrite: "Inscrite", publicUsages: "Usages publiés", yes: "oui", no: "non",
      noneRegistered: "Aucune collectivité de ce département n'est encore inscrite.", rate: "Taux", noData: "Aucune donnée pour ces filtres.",
      lang: "English", langHref: "en", noEpci: "hors EPCI (département, établissements…)", referential: "Collectivités du référentiel", opendata: "Données ouvertes (CSV, JSON, Licence Ouverte 2.0)",
      api: "API des statistiques et définitions", exports: "Exports vers les registres (Algoritmeregister, ATRS, Etalab, AI Act)",
      intro: "Ce que les collectivités déclarent, automatiquement et avec leur signature, de leurs usages de l'intelligence artificielle. "
        + "Chaque chiffre respecte le secret statistique : aucune case n'est construite sur moins de 3 collectivités, aucune "
        + "collectivité n'y pèse plus de 85 %, aucun nombre de personnes n'est publié sous 11.",
      method: "Les statistiques portent sur les déclarations vérifiées (signature Ed25519 d'une clé enregistrée). Le secret statistique "
        + "suit la pratique de l'INSEE ; une case masquée l'est aussi pour protéger une autre case (secret induit), de sorte qu'aucun "
        + "total ne la révèle."
    },
    en: {
      skip: "Skip to content", home: "Observatory of AI in French local authorities", title: "Barometer of AI in French local authorities",
      filters: "Filters", departement: "Département", allFrance: "All of France", stratum: "Population stratum",
      allStrata: "All strata", kind: "Kind of authority", allKinds: "All kinds", period: "Period",
      year: "Current year", quarter: "Current quarter", month: "Current month", apply: "Show",
      keyFigures: "Key figures", adoption: "Adoption", usages: "Declared usages", incidents: "Incidents",
      trends: "Twelve-month trends", territory: "The territory", about: "Method and data",
      loading: "Loading statistics…", loaded: "Statistics up to date for ", failed: "The statistics could not be loaded: ",
      secret: "hidden", secretNote: "s: statistical confidentiality: ", data: "Chart data", none: "not applicable",
      adoptionByStratum: "Adoption by population stratum", adoptionByKind: "Adoption by kind of authority",
      purposes: "Purposes of the usages", maturity: "Maturity of the usages (from idea to scale)",
      governance: "Sanctioned, tolerated or shadow usages", obstacles: "Obstacles met",
      incidentsBySeverity: "Incidents by severity", incidentsTable: "Incidents by category and severity",
      trendAdoption: "Adoption, month by month", trendUsages: "Declared usages, month by month",
      adoptionRate: "authorities that declared a usage", declaredUsages: "declared usages", declaredIncidents: "declared incidents",
      activeAgents: "active agents (at least)", outOf: " of ", collectivites: "authorities", value: "Value",
      contributing: "Contributing authorities", category: "Category", total: "Total", allFiltersNote: "all values, without the filter on ",
      epciTable: "Adoption by inter-municipal body (EPCI)", departementTable: "Adoption by département",
      chooseDepartement: "Choose a département to see its inter-municipal bodies and municipalities.",
      registered: "Registered authorities and published usages", allCommunes: "Every municipality of the département",
      name: "Name", population: "Population", epci: "EPCI", inscrite: "Registered", publicUsages: "Published usages", yes: "yes", no: "no",
      noneRegistered: "No authority of this département is registered yet.", rate: "Rate", noData: "No data for these filters.",
      lang: "Français", langHref: "fr", noEpci: "outside any EPCI (département, schools…)", referential: "Authorities of the referential", opendata: "Open data (CSV, JSON, Licence Ouverte 2.0)",
      api: "Statistics API and definitions", exports: "Exports to the registers (Algoritmeregister, ATRS, Etalab, AI Act)",
      intro: "What French local authorities declare, automatically and signed, about their use of artificial intelligence. Every "
        + "figure keeps statistical confidentiality: no cell rests on fewer than 3 authorities, none weighs more than 85 % of a "
        + "cell, no count of people is published below 11.",
      method: "The statistics cover verified declarations (Ed25519 signature by an enrolled key). Statistical confidentiality follows "
        + "INSEE's practice; a cell may also be hidden to protect another one (secondary suppression), so that no total gives it away."
    }
  };

  var lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  var number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR');
  var percentFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  var smallPercent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumSignificantDigits: 2 });
  /** Rates of a whole country are small: 0.04 % rather than 0 %. */
  var percent = { format: function (v) { return v > 0 && v < 0.01 ? smallPercent.format(v) : percentFormat.format(v); } };
  var SVG = 'http://www.w3.org/2000/svg';
  var definitions = null;
  var chartId = 0;

  function t(key) { return TEXTS[lang][key] || TEXTS.fr[key] || key; }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function api(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (name) {
      if (params[name] !== '' && params[name] !== undefined && params[name] !== null) { query.set(name, params[name]); }
    });
    var url = path + (query.toString() ? '?' + query : '');
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.detail || body.title || response.status); }
        return body;
      });
    });
  }

  /* ---------------------------------------------------------------- labels and values */

  function label(result, dimension, value) {
    if (value === null || value === undefined) { return t('none'); }
    var labels = (result.labels || {})[dimension] || {};
    return labels[value] ? labels[value][lang] : value;
  }

  function reasonText(reason) {
    var reasons = definitions.rules.reasons;
    return reasons[reason] ? reasons[reason][lang] : reason;
  }

  function formatValue(result, cell) {
    if (cell.suppressed) { return t('secret'); }
    return result.measure === 'adoption' ? percent.format(cell.value) : number.format(cell.value);
  }

  function definitionOf(result) { return result.definition[lang]; }

  /* ---------------------------------------------------------------- figures */

  function figure(title, result, body, rows) {
    var id = 'fig-' + (++chartId);
    var reasons = {};
    rows.forEach(function (row) { if (row.cell && row.cell.suppressed) { reasons[row.cell.reason] = true; } });
    var children = [el('figcaption', { id: id }, [el('h3', {}, [title]), el('p', {}, [definitionOf(result)])]), body];
    Object.keys(reasons).forEach(function (reason) {
      children.push(el('p', { 'class': 'secret-note' }, [t('secretNote') + reasonText(reason)]));
    });
    children.push(dataTable(title, result, rows));
    var node = el('figure', { 'aria-labelledby': id }, children);
    if (body.setAttribute) { body.setAttribute('aria-labelledby', id); }
    return node;
  }

  function dataTable(title, result, rows) {
    var head = el('tr', {}, [el('th', { scope: 'col' }, [t('category')]), el('th', { scope: 'col' }, [t('value')]),
      el('th', { scope: 'col' }, [t('contributing')])]);
    var body = rows.map(function (row) {
      var cell = row.cell;
      var value = cell ? formatValue(result, cell) : formatValue(result, { value: 0 });
      var secret = cell && cell.suppressed;
      return el('tr', {}, [el('th', { scope: 'row' }, [row.label]),
        el('td', { 'class': secret ? 'num secret' : 'num' }, [secret ? t('secret') + ' (' + reasonText(cell.reason) + ')' : value]),
        el('td', { 'class': 'num' }, [cell && !cell.suppressed ? number.format(cell.collectivites) : (secret ? '' : '0')])]);
    });
    var table = el('table', {}, [el('caption', {}, [title]), el('thead', {}, [head]), el('tbody', {}, body)]);
    return el('details', {}, [el('summary', {}, [t('data')]), el('div', { 'class': 'table-wrap' }, [table])]);
  }

  /** Horizontal bars; a hidden cell is a hatched stub marked "s", its reason in the note and the table. */
  function barChart(title, result, rows) {
    var width = 680, labelWidth = 300, barArea = 300, rowHeight = 28, top = 6;
    var height = top + rows.length * rowHeight + 6;
    var max = 0;
    rows.forEach(function (row) { if (row.cell && !row.cell.suppressed) { max = Math.max(max, row.cell.value); } });
    if (result.measure === 'adoption') { max = Math.max(max, 0.0001); }
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    var defs = svg('defs');
    var pattern = svg('pattern', { id: 'hatch-' + chartId, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' });
    pattern.appendChild(svg('rect', { width: 6, height: 6, fill: '#ffffff' }));
    pattern.appendChild(svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#666666', 'stroke-width': 3 }));
    defs.appendChild(pattern);
    chart.appendChild(defs);
    rows.forEach(function (row, i) {
      var y = top + i * rowHeight;
      var text = row.label.length > 40 ? row.label.slice(0, 39) + '…' : row.label;
      var name = svg('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', 'font-size': 13 }, text);
      name.appendChild(svg('title', {}, row.label));
      chart.appendChild(name);
      var cell = row.cell;
      if (cell && cell.suppressed) {
        chart.appendChild(svg('rect', { x: labelWidth, y: y + 5, width: 24, height: 17, fill: 'url(#hatch-' + chartId + ')',
          stroke: '#666666' }));
        chart.appendChild(svg('text', { x: labelWidth + 30, y: y + 18, 'font-size': 13, 'font-style': 'italic' }, 's'));
        return;
      }
      var value = cell ? cell.value : 0;
      var w = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round(barArea * value / max)) : 0;
      chart.appendChild(svg('rect', { x: labelWidth, y: y + 5, width: w, height: 17, fill: row.highlight ? '#6a6af4' : '#000091' }));
      chart.appendChild(svg('text', { x: labelWidth + w + 6, y: y + 18, 'font-size': 13 },
        formatValue(result, cell || { value: 0 })));
    });
    return figure(title, result, chart, rows);
  }

  /** One line over time; a hidden month breaks the line and is marked "s" on the axis. */
  function lineChart(title, result, rows) {
    var width = 640, height = 220, left = 56, right = 34, top = 12, bottom = 40;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    var values = rows.map(function (row) { return row.cell && !row.cell.suppressed ? row.cell.value : null; });
    var max = Math.max.apply(null, values.map(function (v) { return v || 0; }).concat([result.measure === 'adoption' ? 0.01 : 1]));
    var step = rows.length > 1 ? (width - left - right) / (rows.length - 1) : 0;
    function x(i) { return left + i * step; }
    function y(v) { return top + (height - top - bottom) * (1 - v / max); }
    chart.appendChild(svg('line', { x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: '#3a3a3a' }));
    chart.appendChild(svg('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', 'font-size': 12 },
      result.measure === 'adoption' ? percent.format(max) : number.format(max)));
    chart.appendChild(svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 12 }, '0'));
    var path = '';
    var pen = 'M';
    values.forEach(function (v, i) {
      if (v === null) { pen = 'M'; return; }
      path += pen + x(i).toFixed(1) + ',' + y(v).toFixed(1) + ' ';
      pen = 'L';
    });
    chart.appendChild(svg('path', { d: path.trim(), fill: 'none', stroke: '#000091', 'stroke-width': 2.5 }));
    rows.forEach(function (row, i) {
      if (values[i] !== null) {
        chart.appendChild(svg('circle', { cx: x(i), cy: y(values[i]), r: 3.5, fill: '#000091' }));
      } else if (row.cell && row.cell.suppressed) {
        chart.appendChild(svg('text', { x: x(i), y: y(0) - 6, 'text-anchor': 'middle', 'font-size': 12, 'font-style': 'italic' }, 's'));
      }
      if (rows.length <= 12 || i % 2 === 0) {
        chart.appendChild(svg('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle', 'font-size': 11 }, row.label));
      }
    });
    return figure(title, result, chart, rows);
  }

  /* ---------------------------------------------------------------- queries */

  function filters() {
    var form = document.getElementById('filtres');
    return { departement: form.departement.value, stratum: form.stratum.value, kind: form.kind.value, period: form.period.value };
  }

  function currentBucket(period) {
    var found = definitions.periods.filter(function (p) { return p.id === period; })[0];
    return found ? found.current : undefined;
  }

  /** A query of the current bucket; a filter on the dimension the chart breaks down by is left out (and said so). */
  function stats(measure, by, f, extra) {
    var params = { measure: measure, period: f.period, from: currentBucket(f.period), to: currentBucket(f.period) };
    ['departement', 'stratum', 'kind'].forEach(function (d) { if (by.indexOf(d) < 0) { params[d] = f[d]; } });
    if (by.length) { params.by = by.join(','); }
    Object.keys(extra || {}).forEach(function (k) { params[k] = extra[k]; });
    return api('/api/v1/stats', params);
  }

  function dimensionValues(dimension) {
    var found = definitions.dimensions.filter(function (d) { return d.id === dimension; })[0];
    return found && typeof found.values === 'object' ? Object.keys(found.values) : [];
  }

  /** One row per value of the dimension, in its order, with the cell of the result for it (or none: zero). */
  function rowsBy(result, dimension, f) {
    var byValue = {};
    result.cells.forEach(function (cell) { byValue[cell[dimension]] = cell; });
    var values = dimensionValues(dimension);
    if (!values.length) { values = Object.keys(byValue); }
    return values.map(function (value) {
      var labels = (definitions.dimensions.filter(function (d) { return d.id === dimension; })[0] || {}).values || {};
      var text = labels[value] ? labels[value][lang] : label(result, dimension, value);
      return { label: text, cell: byValue[value], highlight: f && f[dimension] === value };
    });
  }

  function place(id, node) {
    var container = document.getElementById(id);
    container.textContent = '';
    container.appendChild(node);
  }

  function failure(id, error) {
    place(id, el('p', { role: 'alert' }, [t('failed') + error.message]));
  }

  function withNote(title, by, f) {
    var dropped = by.filter(function (d) { return f[d]; });
    return dropped.length ? title + ' (' + t('allFiltersNote') + dropped.map(t).join(', ') + ')' : title;
  }

  function chart(id, measure, by, title, f) {
    return stats(measure, [by], f).then(function (result) {
      var rows = rowsBy(result, by, f);
      if (measure === 'adoption') {
        // Adoption is a share of the referential: a kind it does not list (schools, syndicats) has no rate.
        rows = rows.filter(function (row) { return row.cell; });
      }
      place(id, barChart(withNote(title, [by], f), result, rows));
    }).catch(function (e) { failure(id, e); });
  }

  function keyFigures(f) {
    var list = document.getElementById('chiffres');
    var items = [['adoption', 'adoptionRate'], ['usages', 'declaredUsages'], ['incidents', 'declaredIncidents'],
      ['agents', 'activeAgents']];
    return Promise.all(items.map(function (item) { return stats(item[0], [], f); })).then(function (results) {
      list.textContent = '';
      results.forEach(function (result, i) {
        var cell = result.cells[0] || { value: 0, collectivites: 0, suppressed: false };
        var detail = result.measure === 'adoption' && !cell.suppressed
          ? number.format(cell.collectivites) + t('outOf') + number.format(cell.referentialCollectivites || 0) + ' ' + t('collectivites')
          : (cell.suppressed ? t('secretNote') + reasonText(cell.reason) : definitionOf(result).split('.')[0] + '.');
        list.appendChild(el('li', { 'data-measure': result.measure }, [el('strong', { 'class': cell.suppressed ? 'secret' : '' },
          [cell.suppressed ? t('secret') : formatValue(result, cell)]), t(items[i][1]), el('small', {}, [detail])]));
      });
    }).catch(function (e) { list.textContent = t('failed') + e.message; });
  }

  function incidents(f) {
    return stats('incidents', ['category', 'severity'], f).then(function (result) {
      var severities = dimensionValues('severity');
      var categories = dimensionValues('category');
      var cells = {};
      result.cells.forEach(function (c) { cells[c.category + '/' + c.severity] = c; });
      var head = el('tr', {}, [el('th', { scope: 'col' }, [t('category')])].concat(severities.map(function (s) {
        return el('th', { scope: 'col' }, [label({ labels: { severity: valuesOf('severity') } }, 'severity', s)]);
      })));
      var rows = categories.map(function (c) {
        return el('tr', {}, [el('th', { scope: 'row' }, [valuesOf('category')[c][lang]])].concat(severities.map(function (s) {
          var cell = cells[c + '/' + s];
          if (cell && cell.suppressed) {
            return el('td', { 'class': 'num secret', title: reasonText(cell.reason) }, ['s']);
          }
          return el('td', { 'class': 'num' }, [number.format(cell ? cell.value : 0)]);
        })));
      });
      var reasons = {};
      result.cells.forEach(function (c) { if (c.suppressed) { reasons[c.reason] = true; } });
      var id = 'fig-' + (++chartId);
      var children = [el('figcaption', { id: id }, [el('h3', {}, [t('incidentsTable')]), el('p', {}, [definitionOf(result)])]),
        el('div', { 'class': 'table-wrap' }, [el('table', {}, [el('caption', {}, [t('incidentsTable')]), el('thead', {}, [head]),
          el('tbody', {}, rows)])])];
      Object.keys(reasons).forEach(function (r) { children.push(el('p', { 'class': 'secret-note' }, [t('secretNote') + reasonText(r)])); });
      place('c-incidents', el('figure', { 'aria-labelledby': id }, children));
    }).catch(function (e) { failure('c-incidents', e); });
  }

  function valuesOf(dimension) {
    return (definitions.dimensions.filter(function (d) { return d.id === dimension; })[0] || {}).values || {};
  }

  function trend(id, measure, title, f) {
    var params = { measure: measure, period: 'month', departement: f.departement, stratum: f.stratum, kind: f.kind };
    return api('/api/v1/stats', params).then(function (result) {
      var byMonth = {};
      result.cells.forEach(function (cell) { byMonth[cell.period] = cell; });
      var rows = months(result.from, result.to).map(function (month) {
        return { label: month, cell: byMonth[month] || { value: 0, collectivites: 0, suppressed: false } };
      });
      place(id, lineChart(title, result, rows));
    }).catch(function (e) { failure(id, e); });
  }

  /** Every month from one name (2025-12) to another, included: a month without declarations is a zero. */
  function months(from, to) {
    var list = [];
    var year = +from.slice(0, 4), month = +from.slice(5, 7);
    while (list.length < 120) {
      var name = year + '-' + (month < 10 ? '0' : '') + month;
      list.push(name);
      if (name === to) { break; }
      month++;
      if (month > 12) { month = 1; year++; }
    }
    return list;
  }

  function territory(f) {
    if (!f.departement) {
      return stats('adoption', ['departement'], f).then(function (result) {
        var rows = result.cells.map(function (cell) { return { label: cell.departement + ' ' + label(result, 'departement', cell.departement), cell: cell }; });
        place('c-territory', el('div', {}, [el('p', {}, [t('chooseDepartement')]), adoptionTable(t('departementTable'), result, rows)]));
      }).catch(function (e) { failure('c-territory', e); });
    }
    return Promise.all([stats('adoption', ['epci'], f), api('/api/v1/registry/territory/' + encodeURIComponent(f.departement))])
      .then(function (answers) {
        var result = answers[0], land = answers[1];
        var rows = result.cells.map(function (cell) { return { label: cell.epci ? label(result, 'epci', cell.epci) : t('noEpci'), cell: cell }; });
        var epciNames = {};
        land.epcis.forEach(function (e) { epciNames[e.code] = e.name; });
        var registered = land.communes.concat(land.epcis, land.others).filter(function (p) { return p.registered; });
        var registeredTable = registered.length === 0 ? el('p', { 'class': 'empty' }, [t('noneRegistered')]) : simpleTable(t('registered'),
          [t('name'), t('kind'), t('population'), t('publicUsages')], registered.map(function (p) {
            return [p.name, valuesOf('kind')[p.kind] ? valuesOf('kind')[p.kind][lang] : p.kind,
              p.population === null || p.population === undefined ? '' : number.format(p.population),
              p.publicUsages.map(function (u) {
                return u.name + ' (' + valuesOf('purpose')[u.purpose][lang] + ', ' + valuesOf('maturity')[u.maturity][lang] + ')';
              }).join(' ; ')];
          }));
        var all = simpleTable(t('allCommunes'), [t('name'), t('population'), t('stratum'), t('epci'), t('inscrite')],
          land.communes.map(function (c) {
            return [c.name, number.format(c.population), valuesOf('stratum')[c.stratum][lang], epciNames[c.epci] || '',
              c.registered ? t('yes') : t('no')];
          }));
        place('c-territory', el('div', {}, [adoptionTable(t('epciTable'), result, rows), el('h3', {}, [t('registered')]), registeredTable,
          el('details', {}, [el('summary', {}, [t('allCommunes') + ' (' + land.communes.length + ')']), all])]));
      }).catch(function (e) { failure('c-territory', e); });
  }

  function adoptionTable(title, result, rows) {
    return simpleTable(title, [t('name'), t('rate'), t('contributing'), t('referential')], rows.map(function (row) {
      var c = row.cell;
      return [row.label, c.suppressed ? { secret: c.reason } : percent.format(c.value),
        c.suppressed ? '' : number.format(c.collectivites), number.format(c.referentialCollectivites || 0)];
    }), result);
  }

  function simpleTable(title, headers, rows) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col' }, [h]); }));
    var body = rows.map(function (row) {
      return el('tr', {}, row.map(function (value, i) {
        if (i === 0) { return el('th', { scope: 'row' }, [value]); }
        if (value && value.secret) {
          return el('td', { 'class': 'num secret' }, [t('secret') + ' (' + reasonText(value.secret) + ')']);
        }
        return el('td', {}, [value]);
      }));
    });
    return el('div', { 'class': 'table-wrap' }, [el('table', {}, [el('caption', {}, [title]), el('thead', {}, [head]),
      el('tbody', {}, body)])]);
  }

  /* ---------------------------------------------------------------- page */

  function render() {
    var f = filters();
    var status = document.getElementById('etat');
    status.textContent = t('loading');
    chartId = 0;
    return Promise.all([
      keyFigures(f),
      chart('c-adoption-stratum', 'adoption', 'stratum', t('adoptionByStratum'), f),
      chart('c-adoption-kind', 'adoption', 'kind', t('adoptionByKind'), f),
      chart('c-purpose', 'usages', 'purpose', t('purposes'), f),
      chart('c-maturity', 'usages', 'maturity', t('maturity'), f),
      chart('c-governance', 'usages', 'governance', t('governance'), f),
      chart('c-obstacle', 'usages', 'obstacle', t('obstacles'), f),
      incidents(f),
      trend('c-trend-adoption', 'adoption', t('trendAdoption'), f),
      trend('c-trend-usages', 'usages', t('trendUsages'), f),
      territory(f)
    ]).then(function () {
      var named = definitions.departements.filter(function (d) { return d.code === f.departement; })[0];
      var where = named ? named.name + ' (' + named.code + ')' : t('allFrance');
      status.textContent = t('loaded') + where + ', ' + currentBucket(f.period) + '.';
      document.body.setAttribute('data-loaded', 'true');
    });
  }

  function fillSelect(select, entries) {
    entries.forEach(function (entry) { select.appendChild(el('option', { value: entry[0] }, [entry[1]])); });
  }

  function translate() {
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.title = t('title');
  }

  function syncLanguageLink(f) {
    var link = document.getElementById('switch-lang');
    var params = new URLSearchParams();
    Object.keys(f).forEach(function (k) { if (f[k]) { params.set(k, f[k]); } });
    if (lang === 'fr') { params.set('lang', 'en'); }
    link.textContent = t('lang');
    link.setAttribute('hreflang', t('langHref'));
    link.setAttribute('lang', t('langHref'));
    link.href = '/tableau-de-bord' + (params.toString() ? '?' + params : '');
  }

  function start() {
    translate();
    api('/api/v1/stats/definitions').then(function (defs) {
      definitions = defs;
      var form = document.getElementById('filtres');
      fillSelect(form.departement, defs.departements.map(function (d) { return [d.code, d.code + ' – ' + d.name]; }));
      ['stratum', 'kind'].forEach(function (dimension) {
        var values = valuesOf(dimension);
        fillSelect(form[dimension], Object.keys(values).map(function (v) { return [v, values[v][lang]]; }));
      });
      var params = new URLSearchParams(window.location.search);
      ['departement', 'stratum', 'kind', 'period'].forEach(function (name) {
        if (params.get(name)) { form[name].value = params.get(name); }
      });
      syncLanguageLink(filters());
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var f = filters();
        var query = new URLSearchParams();
        Object.keys(f).forEach(function (k) { if (f[k]) { query.set(k, f[k]); } });
        if (lang === 'en') { query.set('lang', 'en'); }
        window.history.replaceState(null, '', '/tableau-de-bord?' + query);
        syncLanguageLink(f);
        document.body.removeAttribute('data-loaded');
        render();
      });
      return render();
    }).catch(function (e) {
      document.getElementById('etat').textContent = t('failed') + e.message;
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
