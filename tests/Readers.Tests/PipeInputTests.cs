using System.Diagnostics;
using Dq.Expectations;
using Dq.Expectations.Columns;

namespace Dq.Readers.Tests;

/// <summary>
/// A named pipe given as a data file is refused with a clear error: the readers open a file more than once, and a
/// second open of a pipe would start where the first one stopped, so a validation would pass on part of the rows.
/// </summary>
public sealed class PipeInputTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(DataFormat.Auto)]
    [InlineData(DataFormat.Csv)]
    [InlineData(DataFormat.JsonLines)]
    [InlineData(DataFormat.Parquet)]
    [InlineData(DataFormat.Arrow)]
    public void Open_NamedPipe_IsADataReadErrorThatSaysToWriteAFile(DataFormat format)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Named pipes in the file system (mkfifo) are a Unix feature.");
        string pipe = _files.PathOf($"rows-{format}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(pipe)!);
        MakeFifo(pipe);
        // The writer blocks until a reader opens the pipe, then writes rows until it is done or the reader goes away
        // (finite, so that a reader that wrongly accepts the pipe ends with partial rows instead of hanging).
        Task writer = Task.Run(() => WriteRows(pipe), TestContext.Current.CancellationToken);

        var error = Assert.Throws<DataReadException>(() =>
        {
            using IBatchSource source = BatchSources.Open(pipe, format);
            _ = source.Schema;
            _ = BatchValues.ReadAll(source);
        });

        Assert.Equal(pipe, error.FilePath);
        Assert.Contains("is a pipe or a device, not a file", error.Message, StringComparison.Ordinal);
        Assert.Contains("Write the data to a file first", error.Message, StringComparison.Ordinal);
        ReleaseWriter(pipe, writer);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        Assert.True(mkfifo.WaitForExit(s_timeout) && mkfifo.ExitCode == 0, mkfifo.StandardError.ReadToEnd());
    }

    private static void WriteRows(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            byte[] rows = "id,name\n1,a\n2,b\n"u8.ToArray();
            for (var i = 0; i < 10_000; i++)
            {
                stream.Write(rows);
            }
        }
        catch (IOException)
        {
            // The reader closed its end: the write fails with a broken pipe, which is the end of this writer.
        }
    }

    /// <summary>If the reader refused the pipe before the writer opened it, a reader of our own lets the writer finish.</summary>
    private static void ReleaseWriter(string path, Task writer)
    {
        if (!writer.Wait(TimeSpan.FromMilliseconds(200)))
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read))
            {
            }
            Assert.True(writer.Wait(s_timeout), "the pipe's writer did not finish");
        }
    }
}
