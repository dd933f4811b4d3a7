using Dq.Cli.Running;
using Dq.Expectations;
using Dq.Expectations.Suites;
using Dq.Readers;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// The data argument of <c>dq validate</c>: a file, a glob (<c>'data/orders*.csv'</c>, as a checkpoint's <c>data:</c>)
/// or a folder (every file of a known format below it, Hive-style partition folders included), one validation per file.
/// </summary>
internal static class DataArgument
{
    public static (IReadOnlyList<string> Files, IReadOnlyList<UnreadData> Missing) Files(string data, ExpectationSuite suite)
    {
        if (Directory.Exists(data))
        {
            var found = Glob.Files(Path.Combine(Path.GetFullPath(data), "**", "*")).Where(BatchSources.IsDataFile).ToList();
            return found.Count > 0 ? (found, []) : ([], [Unread(data, suite, $"the folder `{data}` holds no data file (CSV, TSV, Parquet, JSON lines, Arrow; CSV and JSON lines also as .gz).")]);
        }
        if (!Glob.HasWildcards(data))
        {
            return ([data], []);
        }
        var matches = Glob.Files(Path.GetFullPath(data));
        return matches.Count > 0 ? (matches, []) : ([], [Unread(data, suite, $"the data pattern `{data}` matched no files. Check the pattern (quote it, so that the shell leaves it to dq); it is relative to the current folder.")]);
    }

    private static UnreadData Unread(string data, ExpectationSuite suite, string message) =>
        new(suite, data, new DataReadException(message) { FilePath = data });
}
