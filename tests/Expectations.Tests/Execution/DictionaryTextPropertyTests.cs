using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Execution;

/// <summary>
/// A dictionary-encoded text column gives exactly the result of the plain column holding the same values: the same
/// COMPLETE result JSON for every expectation that reads text, whatever the index type, the order and padding of the
/// dictionary, its null entries, slicing, the split into batches (each with its own dictionary, or slices of one;
/// some batches plain) and the number of threads. The reference is the engine's run on plain <see cref="StringArray"/>s, split the same way.
/// </summary>
public sealed class DictionaryTextPropertyTests
{
    private static readonly ExpectationSuite s_suite = DictionaryTextSuite.Build();

    /// <param name="IndexType">Position in <see cref="TextDictionaries.IndexTypes"/>.</param>
    /// <param name="Seed">Draws each dictionary's shape.</param>
    /// <param name="BlockRows">Rows per scan block (0: the engine's default), so verdicts carry over between blocks.</param>
    /// <param name="OneDictionary">Batches are slices of one dictionary array, else each batch brings its own dictionary (or a plain array).</param>
    public sealed record Case(string?[] T, string?[] U, long?[] N, int IndexType, int Seed, int BatchRows, int BlockRows, int Threads, bool OneDictionary)
    {
        public override string ToString() =>
            $"index {TextDictionaries.IndexTypes[IndexType].Type.Name}, seed {Seed}, batches of {BatchRows}, blocks of {BlockRows}, {Threads} threads, "
            + $"{(OneDictionary ? "one dictionary" : "a dictionary per batch")}, t [{Show(T)}], u [{Show(U)}], n [{string.Join(", ", N)}]";

        private static string Show(string?[] values) => string.Join(", ", values.Select(v => v is null ? "null" : $"\"{v}\""));
    }

    [Property(MaxTest = 80)]
    public Property Validate_DictionaryEncodedText_SameResultJsonAsPlainText() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var plain = Arrays.Batch(("t", Arrays.String(c.T)), ("u", Arrays.String(c.U)), ("n", Arrays.Int64(c.N)));
            var expected = Runs.Validate(plain.Schema, Arrays.Split(plain, c.BatchRows), s_suite, Options(c.Threads), blockRows: c.BlockRows).Json;

            var (schema, batches) = DictionaryBatches(c);
            var actual = Runs.Validate(schema, batches, s_suite, Options(c.Threads), blockRows: c.BlockRows).Json;

