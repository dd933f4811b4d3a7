using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Typed;

/// <summary>
/// Columns of dates, timestamps, times, durations, decimals, booleans and binary are scanned as their stored integers
/// or bytes. Whatever the type, a column built from raw stored values must give the answers a naive reference
/// computes from those raw values: the rows in duplicated groups, the rows that break an order, the number of
/// distinct values, and the extremes (the value of the raw minimum / maximum). Drawn with many repeats, nulls,
/// slicing offsets, batch splits and 1 or 2 threads.
/// </summary>
public sealed class TypedColumnsPropertyTests
{
    /// <summary>A column type and how a raw value (a small integer) is stored in it; Orders/Extremes say which checks apply.</summary>
    public sealed record Kind(string Name, IArrowType Type, bool Orders, bool Extremes)
    {
        public override string ToString() => Name;
    }

    public static readonly Kind[] Kinds =
    [
        new("timestamp[s]", new TimestampType(TimeUnit.Second, (string?)null), true, true),
        new("timestamp[ms, UTC]", new TimestampType(TimeUnit.Millisecond, "UTC"), true, true),
        new("timestamp[us]", new TimestampType(TimeUnit.Microsecond, (string?)null), true, true),
        new("timestamp[ns, +01:00]", new TimestampType(TimeUnit.Nanosecond, "+01:00"), true, true),
        new("date32", Date32Type.Default, true, true),
        new("date64", Date64Type.Default, true, true),
        new("time32[ms]", new Time32Type(TimeUnit.Millisecond), true, true),
        new("time64[us]", new Time64Type(TimeUnit.Microsecond), true, true),
        new("duration[ms]", DurationType.Millisecond, true, true),
        new("decimal128(10, 2)", new Decimal128Type(10, 2), true, true),
        new("decimal128(30, 4)", new Decimal128Type(30, 4), true, true),
        new("bool", BooleanType.Default, true, true),
        new("binary", BinaryType.Default, false, false),
        new("fixed_size_binary(8)", new FixedSizeBinaryType(8), false, false),
    ];

    public sealed record Case(int KindIndex, long?[] Raw, int Padding, int BatchRows, int Threads)
    {
        public Kind Kind => Kinds[KindIndex];

