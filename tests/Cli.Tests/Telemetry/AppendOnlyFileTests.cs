using System.Text.Json;
using Dq.Cli.Telemetry;

namespace Dq.Cli.Tests.Telemetry;

public sealed class AppendOnlyFileTests : TempFolderTest
{
    /// <summary>
    /// Another writer in the middle of its append (it holds the file, knows where the end is, and has not yet written):
    /// an append made now must wait for it, neither fail (as File.AppendAllText does on a held file) nor write at that
    /// end to be overwritten (.NET's FileMode.Append writes where the file ended when it was opened). However long the
    /// wait below, a working lock gives the same file.
    /// </summary>
    [Fact]
    public async Task AppendDuringAnotherWritersAppend_WaitsForIt_AndOverwritesNothing()
    {
        var path = Write("m.jsonl", "first\n");
        var other = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);

        var append = Task.Run(() => AppendOnlyFile.Append(path, "mine, a longer line\n"), TestContext.Current.CancellationToken);
        await Task.WhenAny(append, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        other.Write("other\n"u8);
        await other.DisposeAsync();
        await append;

        Assert.Equal(["first", "other", "mine, a longer line"], File.ReadAllLines(path));
    }

    /// <summary>
    /// Writers appending at once, each through its own handle as separate processes would, lose and split nothing:
    /// every line arrives whole, and each append's lines stay together. (Opened with a sharing mode that lets writers
    /// in together, as .NET's FileShare.ReadWrite does, some appends overwrite others and this fails.)
    /// </summary>
    [Fact]
    public void ConcurrentAppends_KeepEveryLineWholeAndEachAppendTogether()
    {
        var path = Path.Combine(Folder, "metrics", "dq.jsonl");
        const int Writers = 8;
        const int Appends = 150;

        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (var i = 0; i < Appends; i++)
            {
                var padding = new string('x', 50 + (i * 37 % 400));
                AppendOnlyFile.Append(path, string.Concat(Enumerable.Range(0, 3).Select(part =>
                    $$"""{"writer":{{writer}},"append":{{i}},"part":{{part}},"padding":"{{padding}}"}""" + "\n")));
            }
        });

        var lines = File.ReadAllLines(path);
        Assert.Equal(Writers * Appends * 3, lines.Length);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Writer: e.GetProperty("writer").GetInt32(), Append: e.GetProperty("append").GetInt32(), Part: e.GetProperty("part").GetInt32()))
            .ToList();
        Assert.Equal(Writers * Appends, records.Select(r => (r.Writer, r.Append)).Distinct().Count());
        for (var i = 0; i < records.Count; i += 3)
        {
            Assert.Equal([(records[i].Writer, records[i].Append, 0), (records[i].Writer, records[i].Append, 1), (records[i].Writer, records[i].Append, 2)],
                records.Skip(i).Take(3));
        }
    }

    [Fact]
    public void Append_AddsToWhatIsThere()
    {
        var path = Write("m.jsonl", "first\n");

        AppendOnlyFile.Append(path, "second\nthird\n");

        Assert.Equal(["first", "second", "third"], File.ReadAllLines(path));
    }
}
