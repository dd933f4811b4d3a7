using System.Text;
using Dq.Readers.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace Dq.Readers.Tests;

/// <summary>
/// The tokenizer must give the same rows however the bytes arrive: every split point of a tricky file, random read sizes
/// on generated files, and every vector variant of the scan (forced), all against <see cref="ReferenceCsv"/>.
/// </summary>
[Collection(nameof(ScanVariantCollection))]
public sealed class CsvStreamingTests
{
    private const string Tricky =
        "\uFEFFid,text,amount\r\n1,\"a,b\",1.5\n2,\"line\r\nbreak \"\"quoted\"\"\",-2\r3,plain é 日,\n\n4,\"\",3e2\r\n5,\"x\"\"\",7";

    private static List<object?[]> Read(byte[] bytes, int[] chunks, CsvReaderOptions? options = null)
    {
        using var source = new CsvSource("test.csv", () => new ChunkedStream(bytes, chunks), options);
        return BatchValues.ReadAll(source);
    }

    [Fact]
    public void EverySplitPoint_GivesTheSameRows()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Tricky);
        List<object?[]> expected = Read(bytes, [int.MaxValue]);

        for (int split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(expected, Read(bytes, [split, int.MaxValue]));
        }
        Assert.Equal(5, expected.Count);
        Assert.Equal([2L, "line\r\nbreak \"quoted\"", -2.0], expected[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void EveryReadSize_GivesTheSameRows(int size)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Tricky);

        Assert.Equal(Read(bytes, [int.MaxValue]), Read(bytes, [size]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void GeneratedFiles_InPieces_MatchReference_ForEachScanVariant(int variant)
    {
        CsvTokenizer.ForcedVariant = (CsvScanVariant)variant;
        try
        {
            Gen<(string Text, int[] Chunks)> gen =
                from rows in Gen.Elements("a", "\"b,c\"", "\"q,\"\"x\"\"\"", "\"l\nm\"", "\"\"", "é日", "z\r").ArrayOf(3).ArrayOf()
                from chunks in Gen.Choose(1, 40).NonEmptyListOf()
                select (Text(rows), chunks.ToArray());
            Prop.ForAll(gen.ToArbitrary(), input =>
            {
                (_, List<string?[]> reference) = ReferenceCsv.Parse(input.Text);
                var options = new CsvReaderOptions { Schema = CsvSchema.Parse("x:string,y:string,z:string"), BatchSize = 3 };

                var read = Read(Encoding.UTF8.GetBytes(input.Text), input.Chunks, options);

                Assert.Equal(reference.Select(r => r.Cast<object?>().ToArray()), read);
            }).QuickCheckThrowOnFailure();
        }
        finally
        {
            CsvTokenizer.ForcedVariant = null;
        }
    }

    [Fact]
    public void LongFields_CrossVectorAndBufferBoundaries()
    {
        string wide = new('w', 100_000);
        string text = $"a,b\n{wide},\"{wide}\n{wide}\"\n1,2\n";

        var rows = Read(Encoding.UTF8.GetBytes(text), [4096, 1, 33]);

        Assert.Equal([[wide, wide + "\n" + wide], ["1", "2"]], rows);
    }

    private static string Text(string[][] rows)
    {
        var text = new StringBuilder("x,y,z\n");
        foreach (string[] row in rows)
        {
            // Fields ending in CR would make the row end ambiguous with CRLF for the reference; quote them.
            text.Append(string.Join(',', row.Select(f => f.EndsWith('\r') ? $"\"{f}\"" : f))).Append('\n');
        }
        return text.ToString();
    }
}

/// <summary>Tests that force <see cref="CsvTokenizer.ForcedVariant"/> must not run beside other CSV tests.</summary>
[CollectionDefinition(nameof(ScanVariantCollection), DisableParallelization = true)]
public sealed class ScanVariantCollection;
