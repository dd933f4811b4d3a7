namespace Dq.Reporting.DataDocs;

/// <summary>The stylesheet, inlined in every page so each page stands alone (no fonts or files to fetch).</summary>
internal static class SiteStyle
{
    public const string Css = """
        :root{--ok:#1a7f37;--fail:#cf222e;--warn:#9a6700;--err:#8250df;--mute:#57606a;--line:#d0d7de;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
        header{background:#24292f;padding:10px 24px}header a{color:#fff;font-weight:600;text-decoration:none}
        main{max-width:1200px;margin:0 auto;padding:16px 24px}
        footer{color:var(--mute);font-size:12px;padding:16px 24px;border-top:1px solid var(--line);max-width:1200px;margin:0 auto}
        h1{font-size:22px;margin:8px 0 4px;overflow-wrap:anywhere}h2{font-size:17px;margin:20px 0 8px}
        a{color:#0969da}
        code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
        code.p{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:0 4px;overflow-wrap:anywhere}
        code.col{color:#0550ae}code.pat{color:#953800}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:var(--bg);font-weight:600;white-space:nowrap}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .meta{color:var(--mute);margin:0 0 12px}
        .meta span{margin-right:16px;overflow-wrap:anywhere}
        .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff}
        .badge.passed{background:var(--ok)}.badge.failed{background:var(--fail)}.badge.warn{background:var(--warn)}.badge.error{background:var(--err)}
        .exp{border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:6px;padding:10px 14px;margin:10px 0}
        .exp.failed{border-left-color:var(--fail)}.exp.warn{border-left-color:var(--warn)}.exp.error{border-left-color:var(--err)}
        .exp .sentence{font-size:15px;margin:0 0 6px}
        .exp .facts{color:var(--mute);display:flex;flex-wrap:wrap;gap:4px 20px;align-items:center}
        .exp table{width:auto;margin-top:8px}.exp td{overflow-wrap:anywhere;max-width:600px}
        pre.exception{background:#fff8f8;border:1px solid #ffcecb;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}
        details summary{cursor:pointer;color:var(--mute)}
        svg .track{fill:#eaeef2}svg .fill-fail{fill:var(--fail)}svg .fill-ok{fill:var(--ok)}
        svg .axis{stroke:#d0d7de;stroke-width:1}svg .line{fill:none;stroke:#0969da;stroke-width:1.5}
        svg .dot-ok{fill:var(--ok)}svg .dot-fail{fill:var(--fail)}
        .filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0 12px}
        .filters select{max-width:320px}
        .pager{display:flex;gap:12px;align-items:center;margin:12px 0}
        .cell-clip{overflow-wrap:anywhere}
        .empty{color:var(--mute);font-style:italic}
        .read-error{border-left:4px solid var(--err);padding:.4rem .8rem;background:var(--bg)}
        """;
}
