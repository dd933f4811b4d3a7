using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace Dq.Cli.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> makes the dq tool and the library packages (README, licence, symbols), and the tool installs
/// from the local package into a temporary tool path and runs. Packs the Debug build the tests were built with.
/// </summary>
[Collection("processes")]
public sealed class ToolPackageTests : TempFolderTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    /// <summary>The configuration these tests were built in (bin/Release/… or bin/Debug/…): the one whose outputs exist to pack.</summary>
    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    [Fact]
    public void Pack_MakesToolAndLibraryPackages_AndTheToolInstallsAndValidates()
    {
        var packages = Path.Combine(Folder, "packages");
        // A version no earlier test run used, so no cached package of the same version can stand in for this build.
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var project in new[] { "Cli", "Expectations", "Readers", "Reporting" })
        {
            Dotnet(Repository.Root, "pack", Repository.PathOf("src", project), "-c", BuildConfiguration, "--no-build", "-o", packages, $"-p:Version={version}");
        }

        foreach (var id in new[] { "dq", "Dq.Expectations", "Dq.Readers", "Dq.Reporting" })
        {
            var package = Path.Combine(packages, $"{id}.{version}.nupkg");
            Assert.True(File.Exists(package), $"{id} was not packed");
            Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"{id} has no symbol package");
            using var zip = ZipFile.OpenRead(package);
            Assert.NotNull(zip.GetEntry("README.md"));
            using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            Assert.Equal("Apache-2.0", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        }

        // Only the local folder as a source, and a private package cache: the install must come from this build.
        var config = Path.Combine(Folder, "NuGet.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(Folder, "tools");
        Dotnet(Folder, "tool", "install", "dq", "--tool-path", tools, "--add-source", packages, "--version", version, "--configfile", config);

        var dq = Path.Combine(tools, "dq");
        var (versionCode, versionOut) = Run(dq, Folder, "--version");
        Assert.Equal(0, versionCode);
        Assert.StartsWith("0.1.0", versionOut.Trim(), StringComparison.Ordinal);
        Run(dq, Folder, "init", "proj");
        var (code, output) = Run(dq, Path.Combine(Folder, "proj"), "validate", "--checkpoint", "checkpoints/orders.yml");
        Assert.True(code == 0, output);
        Assert.Contains("Checkpoint `orders` PASSED", output, StringComparison.Ordinal);
    }

    private void Dotnet(string workingDirectory, params string[] args)
    {
        var (code, output) = Run("dotnet", workingDirectory, args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} failed:\n{output}");
    }

    private (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["NUGET_PACKAGES"] = Path.Combine(Folder, "nuget-cache");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // The installed tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a default place.
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {s_timeout}.");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