        public override string ToString() =>
            $"{Kind}, padding {Padding}, batches of {BatchRows}, {Threads} threads, raw [{string.Join(", ", Raw.Select(r => r?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"))}]";
    }

    [Property(MaxTest = 300)]
    public Property Validate_TypedColumn_AgreesWithNaiveReferenceOnRawValues() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            // Booleans store raw values modulo 2; the reference judges what is stored.
            long?[] stored = c.Kind.Type is BooleanType ? [.. c.Raw.Select(r => r is { } v ? Math.Abs(v) % 2 : (long?)null)] : c.Raw;
            var column = ArrowArrayFactory.Slice(Build(c.Kind.Type, [.. Enumerable.Repeat((long?)0, c.Padding), .. stored]), c.Padding, stored.Length);
            var batch = Arrays.Batch(("x", column));
            var suite = Suite(c.Kind);
            var options = new ValidationOptions { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = c.Threads, RunId = "run" };
            var json = Runs.Validate(batch.Schema, Arrays.Split(batch, c.BatchRows), suite, options).Json;

            var problems = new List<string>();
            Check(problems, "duplicated rows", DuplicatedRows(stored), Runs.UnexpectedIndexes(json, 0));
            Check(problems, "distinct count", [stored.Where(v => v is not null).Distinct().LongCount()], [Runs.Result(json, 1)["observed_value"]!.GetValue<long>()]);
            if (c.Kind.Orders)
            {
                Check(problems, "increasing breaks", OrderBreaks(stored, decreasing: false), Runs.UnexpectedIndexes(json, 2));
                Check(problems, "strictly decreasing breaks", OrderBreaks(stored, decreasing: true), Runs.UnexpectedIndexes(json, 3));
            }
            if (c.Kind.Extremes && stored.Any(v => v is not null))
            {
                var min = stored.Where(v => v is not null).Min()!.Value;
                var max = stored.Where(v => v is not null).Max()!.Value;
                CheckValue(problems, "min", ValueOf(c.Kind, min), Runs.Result(json, 4)["observed_value"]);
                CheckValue(problems, "max", ValueOf(c.Kind, max), Runs.Result(json, 5)["observed_value"]);
            }
            if (c.Kind.Type is Decimal128Type or BooleanType && stored.Count(v => v is not null) >= 2)
            {
                var unit = c.Kind.Type is Decimal128Type d ? Math.Pow(10, d.Scale) / (d.Precision > 18 ? 1e20 : 1) : 1;
                var reals = stored.Where(v => v is not null).Select(v => v!.Value / unit).ToArray();
                var mean = reals.Average();
                var stdev = Math.Sqrt(reals.Sum(r => (r - mean) * (r - mean)) / (reals.Length - 1));
                CheckClose(problems, "mean", mean, Runs.Result(json, 6)["observed_value"]!.GetValue<double>());
                CheckClose(problems, "stdev", stdev, Runs.Result(json, 7)["observed_value"]!.GetValue<double>());
            }
            if (c.Kind.Type is Decimal128Type scaled)
            {
                // Bounds between the values: the range check must agree with each value's decimal read as a double.
                var unit = Math.Pow(10, scaled.Scale) / (scaled.Precision > 18 ? 1e20 : 1);
                long[] outside = [.. stored.Select((v, i) => (v, i)).Where(p => p.v is { } x && (x / unit < RangeLow || x / unit > RangeHigh)).Select(p => (long)p.i)];
                Check(problems, "outside the range", outside, Runs.UnexpectedIndexes(json, 8));
            }
            return (problems.Count == 0).Label(string.Join("; ", problems));
        });

    private static ExpectationSuite Suite(Kind kind)
    {
        var builder = ExpectationSuite.Create("typed")
            .ExpectColumnValuesToBeUnique("x")
            .Expect("expect_column_unique_value_count_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = 0 });
        if (kind.Orders)
        {
            builder = builder.ExpectColumnValuesToBeIncreasing("x")
                .Expect("expect_column_values_to_be_decreasing", new Dictionary<string, object?> { ["column"] = "x", ["strictly"] = true });
        }
        if (kind.Extremes)
        {
            builder = builder
                .Expect("expect_column_min_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = null, ["max_value"] = null })
                .Expect("expect_column_max_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = null, ["max_value"] = null });
        }
        if (kind.Type is Decimal128Type or BooleanType)
        {
            builder = builder
                .Expect("expect_column_mean_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = null, ["max_value"] = null })
                .Expect("expect_column_stdev_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = null, ["max_value"] = null });
        }
        if (kind.Type is Decimal128Type)
        {
            builder = builder.ExpectColumnValuesToBeBetween("x", RangeLow, RangeHigh);
        }
        return builder.Build();
    }

    private const double RangeLow = -0.125, RangeHigh = 2.5;

    private static long[] DuplicatedRows(long?[] values) =>
        [.. values.Select((v, i) => (v, i)).Where(p => p.v is not null && values.Count(w => w == p.v) > 1).Select(p => (long)p.i)];

    /// <summary>Rows whose value is not after (or, strictly, not before) the previous non-null value.</summary>
    private static long[] OrderBreaks(long?[] values, bool decreasing)
    {
        var rows = new List<long>();
        long? previous = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } v)
            {
                continue;
            }
            if (previous is { } p && (decreasing ? v >= p : v < p))
            {
                rows.Add(i);
            }
            previous = v;
        }
        return [.. rows];
    }

    /// <summary>The observed value the engine reports for one stored value: the same column of that single value.</summary>
    private static JsonNode? ValueOf(Kind kind, long raw)
    {
        var single = Arrays.Batch(("x", Build(kind.Type, [raw])));
        var suite = ExpectationSuite.Create("one")
            .Expect("expect_column_min_to_be_between", new Dictionary<string, object?> { ["column"] = "x", ["min_value"] = null, ["max_value"] = null })
            .Build();
        return Runs.Result(Runs.Json(single, suite))["observed_value"];
    }

    private static void Check(List<string> problems, string what, long[] expected, long[] actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            problems.Add($"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }
    }

    private static void CheckClose(List<string> problems, string what, double expected, double actual)
    {
        if (Math.Abs(expected - actual) > 1e-9 * Math.Max(1, Math.Abs(expected)))
        {
            problems.Add($"{what}: expected {expected:R}, got {actual:R}");
        }
    }

    private static void CheckValue(List<string> problems, string what, JsonNode? expected, JsonNode? actual)
    {
        if (expected?.ToJsonString() != actual?.ToJsonString())
        {
            problems.Add($"{what}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
        }
    }

    /// <summary>An array of <paramref name="type"/> whose stored values are the raw values (scaled for wide decimals).</summary>
    internal static IArrowArray Build(IArrowType type, IReadOnlyList<long?> raw)
    {
        var validity = new ArrowBuffer.BitmapBuilder(raw.Count);
        foreach (var value in raw)
        {
            validity.Append(value is not null);
        }
        var nulls = raw.Count(v => v is null);
        ArrowBuffer[] buffers = type switch
        {
            BooleanType => [validity.Build(), Bits(raw)],
            BinaryType => Binary(raw, validity.Build()),
            Decimal128Type decimals => [validity.Build(), Decimals(raw, wide: decimals.Precision > 18)],
            FixedSizeBinaryType => [validity.Build(), new ArrowBuffer(raw.SelectMany(v => BigEndian(v ?? 0)).ToArray())],
            Date32Type or Time32Type => [validity.Build(), new ArrowBuffer.Builder<int>().AppendRange(raw.Select(v => (int)(v ?? 0))).Build()],
            _ => [validity.Build(), new ArrowBuffer.Builder<long>().AppendRange(raw.Select(v => Scale(type, v ?? 0))).Build()],
        };
        return ArrowArrayFactory.BuildArray(new ArrayData(type, raw.Count, nulls, 0, buffers));
    }

    /// <summary>Date64 values are whole days in milliseconds, as Arrow requires.</summary>
    private static long Scale(IArrowType type, long raw) => type is Date64Type ? raw * 86_400_000 : raw;

    private static ArrowBuffer Bits(IReadOnlyList<long?> raw)
    {
        var bits = new ArrowBuffer.BitmapBuilder(raw.Count);
        foreach (var value in raw)
        {
            bits.Append(value is 1);
        }
        return bits.Build();
    }

    /// <summary>Wide decimals multiply the raw value by 10^20, so the unscaled values need more than 64 bits.</summary>
    private static ArrowBuffer Decimals(IReadOnlyList<long?> raw, bool wide)
    {
        var bytes = new byte[raw.Count * 16];
        for (var i = 0; i < raw.Count; i++)
        {
            var value = (Int128)(raw[i] ?? 0) * (wide ? Int128.Parse("100000000000000000000", System.Globalization.CultureInfo.InvariantCulture) : 1);
            BinaryPrimitives.WriteInt128LittleEndian(bytes.AsSpan(i * 16), value);
        }
        return new ArrowBuffer(bytes);
    }

    private static ArrowBuffer[] Binary(IReadOnlyList<long?> raw, ArrowBuffer validity)
    {
        var offsets = new ArrowBuffer.Builder<int>();
        var data = new List<byte>();
        offsets.Append(0);
        foreach (var value in raw)
        {
            // Lengths vary with the value (trailing zero bytes), so lengths as well as bytes tell values apart.
            data.AddRange(value is { } v ? [.. BigEndian(v), .. new byte[Math.Abs(v) % 3]] : []);
            offsets.Append(data.Count);
        }
        return [validity, offsets.Build(), new ArrowBuffer(data.ToArray())];
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static Gen<Case> Cases() =>
        from kind in Gen.Choose(0, Kinds.Length - 1)
        from length in Gen.Choose(0, 200)
        from spread in Gen.Elements(3, 30, 1_000_000)
        from raw in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant((long?)null)), (6, Gen.Choose(-spread, spread).Select(v => (long?)v))), length)
        from padding in Gen.Elements(0, 3, 64)
        from batchRows in Gen.Elements(1, 7, 64, 1_000)
        from threads in Gen.Elements(1, 2)
        select new Case(kind, TimeOfDay(kind, raw), padding, batchRows, threads);

    /// <summary>A time of day is never negative; dates stay within the years 1 to 9999 (readers refuse others).</summary>
    private static long?[] TimeOfDay(int kind, long?[] raw) => Kinds[kind].Type switch
    {
        Time32Type or Time64Type => [.. raw.Select(v => v is { } x ? Math.Abs(x) : (long?)null)],
        Date32Type or Date64Type => [.. raw.Select(v => v % 700_000)],
        _ => raw,
    };
}
