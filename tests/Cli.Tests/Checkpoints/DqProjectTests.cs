using Dq.Cli.Projects;
using Dq.Expectations;

namespace Dq.Cli.Tests.Checkpoints;

public sealed class DqProjectTests : TempFolderTest
{
    [Fact]
    public void Find_WalksUpToTheProjectFile()
    {
        Write("dq.yml", "store: history/runs.db\n");
        Directory.CreateDirectory(Path.Combine(Folder, "a", "b"));

        var project = DqProject.Find(Path.Combine(Folder, "a", "b"))!;

        Assert.Equal(Folder, project.Root);
        Assert.Equal(Path.Combine(Folder, "history", "runs.db"), project.StorePath);
    }

    [Fact]
    public void StoreNone_KeepsNoStore() =>
        Assert.Null(DqProject.Read(Write("dq.yml", "store: none\n")).StorePath);

    [Theory]
    [InlineData("stor: x.db\n", "dq.yml:1:1", "Did you mean `store`?")]
    [InlineData("config_version: 2\n", "dq.yml:1:17", "must be 1")]
    [InlineData("- a\n- b\n", "dq.yml:1:1", "must be a mapping")]
    public void InvalidProjectFile_NamesTheLine(string text, string location, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => DqProject.Read(Write("dq.yml", text)));

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
