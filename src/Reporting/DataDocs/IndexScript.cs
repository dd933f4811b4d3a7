namespace Dq.Reporting.DataDocs;

/// <summary>
/// The index page's only script: reads the JSON data island, fills the filters, and renders one page of rows with
/// <c>textContent</c> and <c>createElement</c> only (no HTML strings, so Trusted Types can forbid every HTML sink).
/// The filters and page live in the URL fragment (<c>#suite=…&amp;asset=…&amp;status=failed&amp;page=2</c>), so a
/// filtered view can be linked to.
/// </summary>
internal static class IndexScript
{
    public const string Code = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('runs-data').textContent);
          var size = 50, page = 0;
          var body = document.getElementById('runs-body');
          var suite = document.getElementById('f-suite'), asset = document.getElementById('f-asset'), status = document.getElementById('f-status');
          var info = document.getElementById('page-info'), count = document.getElementById('count');
          var prev = document.getElementById('prev'), next = document.getElementById('next');
          function fill(select, names) {
            names.forEach(function (name, i) {
              var o = document.createElement('option'); o.value = String(i); o.textContent = name; select.appendChild(o);
            });
          }
          function cell(tr, text, cls) {
            var td = document.createElement('td'); if (cls) { td.className = cls; }
            if (text !== null) { td.textContent = text; }
            tr.appendChild(td); return td;
          }
          function link(td, href, text) {
            var a = document.createElement('a'); a.href = href; a.textContent = text; td.appendChild(a);
          }
          function read() {
            var q = new URLSearchParams(location.hash.slice(1));
            var s = data.suites.indexOf(q.get('suite')), a = data.assets.indexOf(q.get('asset'));
            suite.value = s < 0 ? '' : String(s); asset.value = a < 0 ? '' : String(a);
            status.value = q.get('status') === 'failed' || q.get('status') === 'passed' ? q.get('status') : '';
            page = Math.max(0, (parseInt(q.get('page') || '1', 10) || 1) - 1);
          }
          function write() {
            var q = new URLSearchParams();
            if (suite.value) { q.set('suite', data.suites[+suite.value]); }
            if (asset.value) { q.set('asset', data.assets[+asset.value]); }
            if (status.value) { q.set('status', status.value); }
            if (page > 0) { q.set('page', String(page + 1)); }
            history.replaceState(null, '', '#' + q.toString());
          }
          function render() {
            var s = suite.value === '' ? -1 : +suite.value, a = asset.value === '' ? -1 : +asset.value, st = status.value;
            var rows = data.runs.filter(function (r) {
              return (s < 0 || r[2] === s) && (a < 0 || r[3] === a) && (st === '' || (st === 'failed') === (r[4] === 0));
            });
            var pages = Math.max(1, Math.ceil(rows.length / size));
            page = Math.min(page, pages - 1);
            while (body.firstChild) { body.removeChild(body.firstChild); }
            rows.slice(page * size, page * size + size).forEach(function (r) {
              var tr = document.createElement('tr');
              link(cell(tr, null), r[0], r[1]);
              link(cell(tr, null), data.suiteFiles[r[2]], data.suites[r[2]]);
              cell(tr, data.assets[r[3]], 'cell-clip mono');
              var badge = document.createElement('span');
              badge.className = 'badge ' + (r[4] ? 'passed' : 'failed'); badge.textContent = r[4] ? 'PASSED' : 'FAILED';
              cell(tr, null).appendChild(badge);
              cell(tr, r[9], 'num'); cell(tr, r[5] + ' of ' + r[6], 'num'); cell(tr, String(r[7]), 'num');
              cell(tr, String(r[8]), 'num'); cell(tr, r[10], 'num');
              body.appendChild(tr);
            });
            if (rows.length === 0) { cell(body.appendChild(document.createElement('tr')), 'No run matches the filters.', 'empty').colSpan = 9; }
            count.textContent = rows.length + ' of ' + data.runs.length + (data.runs.length === 1 ? ' run' : ' runs');
            info.textContent = 'page ' + (page + 1) + ' of ' + pages;
            prev.disabled = page === 0; next.disabled = page >= pages - 1;
            write();
          }
          fill(suite, data.suites); fill(asset, data.assets); read(); render();
          [suite, asset, status].forEach(function (el) { el.addEventListener('change', function () { page = 0; render(); }); });
          prev.addEventListener('click', function () { page--; render(); });
          next.addEventListener('click', function () { page++; render(); });
          window.addEventListener('hashchange', function () { read(); render(); });
        })();
        """;
}
