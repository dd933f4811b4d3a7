using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dq.Cli.Tests.Packaging;

/// <summary>
/// Packs dq the way a release does and installs the tool from those packages into a temporary tool path, once for
/// the <c>tool package</c> collection: the pointer package, the framework-dependent package ("any"), the library
/// packages and, on a host that can compile it (linux-x64), the Native AOT package that a linux-x64 install picks.
/// </summary>
/// <remarks>
/// The pointer and library packages come from the build the tests run against (<c>--no-build</c>); the platform
/// packages are published by the pack itself, as in a release. A Native AOT pack needs the platform linker (clang)
/// and zlib: a host without them fails here with that said, rather than testing less.
/// </remarks>
public sealed class InstalledTool : IDisposable
{
    /// <summary>The platforms whose tool packages are Native AOT builds (the project's ToolPackageRuntimeIdentifiers, less "any").</summary>
    public static readonly string[] NativePlatforms = ["linux-x64"];

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(6);

    public InstalledTool()
    {
        Root = Directory.CreateTempSubdirectory("dq-tool-").FullName;
        Packages = Path.Combine(Root, "packages");
        // The build's own version: the install below reads a fresh private package cache, so no earlier package of
        // that version can stand in for these, and the libraries the platform packs build against stay up to date.
        Version = typeof(DqApp).Assembly.GetName().Version!.ToString(3);
        NativePlatform = NativePlatforms.FirstOrDefault(rid => rid == RuntimeInformation.RuntimeIdentifier);

        var cli = Repository.PathOf("src", "Cli");
        foreach (var project in new[] { "Expectations", "Readers", "Reporting" })
        {
            Dotnet("pack", Repository.PathOf("src", project), "-c", BuildConfiguration, "--no-build", "-o", Packages);
        }
        Dotnet("pack", cli, "-c", BuildConfiguration, "--no-build", "-o", Packages);
        Dotnet("pack", cli, "-c", BuildConfiguration, "-r", "any", "-o", Packages);
        if (NativePlatform is not null)
        {
            Dotnet("pack", cli, "-c", BuildConfiguration, "-r", NativePlatform, "-o", Packages);
        }

        // Only the local folder as a source, and a private package cache: the install must come from these packages.
        var config = Path.Combine(Root, "NuGet.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(Root, "tools");
        DotnetWithCache(Path.Combine(Root, "nuget-cache"), "tool", "install", "dq", "--tool-path", tools, "--version", Version, "--configfile", config);
        Command = Path.Combine(tools, "dq");
    }

    /// <summary>The folder holding the packages, the install and its package cache.</summary>
    public string Root { get; }

    /// <summary>The folder the packages were written to.</summary>
    public string Packages { get; }

    /// <summary>The version the packages were given.</summary>
    public string Version { get; }

    /// <summary>This host's platform when dq ships a Native AOT package for it; null when it installs the "any" package.</summary>
    public string? NativePlatform { get; }

    /// <summary>The installed <c>dq</c> command.</summary>
    public string Command { get; }

    /// <summary>The configuration these tests were built in (bin/Release/… or bin/Debug/…): the one whose outputs exist to pack.</summary>
    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>Runs the installed tool.</summary>
    public (int Code, string Out, string Err) Run(string workingDirectory, params string[] args) => Start(Command, workingDirectory, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS anyway.
        }
    }

    private static void Dotnet(params string[] args) => DotnetWithCache(null, args);

    /// <param name="packageCache">A private NuGet package cache, or null for the user's (packs restore from it).</param>
    /// <param name="args">The dotnet command line.</param>
    private static void DotnetWithCache(string? packageCache, params string[] args)
    {
        var (code, output, error) = Start("dotnet", Repository.Root, args, packageCache);
        if (code != 0)
        {
            var linker = $"{output}{error}".Contains("clang", StringComparison.OrdinalIgnoreCase)
                ? "\nA Native AOT pack needs the platform linker: on Debian, apt-get install clang zlib1g-dev."
                : "";
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({code}):\n{output}{error}{linker}");
        }
    }

    private static (int Code, string Out, string Err) Start(string file, string workingDirectory, string[] args, string? packageCache = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        if (packageCache is not null)
        {
            info.Environment["NUGET_PACKAGES"] = packageCache;
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // The framework-dependent tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a default place.
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return DqRunner.Complete(Process.Start(info)!, s_timeout, $"{file} {string.Join(' ', args)}");
    }
}

/// <summary>The tests of the packed and installed tool share one pack and install (minutes of work), run alone.</summary>
[CollectionDefinition("tool package", DisableParallelization = true)]
public sealed class ToolPackageCollection : ICollectionFixture<InstalledTool>;
