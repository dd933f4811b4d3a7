using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>
/// Tables told how many keys to expect (presized into one <see cref="HugePageArena"/>) hold exactly the groups of
/// tables that grow step by step: when the guess is right, when more keys come than expected, when few distinct
/// values come (the arena is then never touched), and through the engine over batches in memory.
/// </summary>
public sealed class PlannedSlotsTests
{
    [Fact]
    public void PresizedTable_ExpectedKeys_SameGroupsAndRepeatsAsGrowingTable()
    {
        // 400K rows of ids with one in ten repeated, first rows either side of the 2^31 a slot's tag can hold.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400_000).Select(i => (Key: random.Next(10) == 0 ? random.Next(i + 1) * 7919L : i * 7919L, Row: (1L << 31) - 200_000 + i)).ToList();
        var (growing, presized) = (new IntegerGroupTable(), new IntegerGroupTable(rows.Count));

        var growingRepeats = rows.Select(r => growing.Add(r.Key, r.Row)).ToList();
        var presizedRepeats = rows.Select(r => presized.Add(r.Key, r.Row)).ToList();

        Assert.Equal(growingRepeats, presizedRepeats);
        Assert.Equal(Sorted(growing), Sorted(presized));
        var (growingMembers, growingFirstRows) = Repeated(growing);
        var (presizedMembers, presizedFirstRows) = Repeated(presized);
        Assert.Equal(growingMembers, presizedMembers);
        Assert.Equal(growingFirstRows, presizedFirstRows);
        // Every partition moved into its slice of the arena, and stayed there.
        Assert.NotNull(presized.Planned?.Arena);
        Assert.All(presized.Partitions, p => Assert.Equal(presized.Planned!.SlotsPerPartition, p.Capacity));
    }

    [Fact]
    public void PresizedTable_FourTimesMoreKeysThanExpected_GrowsOutOfItsSlicesWithSameGroups()
    {
        var keys = Enumerable.Range(0, 1_200_000).Select(i => i * 104_729L).ToList();
        var (growing, presized) = (new IntegerGroupTable(), new IntegerGroupTable(300_000));
        for (var row = 0; row < keys.Count; row++)
        {
            growing.Add(keys[row], row);
            presized.Add(keys[row], row);
        }

        Assert.Equal(Sorted(growing), Sorted(presized));
        Assert.All(presized.Partitions, p => Assert.True(p.Capacity > presized.Planned!.SlotsPerPartition));
    }

    [Fact]
    public void PresizedTable_FewDistinctValues_NeverAllocatesTheArena()
    {
        var table = new IntegerGroupTable(1_000_000);
        for (var row = 0; row < 1_000_000; row++)
        {
            table.Add(row % 1000, row);
        }

        Assert.Equal(1000, table.Count);
        Assert.NotNull(table.Planned);
        Assert.Null(table.Planned.Arena);
    }

    [Fact]
    public void PresizedTable_AbsorbedIntoAnother_FreesItsArenaAndKeepsEveryGroup()
    {
        var (a, b) = (new IntegerGroupTable(600_000), new IntegerGroupTable(600_000));
        for (var i = 0; i < 600_000; i++)
        {
            (i < 300_000 ? a : b).Add(i % 400_000, i); // b's keys below 200,000 are in a too
        }
        var arena = b.Planned!.Arena!;
        var repeats = new SmallestRows(int.MaxValue);

        a.Absorb(b, repeats);

        Assert.True(IsFreed(arena));
        Assert.Equal(400_000, a.Count);
        Assert.Equal(200_000, repeats.Sorted().Count);
        Assert.All(a.Groups(), g => Assert.Equal(g.Key < 200_000 ? 2 : 1, g.Count));
    }

    [Fact]
    public unsafe void HugePageArena_Allocated_IsZeroedWritableAndFreesOnce()
    {
        var arena = new HugePageArena(5 << 20);
        var bytes = new Span<byte>(arena.Pointer, 5 << 20);

        Assert.True(bytes.IndexOfAnyExcept((byte)0) < 0);
        bytes.Fill(0xAB);
        Assert.Equal(0xAB, bytes[^1]);
        Assert.Equal(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
            is System.Runtime.InteropServices.Architecture.X64 or System.Runtime.InteropServices.Architecture.Arm64, arena.IsMapped);
        // The huge-page path hands out a block aligned to a huge page, so the kernel can back it with them.
        Assert.True(!arena.IsMapped || (nuint)arena.Pointer % (2 << 20) == 0);
        arena.Free();
        Assert.True(arena.Pointer == null);
        arena.Free();
    }

    [Fact]
    public void Validate_BatchesInMemoryVersusStreamed_SameUniquenessResult()
    {
        // In memory the engine knows the rows and presizes the table; streamed through a wrapper it cannot.
        var random = new Random(11);
        var schema = new Schema([new Field("id", Int64Type.Default, true)], null);
        var batches = Enumerable.Range(0, 5).Select(b =>
        {
            var ids = new Int64Array.Builder();
            for (var i = 0; i < 100_000; i++)
            {
                var row = b * 100_000 + i;
                if (random.Next(50) == 0)
                {
                    ids.AppendNull();
                }
                else
                {
                    ids.Append(random.Next(200) == 0 ? random.Next(row + 1) : row);
                }
            }
            return new RecordBatch(schema, [ids.Build()], 100_000);
        }).ToList();
        var suite = ExpectationSuite.Create("ids").ExpectColumnValuesToBeUnique("id").WithResultFormat(ResultFormatLevel.Complete).Build();

        foreach (var threads in new[] { 1, 2 })
        {
            var options = new ValidationOptions { Threads = threads, RunId = "run" };
            using var loaded = new RecordBatchSource(schema, batches);
            using var streamed = new StreamedSource(loaded);
            var cancel = TestContext.Current.CancellationToken;
            Assert.Equal(Json(Validator.Validate(streamed, suite, options, cancel)), Json(Validator.Validate(loaded, suite, options, cancel)));
        }
    }

    private static unsafe bool IsFreed(HugePageArena arena) => arena.Pointer == null;

    private static List<(long Key, long Count, long FirstRow)> Sorted(IntegerGroupTable table) => [.. table.Groups().OrderBy(g => g.Key)];

    private static (long Members, List<(long Row, long Key)> FirstRows) Repeated(IntegerGroupTable table)
    {
        var firstRows = new SmallestRows(int.MaxValue);
        long members = 0;
        foreach (var partition in table.Partitions)
        {
            partition.AddRepeated(firstRows, ref members);
        }
        return (members, [.. firstRows.Sorted()]);
    }

    /// <summary>The results of the expectations: everything but the run's metadata (its time and duration differ).</summary>
    private static string Json(ValidationResult result) => ValidationResultJson.ToNode(result)["results"]!.ToJsonString();

    /// <summary>Batches handed on one by one, as a reader does: the engine cannot know how many rows come.</summary>
    private sealed class StreamedSource(IBatchSource inner) : IBatchSource
    {
        public string Name => inner.Name;

        public Schema Schema => inner.Schema;

        public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default) =>
            inner.ReadBatches(columns, cancellationToken);

        public void Dispose() { }
    }
}
