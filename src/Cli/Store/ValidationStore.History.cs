namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    /// <summary>
    /// The full result JSON of every run, newest first, read one row at a time (for data docs: 10,000 runs never sit in
    /// memory at once). Enumerate it once, before disposing the store.
    /// </summary>
    public IEnumerable<string> AllResultJson()
    {
        using var command = Command(null, "SELECT result_json FROM runs ORDER BY run_time DESC, run_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }
}
