using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dq.Expectations;
using Dq.Expectations.Suites;

namespace Dq.Readers.Tests;

/// <summary>
/// A corrupt Arrow IPC file (a flipped byte in a length, an offset, a type or a buffer) must be a
/// <see cref="DataReadException"/> or a correct read, never a crash of the engine that scans its arrays.
/// </summary>
public sealed class ArrowCorruptionTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(true, 0x7F)] // a large positive length or offset
    [InlineData(false, 0xFF)] // a negative one
    public void EveryCorruptedByte_IsAReadErrorOrAGoodRead(bool file, byte corruption)
    {
        byte[] good = Write(file);
        var suite = ExpectationSuite.Create("corrupt")
            .ExpectColumnValuesToNotBeNull("id")
            .ExpectColumnValuesToBeUnique("id")
            .ExpectColumnValuesToBeBetween("score", min: 0, max: 10)
            .ExpectColumnValueLengthsToBeBetween("name", 0, 10)
            .ExpectColumnValuesToBeInSet("name", ["a", "c"])
            .ExpectColumnValuesToBeUnique("name")
            .ExpectColumnDistinctValuesToBeInSet("flag", [true, false])
            .Build();
        var unexpected = new List<string>();
        for (int position = 0; position < good.Length; position++)
        {
            byte[] bad = (byte[])good.Clone();
            if (bad[position] == corruption)
            {
                continue;
            }
            bad[position] = corruption;
            string path = _files.WriteBytes("c.arrow", bad);
            try
            {
                using var source = new ArrowIpcSource(path);
                _ = Validator.Validate(source, suite, new ValidationOptions { Threads = 1 }, TestContext.Current.CancellationToken);
            }
            catch (DataReadException)
            {
            }
#pragma warning disable CA1031 // the point of the test: any other exception is the bug it looks for
            catch (Exception e)
#pragma warning restore CA1031
            {
                unexpected.Add($"byte {position}: {e.GetType().Name}: {e.Message} {e.StackTrace}");
            }
        }
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {good.Length} corruptions crashed:\n{string.Join('\n', unexpected.Take(20))}");
    }

    [Fact]
    public void EmptyFile_IsAReadErrorThatSaysSo()
    {
        string path = _files.WriteBytes("empty.arrow", []);
        using var source = new ArrowIpcSource(path);

        var error = Assert.Throws<DataReadException>(() => Validator.Validate(source, ExpectationSuite.Create("s").ExpectColumnToExist("a").Build(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("no Arrow schema", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Write(bool file)
    {
        var batch = new RecordBatch.Builder()
            .Append("id", false, c => c.Int64(b => b.AppendRange([1, 2, 3, 4])))
            .Append("score", true, c => c.Double(b => b.Append(1.5).AppendNull().Append(3).Append(9)))
            .Append("name", true, c => c.String(b => b.Append("a").AppendNull().Append("c").Append("dd")))
            .Append("flag", true, c => c.Boolean(b => b.Append(true).Append(false).AppendNull().Append(true)))
            .Build();
        using var stream = new MemoryStream();
        using (ArrowStreamWriter writer = file ? new ArrowFileWriter(stream, batch.Schema, leaveOpen: true) : new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        return stream.ToArray();
    }
}