            var difference = FirstDifference(expected, actual);
            return (difference is null).Label(difference ?? "");
        });

    /// <summary>A batch-sized dictionary (65,536 entries, most unused) in each of three batches, each its own object.</summary>
    [Fact]
    public void Validate_LargeDictionaryPerBatch_SameResultJsonAsPlainText()
    {
        var random = new Random(11);
        var rows = 3 * 4_000;
        string?[] t = [.. Enumerable.Range(0, rows).Select(_ => random.Next(20) == 0 ? null : $"k{random.Next(65_536):D5}")];
        var plain = Arrays.Batch(("t", Arrays.String(t)), ("u", Arrays.String(t.Reverse())), ("n", Arrays.Int64(t.Select(_ => (long?)random.Next(3)))));
        var suite = ExpectationSuite.Create("large")
            .ExpectColumnValuesToBeInSet("t", ["k00001", "k12345"], mostly: 0.5)
            .ExpectColumnValuesToMatchRegex("t", "^k[0-4]")
            .ExpectColumnValueLengthsToEqual("t", 6)
            .ExpectColumnValuesToBeBetween("t", "k1", "k5")
            .ExpectColumnValuesToBeUnique("t")
            .ExpectColumnValuesToBeIncreasing("t")
            .ExpectColumnPairValuesToBeEqual("t", "u")
            .Expect("expect_column_unique_value_count_to_be_between", new Dictionary<string, object?> { ["column"] = "t", ["min_value"] = 1 })
            .Build();
        var options = new ValidationOptions { ResultFormat = new ResultFormat(ResultFormatLevel.Summary), Threads = 2, RunId = "run" };
        var indexType = UInt16Type.Default;
        var keys = Enumerable.Range(0, 65_536).Select(i => (string?)$"k{i:D5}").ToList();
        var batches = Arrays.Split(plain, 4_000).Select(b => new RecordBatch(DictionarySchema(plain.Schema, indexType), [
            LargeDictionary((StringArray)b.Column(0), keys, indexType, random),
            LargeDictionary((StringArray)b.Column(1), keys, indexType, random),
            b.Column(2)], b.Length)).ToList();

        var expected = Runs.Validate(plain.Schema, Arrays.Split(plain, 4_000), suite, options).Json;
        var actual = Runs.Validate(batches[0].Schema, batches, suite, options).Json;

        Assert.Null(FirstDifference(expected, actual));
    }

    private static ValidationOptions Options(int threads) =>
        new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = threads, RunId = "run" };

    private static Gen<Case> Cases() =>
        from rows in Gen.Choose(0, 150)
        from t in Text(rows)
        from u in Text(rows)
        from n in Gen.Elements<long?>(null, 0, 1, 2).ArrayOf(rows)
        from indexType in Gen.Choose(0, TextDictionaries.IndexTypes.Length - 1)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from batchRows in Gen.Elements(1, 3, 7, 64, 65, 1_000)
        from blockRows in Gen.Elements(0, 64)
        from threads in Gen.Elements(1, 2)
        from oneDictionary in Gen.Elements(true, false)
        select new Case(t, u, n, indexType, seed, batchRows, blockRows, threads, oneDictionary);

    /// <summary>Few distinct values, so values repeat; sometimes many nulls, sometimes none.</summary>
    private static Gen<string?[]> Text(int rows) =>
        from nullEvery in Gen.Elements(0, 2, 5, 50)
        from values in Gen.Elements(DictionaryTextSuite.Pool).ArrayOf(rows)
        from nulls in Gen.Choose(0, Math.Max(0, nullEvery - 1)).ArrayOf(rows)
        select values.Zip(nulls, (v, k) => nullEvery != 0 && k == 0 ? null : (string?)v).ToArray();

    private static (Schema Schema, IReadOnlyList<RecordBatch> Batches) DictionaryBatches(Case c)
    {
        var random = new Random(c.Seed);
        var (indexType, maxEntries) = TextDictionaries.IndexTypes[c.IndexType];
        var schema = new Schema([new Field("t", TextDictionaries.Type(indexType), true), new Field("u", TextDictionaries.Type(indexType), true), new Field("n", Int64Type.Default, true)], null);
        RecordBatch Encode(string?[] t, string?[] u, IArrowArray n) => new(schema, [Text(t), Text(u), n], t.Length);
        // A file may store some row groups dictionary-encoded and others plain, so a batch of a dictionary column
        // may hold a plain array.
        IArrowArray Text(string?[] values) => !c.OneDictionary && random.Next(5) == 0
            ? Arrays.String(values)
            : TextDictionaries.Encode(values, indexType, maxEntries, random);

        if (c.OneDictionary)
        {
            return (schema, Arrays.Split(Encode(c.T, c.U, Arrays.Int64(c.N)), c.BatchRows));
        }
        var batches = new List<RecordBatch>();
        for (var start = 0; start < c.T.Length; start += c.BatchRows)
        {
            var length = Math.Min(c.BatchRows, c.T.Length - start);
            batches.Add(Encode(c.T[start..(start + length)], c.U[start..(start + length)], Arrays.Int64(c.N[start..(start + length)])));
        }
        return (schema, batches);
    }

    private static Schema DictionarySchema(Schema plain, IArrowType indexType) =>
        new([.. plain.FieldsList.Select(f => f.DataType is StringType ? new Field(f.Name, TextDictionaries.Type(indexType), true) : f)], null);

    /// <summary>All <paramref name="keys"/> as entries, shuffled: a dictionary as long as the batch or longer.</summary>
    private static DictionaryArray LargeDictionary(StringArray plain, List<string?> keys, IArrowType indexType, Random random)
    {
        var entries = keys.ToArray();
        random.Shuffle(entries);
        var position = entries.Select((k, i) => (k!, i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        var indices = new UInt16Array.Builder();
        for (var row = 0; row < plain.Length; row++)
        {
            if (plain.IsNull(row)) { indices.AppendNull(); } else { indices.Append((ushort)position[plain.GetString(row)]); }
        }
        return new DictionaryArray(TextDictionaries.Type(indexType), indices.Build(), Arrays.String(entries));
    }

    /// <summary>The first expectation whose result differs, with both results; null when the runs agree.</summary>
    private static string? FirstDifference(JsonNode expected, JsonNode actual)
    {
        var (plain, encoded) = (expected["results"]!.AsArray(), actual["results"]!.AsArray());
        for (var i = 0; i < Math.Max(plain.Count, encoded.Count); i++)
        {
            if (!JsonNode.DeepEquals(plain[i], encoded[i]))
            {
                return $"expectation {i}:\n  plain:      {plain[i]?.ToJsonString()}\n  dictionary: {encoded[i]?.ToJsonString()}";
            }
        }
        return Runs.WithoutRunMeta(expected) == Runs.WithoutRunMeta(actual) ? null : "the documents differ outside their results";
    }
}
