namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    /// <summary>The id of every stored run (for data docs: which runs the site shows).</summary>
    public IReadOnlyList<string> RunIds()
    {
        using var command = Command(null, "SELECT run_id FROM runs");
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>
    /// The full result JSON of the runs <paramref name="runIds"/>, in no particular order, read one row at a time (10,000
    /// runs never sit in memory at once); ids no longer stored are skipped. Enumerate it once, before disposing the store.
    /// </summary>
    /// <remarks>A few runs are looked up by id; for many, one pass over the table is cheaper than as many lookups.</remarks>
    public IEnumerable<string> ResultJsonOf(IReadOnlyCollection<string> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count > 64)
        {
            var wanted = new HashSet<string>(runIds, StringComparer.Ordinal);
            using var all = Command(null, "SELECT run_id, result_json FROM runs");
            using var reader = all.ExecuteReader();
            while (reader.Read())
            {
                if (wanted.Contains(reader.GetString(0)))
                {
                    yield return reader.GetString(1);
                }
            }
            yield break;
        }
        using var one = Command(null, "SELECT result_json FROM runs WHERE run_id = $id");
        foreach (var id in runIds)
        {
            one.Parameters.Clear();
            Bind(one, "$id", id);
            if (one.ExecuteScalar() is string json)
            {
                yield return json;
            }
        }
    }
}
