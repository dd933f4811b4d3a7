using System.Runtime.InteropServices;

namespace Dq.Cli;

/// <summary>
/// What kind of file system node a path is. .NET reports a character device, a FIFO and a regular file alike
/// (<see cref="FileAttributes.Normal"/>), so the node's type comes from <c>stat(2)</c>.
/// </summary>
internal static partial class FileKind
{
    private const uint TypeMask = 0xF000;   // S_IFMT
    private const uint Regular = 0x8000;    // S_IFREG
    private const uint Directory = 0x4000;  // S_IFDIR

    /// <summary>
    /// True when <paramref name="path"/> (symbolic links followed) exists and is neither a regular file nor a folder:
    /// a character or block device (<c>/dev/null</c>, a terminal), a FIFO or a socket. Such a node is written
    /// through, never replaced.
    /// </summary>
    public static bool IsSpecial(string path) => Mode(path) is { } mode && (mode & TypeMask) is not (Regular or Directory);

    /// <summary>The <c>st_mode</c> of the node, or null when it does not exist or this platform's layout is unknown.</summary>
    private static uint? Mode(string path)
    {
        // st_mode's place in struct stat: Linux x86-64 after st_dev, st_ino and an 8-byte st_nlink; Linux arm64
        // (the generic layout) after st_dev and st_ino; macOS after a 4-byte st_dev, as 16 bits.
        var (offset, width) = RuntimeInformation.OSArchitecture switch
        {
            _ when OperatingSystem.IsMacOS() => (4, 2),
            Architecture.X64 when OperatingSystem.IsLinux() => (24, 4),
            Architecture.Arm64 when OperatingSystem.IsLinux() => (16, 4),
            _ => (-1, 0),
        };
        if (offset < 0)
        {
            return null;
        }
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null; // a C library older than glibc 2.33 exports stat only as __xstat
        }
        return width == 2 ? BitConverter.ToUInt16(buffer, offset) : BitConverter.ToUInt32(buffer, offset);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
