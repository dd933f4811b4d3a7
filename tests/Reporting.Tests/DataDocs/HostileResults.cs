using System.Text.Json.Nodes;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>Validation results whose names and values are attacks on the HTML: every string a page shows comes from here.</summary>
internal static class HostileResults
{
    public static readonly string[] Payloads =
    [
        "<script>window.__pwned=1</script>",
        "\"><img src=x onerror=\"window.__pwned=2\">",
        "<svg onload=\"window.__pwned=3\">",
        "javascript:window.__pwned=4",
        "</textarea></title></style></script><b>bold</b>",
        "evil\u202etxt.exe\u2066\u2028\u2029",
        "' onmouseover='window.__pwned=5",
        "<!--",
    ];

    public static ValidationResult Create(int seed, DateTimeOffset time, string? runId = null)
    {
        var p = Payloads[seed % Payloads.Length];
        var q = Payloads[(seed + 3) % Payloads.Length];
        var column = "col " + p;
        var results = new List<ExpectationResult>
        {
            new(new ExpectationConfiguration("expect_column_values_to_be_in_set",
                    new JsonObject { ["column"] = column, ["value_set"] = new JsonArray(p, q), ["mostly"] = 0.95, ["row_condition"] = q }),
                false,
                new ResultDetails
                {
                    ElementCount = 10, MissingCount = 0, MissingPercent = 0, UnexpectedCount = 3, UnexpectedPercent = 30,
                    PartialUnexpectedList = [p, q, p], PartialUnexpectedIndexList = [1, 4, 7],
                    PartialUnexpectedCounts = [new UnexpectedValueCount(p, 2), new UnexpectedValueCount(q, 1)],
                }),
            new(new ExpectationConfiguration("expect_column_values_to_match_regex", new JsonObject { ["column"] = q, ["regex"] = p }),
                true, new ResultDetails { ElementCount = 10, UnexpectedCount = 0, UnexpectedPercent = 0 }),
            new(new ExpectationConfiguration("expect_column_mean_to_be_between", new JsonObject { ["column"] = p, ["min_value"] = 1, ["max_value"] = p }),
                false, new ResultDetails { HasObservedValue = true, ObservedValue = q }),
            new(new ExpectationConfiguration("expect_column_to_exist", new JsonObject { ["column"] = q }, new JsonObject { ["severity"] = "warn" }),
                false, null, new ExceptionInfo(true, "column " + q + " is missing " + p)),
            new(new ExpectationConfiguration("expect_" + p, new JsonObject { [p] = q }), true, new ResultDetails { HasObservedValue = true, ObservedValue = new List<object?> { p, 1L } }),
        };
        return new ValidationResult("suite " + p, results,
            new ValidationRunInfo(runId ?? $"run{seed:D4}", time, "data/" + q + ".csv", 10, TimeSpan.FromMilliseconds(12), "0.1.0 " + p));
    }
}
