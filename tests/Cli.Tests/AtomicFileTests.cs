using System.Diagnostics;
using System.Text;

namespace Dq.Cli.Tests;

/// <summary>
/// Output files: complete or absent, and never a replaced node that is not a regular file (a device, a FIFO), nor a
/// replaced symbolic link.
/// </summary>
public sealed class AtomicFileTests : TempFolderTest
{
    private static void WriteText(string path, string text) => AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Devices_AreSpecial_RegularFilesAndFoldersAreNot()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The device nodes are Linux's.");
        var file = Write("plain.txt", "x");

        Assert.True(FileKind.IsSpecial("/dev/null"));
        Assert.True(FileKind.IsSpecial("/dev/zero"));
        Assert.False(FileKind.IsSpecial(file));
        Assert.False(FileKind.IsSpecial(Folder));
        Assert.False(FileKind.IsSpecial(Path.Combine(Folder, "absent")));
    }

    [Fact]
    public async Task Fifo_IsWrittenThroughAndStaysAFifo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo is a POSIX tool.");
        var fifo = Path.Combine(Folder, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        Assert.True(FileKind.IsSpecial(fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);

        WriteText(fifo, "through the pipe");

        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.True(FileKind.IsSpecial(fifo), "the FIFO was replaced by a file");
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void Symlink_IsFollowed_TheLinkStaysAndItsTargetIsReplaced()
    {
        var target = Write(Path.Combine("real", "result.json"), "old");
        var link = Path.Combine(Folder, "result.json");
        File.CreateSymbolicLink(link, target);

        WriteText(link, "new");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void DanglingSymlink_CreatesItsTarget()
    {
        var link = Path.Combine(Folder, "out.json");
        File.CreateSymbolicLink(link, Path.Combine("made", "later.json"));
        Directory.CreateDirectory(Path.Combine(Folder, "made"));

        WriteText(link, "content");

        Assert.Equal("content", File.ReadAllText(Path.Combine(Folder, "made", "later.json")));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Folder_IsAnErrorThatNamesIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "reports")).FullName;

        var error = Assert.Throws<Dq.Expectations.ConfigurationException>(() => WriteText(folder, "x"));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void StaleTemporaryFiles_OfTheSameOutput_AreRemoved_FreshOnesKept()
    {
        var stale = Write($".result.json.{Guid.NewGuid():N}.tmp", "left by kill -9");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1));
        var fresh = Write($".result.json.{Guid.NewGuid():N}.tmp", "another run is writing");
        var other = Write($".other.json.{Guid.NewGuid():N}.tmp", "not ours");
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow - TimeSpan.FromDays(1));

        WriteText(Path.Combine(Folder, "result.json"), "{}");

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(other));
    }
}
