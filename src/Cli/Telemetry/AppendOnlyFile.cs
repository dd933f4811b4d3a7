using System.Diagnostics;
using System.Text;

namespace Dq.Cli.Telemetry;

/// <summary>
/// Appends text to a file that other processes append to at the same time (several <c>dq</c> runs sharing one metrics
/// file that the CloudWatch agent tails), so that no append overwrites or splits another.
/// </summary>
/// <remarks>
/// .NET's <see cref="FileMode.Append"/> is not an atomic append: it opens without <c>O_APPEND</c>, remembers where the
/// file ended and writes there (dotnet/runtime#53432), so two writers overwrite each other. So each append holds the
/// file exclusively (<see cref="FileShare.None"/>: an advisory <c>flock</c> on Unix, a sharing lock on Windows) while it
/// finds the end and writes everything in one unbuffered write; a writer that finds the file held waits and retries,
/// for at most <see cref="MaxWait"/>. Readers (the agent) never take the lock and are not blocked.
/// </remarks>
internal static class AppendOnlyFile
{
    /// <summary>How long an append waits for other writers before it gives up.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    // What .NET puts in HResult when another handle holds the file: ERROR_SHARING_VIOLATION on Windows; on Unix the
    // errno of the failed non-blocking flock, EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int WouldBlockLinux = 11;
    private const int WouldBlockBsd = 35;

    /// <summary>Appends <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating the file and its folder if needed.</summary>
    /// <exception cref="IOException">The file could not be written, or stayed held by others for <see cref="MaxWait"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder may not be written.</exception>
    public static void Append(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes(text);
        var waited = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
                stream.Write(bytes);
                return;
            }
            catch (IOException e) when (IsHeldByAnother(e) && waited.Elapsed < MaxWait)
            {
                // Another writer holds the file for the few microseconds of its append: back off a little, with jitter.
                Thread.Sleep(Random.Shared.Next(1, Math.Min(50, 2 + attempt * 5)));
            }
        }
    }

    private static bool IsHeldByAnother(IOException e) =>
        OperatingSystem.IsWindows() ? e.HResult == SharingViolation
        : OperatingSystem.IsLinux() ? e.HResult == WouldBlockLinux
        : e.HResult == WouldBlockBsd;
}
