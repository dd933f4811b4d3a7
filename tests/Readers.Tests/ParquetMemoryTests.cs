using System.Runtime.CompilerServices;
using Apache.Arrow;
using Dq.Expectations;

namespace Dq.Readers.Tests;

/// <summary>
/// The batches of <see cref="ParquetSource"/> hold memory from Arrow C++'s pool: released batches give it back at once,
/// and batches nobody releases give it back when they are collected. Runs alone (the pool is shared by the process).
/// </summary>
[Collection(nameof(ParquetCorpusCollection))]
public sealed class ParquetMemoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static long PoolBytes => Dq.Readers.Parquet.NativeMemory.Pool.BytesAllocated;

    /// <summary>Batches other tests left unreleased are freed first, so that no finalizer runs during a measurement.</summary>
    private static long SettledPoolBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return PoolBytes;
    }

    [Fact]
    public void ReleaseBatch_GivesTheNativeMemoryBack()
    {
        long before = SettledPoolBytes();
        using var source = new ParquetSource(TestFiles.ParquetTestingData("delta_byte_array.parquet"));

        var batches = source.ReadBatches(null, Token).ToList();
        long held = PoolBytes - before;
        long rows = batches.Sum(b => (long)b.Length);
        foreach (RecordBatch batch in batches)
        {
            source.ReleaseBatch(batch);
            source.ReleaseBatch(batch); // a second release is harmless
        }

        Assert.Equal(1000, rows);
        Assert.True(held > 0, "the batches should hold native memory while alive");
        Assert.Equal(before, PoolBytes);
    }

    [Fact]
    public void UnreleasedBatches_AreFreedWhenCollected()
    {
        long before = SettledPoolBytes();

        long held = ReadWithoutReleasing();
        for (int i = 0; i < 3 && PoolBytes != before; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.True(held > 0);
        Assert.Equal(before, PoolBytes);
    }

    [Fact]
    public void ReadBatches_NoColumns_GivesTheRowCountsFromTheMetadata()
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData("sort_columns.parquet")) { BatchSize = 4 };

        var batches = source.ReadBatches([], Token).ToList();

        Assert.All(batches, b => Assert.Equal(0, b.ColumnCount));
        Assert.Equal(6, batches.Sum(b => b.Length));
    }

    [Fact]
    public void MaxColumnChunkBytes_RefusesALargerChunkBeforeDecoding()
    {
        string path = TestFiles.ParquetTestingData("delta_byte_array.parquet");
        using var source = new ParquetSource(path) { MaxColumnChunkBytes = 100 };

        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());

        Assert.Equal(path, error.FilePath);
        Assert.Contains("beyond the limit of 100 (ParquetSource.MaxColumnChunkBytes)", error.Message, StringComparison.Ordinal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ReadWithoutReleasing()
    {
        long before = PoolBytes;
        using var source = new ParquetSource(TestFiles.ParquetTestingData("delta_byte_array.parquet"));
        var batches = source.ReadBatches(null, Token).ToList();
        long held = PoolBytes - before;
        GC.KeepAlive(batches);
        return held;
    }
}
