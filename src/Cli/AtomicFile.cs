using Dq.Expectations;

namespace Dq.Cli;

/// <summary>
/// Writes an output file so that it is either complete or absent: the content goes to a temporary file in the
/// same folder, which is renamed over the target only once it is fully written and flushed.
/// </summary>
/// <remarks>
/// A symbolic link is followed: the file it points to is replaced and the link stays. A node that is not a regular
/// file (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO) is written through and never replaced by a file. A folder is
/// an error. Temporary files left by a killed run (older than <see cref="StaleAfter"/>) are removed on the next write
/// of the same file.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>How old an unfinished temporary file must be before it counts as left behind by a killed run.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public static void Write(string path, Action<Stream> write) => Stage(path, write).Commit();

    /// <summary>
    /// Writes the content now, to a temporary file beside <paramref name="path"/>, and renames it over the target
    /// only on <see cref="StagedFile.Commit"/>: a run writes all its outputs first and commits them together, so a
    /// signal in between leaves none of them. A device or FIFO is written on commit (it cannot be staged).
    /// </summary>
    public static StagedFile Stage(string path, Action<Stream> write)
    {
        var full = Target(Path.GetFullPath(path));
        if (Directory.Exists(full))
        {
            throw new ConfigurationException($"the output `{path}` is a folder; give a file name.");
        }
        if (FileKind.IsSpecial(full))
        {
            return new StagedFile(full, null, write);
        }
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        RemoveStale(folder, Path.GetFileName(full));
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return new StagedFile(full, temporary, null);
    }

    /// <summary>An output written to its temporary file (or, for a device, waiting to be written), not yet in place.</summary>
    internal sealed class StagedFile(string target, string? temporary, Action<Stream>? deviceWrite) : IDisposable
    {
        private bool _done;

        /// <summary>Puts the output in place: a rename for a file, the write itself for a device or FIFO.</summary>
        public void Commit()
        {
            if (_done)
            {
                return;
            }
            _done = true;
            if (temporary is not null)
            {
                try
                {
                    File.Move(temporary, target, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temporary))
                    {
                        File.Delete(temporary);
                    }
                }
                return;
            }
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            deviceWrite!(device);
            device.Flush();
        }

        /// <summary>Removes the temporary file unless committed.</summary>
        public void Dispose()
        {
            if (!_done && temporary is not null && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            _done = true;
        }
    }

    /// <summary>The file a path finally names: the target of its chain of symbolic links (even a dangling one), or itself.</summary>
    private static string Target(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }
        try
        {
            if (info.ResolveLinkTarget(returnFinalTarget: true) is { } final)
            {
                return final.FullName;
            }
        }
        catch (IOException e)
        {
            throw new ConfigurationException($"the output `{full}` is a symbolic link that cannot be followed ({e.Message}); give a plain file name.");
        }
        return Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(full)!);
    }

    private static void RemoveStale(string folder, string name)
    {
        IEnumerable<string> leftovers;
        try
        {
            leftovers = Directory.EnumerateFiles(folder, $".{name}.*.tmp");
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var file in leftovers)
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                }
            }
            catch (IOException)
            {
                // Another run is removing it, or it is in use: not ours to fight over.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
