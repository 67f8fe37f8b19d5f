// corresp web app: progressive enhancement only. Every page works without this file; with it,
// long facet lists fold, "Similar comments" opens inline, and "/" focuses the search box.
(function () {
  'use strict';

  // Mirror of web/html.cc SanitizeSnippet: keeps <b>..</b> as <mark>, keeps well-formed
  // entities, escapes every other markup character. The result never holds another tag.
  function sanitizeSnippet(s) {
    var out = '', open = 0, i = 0;
    var entity = /^&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z0-9]{1,10});/;
    while (i < s.length) {
      if (s.startsWith('<b>', i)) { if (open === 0) out += '<mark>'; open++; i += 3; continue; }
      if (s.startsWith('</b>', i)) { if (open === 1) out += '</mark>'; if (open > 0) open--; i += 4; continue; }
      var c = s[i];
      if (c === '&') {
        var m = entity.exec(s.slice(i, i + 14));
        if (m) { out += m[0]; i += m[0].length; continue; }
        out += '&amp;';
      } else if (c === '<') out += '&lt;';
      else if (c === '>') out += '&gt;';
      else if (c === '"') out += '&quot;';
      else if (c === "'") out += '&#39;';
      else out += c;
      i++;
    }
    if (open > 0) out += '</mark>';
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function itemHref(id) {
    var hash = id.indexOf('#');
    var acc = hash < 0 ? id : id.slice(0, hash);
    return '/letter/' + encodeURIComponent(acc) + (hash < 0 ? '' : '#item-' + id.replace('#', '-'));
  }

  function foldFacets() {
    document.querySelectorAll('.facet ul').forEach(function (ul) {
      var items = ul.querySelectorAll('li');
      var keep = 8;
      if (items.length <= keep + 2) return;
      for (var i = keep; i < items.length; i++) items[i].classList.add('more-hidden');
      var button = el('button', 'more', 'Show ' + (items.length - keep) + ' more');
      button.type = 'button';
      button.addEventListener('click', function () {
        ul.querySelectorAll('.more-hidden').forEach(function (li) { li.classList.remove('more-hidden'); });
        button.remove();
      });
      ul.after(button);
    });
  }

  function renderSimilar(box, data) {
    box.textContent = '';
    if (!data.hits || data.hits.length === 0) {
      box.appendChild(el('p', 'muted', 'Nothing similar in other reviews.'));
      return;
    }
    var list = el('ol');
    data.hits.forEach(function (h) {
      var li = el('li');
      var head = el('div');
      var a = el('a', 'company', h.company);
      a.href = itemHref(h.id);
      head.appendChild(a);
      var where = (h.type === 'response' ? 'Response' : 'Comment') + (h.number != null ? ' ' + h.number : '');
      head.appendChild(el('span', 'muted', ' · ' + h.date + ' · ' + where));
      li.appendChild(head);
      var p = el('p', 'snippet');
      p.innerHTML = sanitizeSnippet(h.snippet || '');
      li.appendChild(p);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function wireSimilar() {
    document.addEventListener('click', function (ev) {
      var link = ev.target.closest && ev.target.closest('a.similar-link');
      if (!link || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
      var box = link.parentElement.nextElementSibling;
      if (!box || !box.classList.contains('similar-box')) return;
      ev.preventDefault();
      if (!box.hidden) { box.hidden = true; return; }
      box.hidden = false;
      if (box.dataset.loaded) return;
      box.textContent = 'Loading similar comments…';
      fetch('/api/similar/' + encodeURIComponent(link.dataset.item) + '?limit=5')
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (res) {
          if (!res.ok) throw new Error(res.body.error ? res.body.error.message : 'error');
          box.dataset.loaded = '1';
          renderSimilar(box, res.body);
        })
        .catch(function (e) { box.textContent = 'Could not load similar comments: ' + e.message; });
    });
  }

  function wireKeys() {
    document.addEventListener('keydown', function (ev) {
      if (ev.key !== '/' || /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) return;
      var q = document.querySelector('form.search .q') || document.querySelector('.topbar .quick input');
      if (q) { ev.preventDefault(); q.focus(); q.select(); }
    });
  }

  foldFacets();
  wireSimilar();
  wireKeys();
})();
