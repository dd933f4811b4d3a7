using System.Text.RegularExpressions;

namespace Dq.Cli.Tests.Docs;

/// <summary>
/// Every <c>dq</c> command in a shell block of the docs pages listed here runs, in order, in a folder holding a copy of
/// the samples, and exits 0: the docs say only what the tool does.
/// </summary>
public sealed partial class DocumentedCommandsTests : TempFolderTest
{
    [Theory]
    [InlineData("profiling.md")]
    [InlineData("monitoring.md")]
    [InlineData("metrics.md")]
    [InlineData("model-gates.md")]
    public void DocsPage_ShellCommandsRunAndExitZero(string page)
    {
        var text = File.ReadAllText(Repository.PathOf("docs", page));
        var commands = ShellBlock().Matches(text)
            .SelectMany(m => m.Groups["body"].Value.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("dq ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(commands);
        CopySamples();
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            var (code, output, error) = DqRunner.RunProcess(Folder, TimeSpan.FromMinutes(2), args);
            Assert.True(code == 0, $"`{command}` in docs/{page} exited {code}:\n{output}\n{error}");
        }
    }

    private void CopySamples()
    {
        foreach (var sample in new[] { "orders", "model-gate" })
        {
            var target = Directory.CreateDirectory(Path.Combine(Folder, "samples", sample)).FullName;
            foreach (var file in Directory.GetFiles(Repository.PathOf("samples", sample)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    [GeneratedRegex("```sh\\n(?<body>.*?)```", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShellBlock();
}
