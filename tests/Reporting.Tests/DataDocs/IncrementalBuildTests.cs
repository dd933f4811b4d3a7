using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dq.Expectations.Results;
using Dq.Reporting.DataDocs;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>
/// Incremental data docs. The reference for every rebuild is a fresh build of the same runs into an empty folder: the
/// rebuilt site must hold exactly its files, byte for byte. What a rebuild wrote is seen on the file system: every file
/// is dated 2000-01-01 after the first build, so a file written again has a new modification time.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly DateTime s_old = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly List<ValidationResult> s_runs = [.. SampleRuns.Create(31)];

    private readonly string _root = Directory.CreateTempSubdirectory("dq-docs-inc-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Site => Path.Combine(_root, "site");

    private string ManifestPath => Path.Combine(Site, ".dq-docs.json");

    /// <summary>Builds <paramref name="runs"/> into <paramref name="folder"/> as <c>dq docs build</c> does: keep what the site has, add the rest.</summary>
    private static DataDocsBuilder Build(string folder, IEnumerable<ValidationResult> runs)
    {
        var builder = new DataDocsBuilder(folder);
        var missing = runs.Where(r => !builder.TryKeep(r.Run.RunId)).ToList();
        Parallel.ForEach(missing, builder.Add);
        builder.Finish();
        return builder;
    }

    /// <summary>A fresh build of <paramref name="runs"/>: relative path → SHA-256 of every file.</summary>
    private Dictionary<string, string> Reference(IEnumerable<ValidationResult> runs)
    {
        var folder = Path.Combine(_root, "reference-" + Guid.NewGuid().ToString("N"));
        Build(folder, runs);
        return Hashes(folder);
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>Dates every file of the site 2000-01-01.</summary>
    private void Age()
    {
        foreach (var file in Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, s_old);
        }
    }

    /// <summary>Files of the site written since <see cref="Age"/> (new ones included).</summary>
    private HashSet<string> Written() =>
        [.. Directory.EnumerateFiles(Site, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) != s_old)
            .Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/'))];

    private static string RunPage(ValidationResult r) => $"runs/{r.Run.RunId}.html";

    private string SuitePage(string suite) =>
        Path.GetRelativePath(Site, Directory.GetFiles(Path.Combine(Site, "suites"), $"{suite}-*.html").Single()).Replace('\\', '/');

    [Fact]
    public void OneNewRun_WritesItsPageItsSuitePageTheIndexAndTheManifest_AndNothingElse()
    {
        Build(Site, s_runs.Take(30));
        Age();
        var newRun = s_runs[30];

        var builder = Build(Site, s_runs);

        Assert.False(builder.IsFullBuild);
        Assert.Equal(31, builder.RunCount);
        Assert.Equal(new HashSet<string> { RunPage(newRun), SuitePage(newRun.SuiteName), "index.html", ".dq-docs.json" }, Written());
        Assert.Equal(4, builder.FilesWritten);
        Assert.Equal(Reference(s_runs), Hashes(Site));
    }

    [Fact]
    public void RebuildWithNoChange_WritesNothing()
    {
        Build(Site, s_runs);
        Age();

        var builder = Build(Site, s_runs);

        Assert.Empty(Written());
        Assert.Equal(0, builder.FilesWritten);
        Assert.Equal(Reference(s_runs), Hashes(Site));
    }

    [Fact]
    public void PrunedRuns_DisappearFromTheSite_AndASuiteWithoutRunsLosesItsPage()
    {
        Build(Site, s_runs);
        var customers = SuitePage("customers");
        // Keep runs 10 and later of suite orders only: customers (every third run) loses all its runs.
        var kept = s_runs.Skip(10).Where(r => r.SuiteName == "orders").ToList();
        var gone = s_runs.Except(kept).ToList();
        Age();

        var builder = Build(Site, kept);

        Assert.Equal(gone.Count + 1, builder.PagesRemoved);
        Assert.All(gone, r => Assert.False(File.Exists(Path.Combine(Site, RunPage(r))), r.Run.RunId));
        Assert.False(File.Exists(Path.Combine(Site, customers)));
        var index = File.ReadAllText(Path.Combine(Site, "index.html"));
        Assert.All(gone, r => Assert.DoesNotContain(r.Run.RunId, index, StringComparison.Ordinal));
        // Kept run pages were not touched; the suite page, the index and the manifest were.
        Assert.Equal(new HashSet<string> { SuitePage("orders"), "index.html", ".dq-docs.json" }, Written());
        Assert.Equal(Reference(kept), Hashes(Site));
    }

    public static TheoryData<string> Tamperings => ["deleted", "garbage", "truncated", "other builder", "index out of range", "wrong field count", "empty object"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void TamperedManifest_LeadsToACorrectFullRebuild(string tampering)
    {
        Build(Site, s_runs.Take(30));
        // A page the manifest does not know (left by an older dq, say): a full build cannot know it is current, so it goes.
        File.WriteAllText(Path.Combine(Site, "runs", "stale-run.html"), "<p>old</p>");
        var text = File.ReadAllText(ManifestPath);
        switch (tampering)
        {
            case "deleted": File.Delete(ManifestPath); break;
            case "garbage": File.WriteAllBytes(ManifestPath, [0xFF, 0x00, 0x7B, 0x22]); break;
            case "truncated": File.WriteAllText(ManifestPath, text[..(text.Length / 2)]); break;
            case "other builder": File.WriteAllText(ManifestPath, text.Replace("\"builder\":\"", "\"builder\":\"0/", StringComparison.Ordinal)); break;
            case "index out of range": File.WriteAllText(ManifestPath, Regex.Replace(text, "\"suites\":\\[[^\\]]*\\]", "\"suites\":[]")); break;
            case "wrong field count": File.WriteAllText(ManifestPath, text.Replace("[[\"run00029\",", "[[\"run00029\",1,", StringComparison.Ordinal)); break;
            default: File.WriteAllText(ManifestPath, "{}"); break;
        }
        Assert.NotEqual(text, File.Exists(ManifestPath) ? File.ReadAllText(ManifestPath) : "");
        Age();
        var runs = s_runs.Skip(5).ToList();

        var builder = Build(Site, runs);

        Assert.True(builder.IsFullBuild);
        var reference = Reference(runs);
        Assert.Equal(reference, Hashes(Site));
        Assert.Equal(reference.Keys.ToHashSet(), Written());
    }

    [Fact]
    public void RunPageDeletedByHand_IsRenderedAgain()
    {
        Build(Site, s_runs);
        File.Delete(Path.Combine(Site, RunPage(s_runs[7])));
        Age();

        var builder = Build(Site, s_runs);

        Assert.False(builder.IsFullBuild);
        // The page comes back; the suite page and index it would change are identical, so they are not rewritten.
        Assert.Equal(new HashSet<string> { RunPage(s_runs[7]), ".dq-docs.json" }, Written());
        Assert.Equal(Reference(s_runs), Hashes(Site));
    }

    [Fact]
    public void Manifest_IsNotAPage()
    {
        Build(Site, s_runs.Take(3));

        Assert.True(File.Exists(ManifestPath));
        Assert.Empty(Directory.GetFiles(Site, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(Site, "runs")).Length);
    }
}
