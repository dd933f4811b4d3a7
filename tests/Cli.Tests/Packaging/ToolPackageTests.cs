using System.IO.Compression;
using System.Xml.Linq;

namespace Dq.Cli.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> makes the dq tool (a pointer package and one package per platform) and the library packages
/// (README, licence, symbols), and the tool installs from them and runs.
/// </summary>
[Collection("tool package")]
public sealed class ToolPackageTests(InstalledTool tool) : TempFolderTest
{
    [Theory]
    [InlineData("Dq.Expectations", true)]
    [InlineData("Dq.Readers", true)]
    [InlineData("Dq.Reporting", true)]
    [InlineData("dq", false)]
    [InlineData("dq.any", false)]
    public void Package_HasReadmeLicenceAndSymbolsWhereTheyBelong(string id, bool hasSymbolPackage)
    {
        var package = PackagePath(id);
        Assert.True(File.Exists(package), $"{id} was not packed");
        // The libraries' symbols go to a .snupkg; the tool's framework-dependent package keeps its .pdbs inside.
        Assert.Equal(hasSymbolPackage, File.Exists(Path.ChangeExtension(package, ".snupkg")));
        using var zip = ZipFile.OpenRead(package);
        var readme = zip.GetEntry("README.md");
        Assert.NotNull(readme);
        using (var text = new StreamReader(readme.Open()))
        {
            // The package's own README, not the repository's (which starts with `dotnet run --project src/Cli`).
            Assert.Equal($"# {(id.StartsWith("dq", StringComparison.Ordinal) ? "dq" : id)}", text.ReadLine());
        }
        var metadata = Metadata(zip);
        Assert.Equal("Apache-2.0", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
    }

    [Fact]
    public void PointerPackage_ListsEveryPlatformPackage_AndHoldsNoCode()
    {
        using var zip = ZipFile.OpenRead(PackagePath("dq"));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        using var settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open();
        var platforms = XDocument.Load(settings).Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        Assert.Equal(InstalledTool.NativePlatforms.Append("any").Order(), platforms.Keys.Order());
        Assert.All(platforms, p => Assert.Equal($"dq.{p.Key}", p.Value));
    }

    [Fact]
    public void NativePackage_HoldsTheNativeCommandAndItsLibraries_WithoutDebugFiles()
    {
        Assert.SkipWhen(tool.NativePlatform is null, "dq ships no Native AOT package for this host's platform, so none was packed.");
        using var zip = ZipFile.OpenRead(PackagePath($"dq.{tool.NativePlatform}"));
        var files = zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.Name).ToHashSet();
        Assert.Contains("dq", files);
        Assert.Contains("ParquetSharpNative.so", files);
        Assert.Contains("libe_sqlite3.so", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal)
            || f.EndsWith(".dbg", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) && f != "DotnetToolSettings.xml");
    }

    [Fact]
    public void InstalledTool_IsThePlatformsBuild_AndInitsAndValidatesAProject()
    {
        // The command links into the package the install chose: the native one where dq ships one, else "any".
        var target = new FileInfo(tool.Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.Command;
        Assert.Contains($"{Path.DirectorySeparatorChar}dq.{tool.NativePlatform ?? "any"}{Path.DirectorySeparatorChar}", target, StringComparison.Ordinal);

        var (versionCode, versionOut, _) = tool.Run(Folder, "--version");
        Assert.Equal(0, versionCode);
        Assert.StartsWith("0.1.0", versionOut.Trim(), StringComparison.Ordinal);
        tool.Run(Folder, "init", "proj");
        var (code, output, error) = tool.Run(Path.Combine(Folder, "proj"), "validate", "--checkpoint", "checkpoints/orders.yml");
        Assert.True(code == 0, output + error);
        Assert.Contains("Checkpoint `orders` PASSED", output, StringComparison.Ordinal);
    }

    private string PackagePath(string id) => Path.Combine(tool.Packages, $"{id}.{tool.Version}.nupkg");

    private static XElement Metadata(ZipArchive zip)
    {
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
