using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;

namespace Dq.Readers.Tests;

/// <summary>
/// A CSV source takes back the buffers of the batches it is given back (<c>ReleaseBatch</c>) and fills the next
/// batches with them: the values read are the same either way, and a batch that is not released is never touched.
/// </summary>
public sealed class CsvBufferReuseTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReleasingEachBatch_GivesTheSameRows_AndReusesTheReleasedBuffers()
    {
        string path = Write(rows: 1_000);
        using var kept = new CsvSource(path, new CsvReaderOptions { BatchSize = 64 });
        List<object?[]> expected = BatchValues.ReadAll(kept);

        using var released = new CsvSource(path, new CsvReaderOptions { BatchSize = 64 });
        var rows = new List<object?[]>();
        var seen = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        foreach (RecordBatch batch in released.ReadBatches(null, TestContext.Current.CancellationToken))
        {
            rows.AddRange(BatchValues.Rows([batch]));
            reused += Arrays(batch).Count(a => !seen.Add(a));
            released.ReleaseBatch(batch);
        }

        Assert.Equal(expected, rows);
        Assert.True(reused > 0, "no buffer of a released batch was used again");
    }

    [Fact]
    public void BatchesNotReleased_NeverShareABuffer()
    {
        using var source = new CsvSource(Write(rows: 500), new CsvReaderOptions { BatchSize = 50 });

        List<RecordBatch> batches = [.. source.ReadBatches(null, TestContext.Current.CancellationToken)];

        var all = batches.SelectMany(Arrays).ToList();
        Assert.Equal(all.Count, all.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void ReleasingABatchOfAnotherSource_LeavesItAndThisSourceAlone()
    {
        string path = Write(rows: 300);
        using var other = new CsvSource(path, new CsvReaderOptions { BatchSize = 100 });
        List<RecordBatch> foreign = [.. other.ReadBatches(null, TestContext.Current.CancellationToken)];
        List<object?[]> foreignRows = BatchValues.Rows(foreign);
        using var source = new CsvSource(path, new CsvReaderOptions { BatchSize = 100 });

        foreign.ForEach(source.ReleaseBatch);
        List<object?[]> rows = BatchValues.ReadAll(source);

        Assert.Equal(foreignRows, rows);
        Assert.Equal(foreignRows, BatchValues.Rows(foreign));
        Assert.DoesNotContain(source.ReadBatches(null, TestContext.Current.CancellationToken).SelectMany(Arrays), a => foreign.SelectMany(Arrays).Contains(a));
    }

    /// <summary>Rows of every column type, with nulls and text of varying length (so string buffers grow and shrink).</summary>
    private string Write(int rows)
    {
        var text = new StringBuilder("id,amount,name,day,flag\n");
        for (int i = 0; i < rows; i++)
        {
            string name = i % 7 == 0 ? "" : new string((char)('a' + i % 26), 1 + (i * 37 % 90));
            text.Append(i).Append(',').Append(i % 5 == 0 ? "" : (i * 1.25).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(',').Append(name).Append(',').Append("2024-01-").Append((1 + i % 28).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(i % 3 == 0 ? "true" : "false").Append('\n');
        }
        return _files.WriteText("rows.csv", text.ToString());
    }

    /// <summary>The arrays behind a batch's buffers (not the shared empty one of a column without nulls).</summary>
    private static IEnumerable<byte[]> Arrays(RecordBatch batch) =>
        batch.Arrays.SelectMany(a => a.Data.Buffers)
            .Select(b => MemoryMarshal.TryGetArray(b.Memory, out ArraySegment<byte> segment) ? segment.Array : null)
            .OfType<byte[]>()
            .Where(a => a.Length > 0);
}
