using System.Text;

namespace Dq.Reporting.DataDocs;

/// <summary>Writing the site's files: each through a temporary file and a rename, so a reader sees a whole file or the old one.</summary>
internal static class SiteFiles
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> with what <paramref name="write"/> puts in the stream.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Writes <paramref name="html"/> as UTF-8 to <paramref name="path"/>.</summary>
    public static void WritePage(string path, string html) =>
        WriteAtomically(path, stream =>
        {
            var bytes = s_utf8.GetBytes(html);
            stream.Write(bytes);
        });

    /// <summary>Writes the page unless the file already holds exactly this HTML; true when it wrote.</summary>
    public static bool WritePageIfChanged(string path, string html)
    {
        var bytes = s_utf8.GetBytes(html);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }
        WriteAtomically(path, stream => stream.Write(bytes));
        return true;
    }

    /// <summary>True for the temporary files <see cref="WriteAtomically"/> leaves when a process is killed mid-write.</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(".tmp", StringComparison.Ordinal);
}
