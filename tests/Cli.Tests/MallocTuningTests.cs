using System.Runtime.InteropServices;
using Dq.Cli.Running;

namespace Dq.Cli.Tests;

public sealed class MallocTuningTests
{
    [Fact]
    public void Apply_OnGlibc_TakesBothSettings_AndElsewhereDoesNothing()
    {
        // glibc's own version call exists only in glibc: the independent answer to "is this process on glibc?".
        bool glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out IntPtr libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);

        Assert.Equal(glibc, MallocTuning.Apply());
    }
}
