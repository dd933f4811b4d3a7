using System.Text.Json.Nodes;

namespace Dq.Conformance;

/// <summary>GX's comparison rules between an expected <c>out</c> and an actual result.</summary>
public static class OutcomeComparer
{
    /// <summary><c>exact_match_out: false</c>: each key of <c>out</c> on its own.</summary>
    public static List<string> CompareKeys(JsonObject expected, JsonObject actual, double? tolerance)
    {
        var problems = new List<string>();
        var result = actual["result"] as JsonObject ?? [];
        foreach (var (key, want) in expected)
        {
            switch (key)
            {
                case "success":
                    Check(problems, key, JsonNode.DeepEquals(want, actual["success"]), want, actual["success"]);
                    break;
                case "observed_value":
                    Check(problems, key, Close(want, result["observed_value"], tolerance), want, result["observed_value"]);
                    break;
                case "unexpected_list" or "partial_unexpected_list":
                    Check(problems, key, SameMultiset(want as JsonArray, result[key] as JsonArray), want, result[key]);
                    break;
                case "unexpected_index_list" or "partial_unexpected_index_list":
                    var wanted = (want as JsonArray ?? []).Select(RowIndex).Order().ToList();
                    var got = (result[key] as JsonArray ?? []).Select(RowIndex).Order().ToList();
                    Check(problems, key, wanted.SequenceEqual(got), want, result[key]);
                    break;
                case "unexpected_count":
                    break; // GX ignores it
                case "observed_value_list":
                    Check(problems, key, (want as JsonArray ?? []).Any(v => ValuesEqual(v, result["observed_value"])), want, result["observed_value"]);
                    break;
                case "value_counts":
                    var actualCounts = (result["details"] as JsonObject)?["value_counts"] as JsonArray ?? [];
                    Check(problems, key, (want as JsonArray ?? []).All(w => actualCounts.Any(a => ValuesEqual(w, a))), want, actualCounts);
                    break;
                case "observed_partition" or "expected_partition":
                    var partition = (result["details"] as JsonObject)?[key];
                    Check(problems, key, want is JsonObject w && partition is JsonObject p
                        && w.All(kv => kv.Value is JsonArray values && p[kv.Key] is JsonArray got
                            && values.Count == got.Count && values.Zip(got).All(t => Close(t.First, t.Second, 1e-6))), want, partition);
                    break;
                case "details":
                    Check(problems, key, ValuesEqual(want, result["details"]), want, result["details"]);
                    break;
                default:
                    Check(problems, key, JsonNode.DeepEquals(want, result[key]), want, result[key]);
                    break;
            }
        }
        return problems;
    }

    /// <summary><c>exact_match_out: true</c>: success plus the keys both result objects have.</summary>
    public static List<string> CompareExact(JsonObject expected, JsonObject actual)
    {
        var problems = new List<string>();
        var wantResult = expected["result"] as JsonObject ?? [];
        var gotResult = actual["result"] as JsonObject ?? [];
        if (CaseRunner.TryNumber(gotResult["observed_value"], out _) && gotResult["observed_value"]!.ToJsonString().Contains('.'))
        {
            Check(problems, "observed_value", Close(wantResult["observed_value"], gotResult["observed_value"], null), wantResult["observed_value"], gotResult["observed_value"]);
            return problems;
        }
        Check(problems, "success", JsonNode.DeepEquals(expected["success"], actual["success"]), expected["success"], actual["success"]);
        foreach (var (key, want) in wantResult)
        {
            if (!gotResult.ContainsKey(key))
            {
                continue;
            }
            if (key is "unexpected_index_list" or "partial_unexpected_index_list")
            {
                // GX names rows by {column values + pk_index}; dq by position, which pk_index is.
                var wanted = (want as JsonArray ?? []).Select(RowIndex).Order().ToList();
                var got = (gotResult[key] as JsonArray ?? []).Select(RowIndex).Order().ToList();
                Check(problems, key, wanted.SequenceEqual(got), want, gotResult[key]);
                continue;
            }
            Check(problems, key, ValuesEqual(want, gotResult[key]), want, gotResult[key]);
        }
        return problems;
    }

    private static void Check(List<string> problems, string key, bool ok, JsonNode? want, JsonNode? got)
    {
        if (!ok)
        {
            problems.Add($"{key}: expected {CaseRunner.Text(want)}, got {CaseRunner.Text(got)}");
        }
    }

    private static long RowIndex(JsonNode? entry) => entry switch
    {
        JsonObject o => o["pk_index"]!.GetValue<long>(),
        _ => (long)(CaseRunner.TryNumber(entry, out var n) ? n : -1),
    };

    /// <summary>Numbers compare numerically (1 equals 1.0); arrays and objects element by element.</summary>
    internal static bool ValuesEqual(JsonNode? a, JsonNode? b)
    {
        if (CaseRunner.TryNumber(a, out var x) && CaseRunner.TryNumber(b, out var y))
        {
            return x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y));
        }
        return (a, b) switch
        {
            (JsonArray p, JsonArray q) => p.Count == q.Count && p.Zip(q).All(t => ValuesEqual(t.First, t.Second)),
            (JsonObject p, JsonObject q) => p.Count == q.Count && p.All(kv => q.ContainsKey(kv.Key) && ValuesEqual(kv.Value, q[kv.Key])),
            _ => JsonNode.DeepEquals(a, b),
        };
    }

    private static bool SameMultiset(JsonArray? want, JsonArray? got)
    {
        var remaining = (got ?? []).ToList();
        foreach (var item in want ?? [])
        {
            var match = remaining.FindIndex(g => ValuesEqual(item, g));
            if (match < 0)
            {
                return false;
            }
            remaining.RemoveAt(match);
        }
        return remaining.Count == 0;
    }

    /// <summary>GX's closeness: relative with a tolerance, else the loose rule for values holding decimals.</summary>
    private static bool Close(JsonNode? want, JsonNode? got, double? tolerance)
    {
        if (want is JsonObject wantObject && got is JsonObject gotObject)
        {
            return wantObject.All(kv => Close(kv.Value, gotObject[kv.Key], tolerance));
        }
        if (want is JsonArray wantArray && got is JsonArray gotArray)
        {
            return wantArray.Count == gotArray.Count && wantArray.Zip(gotArray).All(p => Close(p.First, p.Second, tolerance));
        }
        if (CaseRunner.TryNumber(want, out var e) && CaseRunner.TryNumber(got, out var a))
        {
            return tolerance is { } t
                ? Math.Abs(a - e) <= 1e-8 + (t * Math.Abs(e))
                : want!.ToJsonString().Contains('.') ? Math.Abs(a - e) <= 0.05 + (1e-7 * Math.Abs(e)) : a == e;
        }
        return ValuesEqual(want, got);
    }
}
