using System.Text;

namespace Dq.Expectations;

/// <summary>
/// Reads a configuration file (a suite, a checkpoint, a baseline) as text: strict UTF-8 (a byte that is not UTF-8 is
/// an error with its line and column, never a silent U+FFFD in a name), and no larger than <see cref="MaxBytes"/>.
/// </summary>
public static class ConfigurationText
{
    /// <summary>
    /// The largest suite file read: far above any real suite (the biggest GX suites are a few hundred KB), and low
    /// enough that <c>--suite /dev/zero</c> or a runaway generator ends in an error instead of exhausting memory.
    /// </summary>
    public const int MaxBytes = 64 << 20;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages ("suite file", "checkpoint").</param>
    /// <returns>The text, without a byte order mark.</returns>
    /// <exception cref="ConfigurationException">The file cannot be read, is too large or is not UTF-8.</exception>
    public static string Read(string path, string what)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new ConfigurationException($"{what} `{path}` is larger than {MaxBytes >> 20} MiB, the most dq reads as one file; split it into several suites.");
                }
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{what} `{path}` cannot be read: {e.Message}", e);
        }
        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return s_strictUtf8.GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = Location(bytes, bom + Math.Max(0, e.Index));
            throw new ConfigurationException($"{what} `{path}` line {line}, column {column}: the bytes there are not valid UTF-8; save the file as UTF-8.", e);
        }
    }

    private static (int Line, int Column) Location(byte[] bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1);
    }
}
