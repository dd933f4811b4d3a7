using Dq.Cli.Checkpoints;
using Dq.Expectations;
using Dq.Readers;

namespace Dq.Cli.Tests.Checkpoints;

public sealed class CheckpointFileTests : TempFolderTest
{
    private ConfigurationException Invalid(string name, string text)
    {
        var path = Write(name, text);
        return Assert.Throws<ConfigurationException>(() => CheckpointFile.Read(path));
    }

    [Fact]
    public void Yaml_ReadsEveryFieldWithPathsRelativeToTheCheckpoint()
    {
        var path = Write("checkpoints/c.yml", """
            name: gate
            validations:
              - data: ../data/*.csv
                format: csv
                csv: { delimiter: ";", quote: "'", null_tokens: [NA, "\\N"], batch_size: 1000 }
                suite: ../suites/s.json
                result_format: complete
            actions:
              - store_result
              - write_json: ../reports/r.json
              - write_junit: ../reports/j.xml
            gate:
              fail_on: warn
            """);

        var checkpoint = CheckpointFile.Read(path);

        Assert.Equal("gate", checkpoint.Name);
        var v = Assert.Single(checkpoint.Validations);
        Assert.Equal(Path.Combine(Folder, "data", "*.csv"), v.Data);
        Assert.Equal(Path.Combine(Folder, "suites", "s.json"), v.Suite);
        Assert.Equal(DataFormat.Csv, v.Format);
        Assert.Equal(';', v.Csv!.Value.Delimiter);
        Assert.Equal('\'', v.Csv!.Value.Quote);
        Assert.Equal(["NA", "\\N"], v.Csv!.Value.NullTokens);
        Assert.Equal(1000, v.Csv!.Value.BatchSize);
        Assert.Equal(Dq.Expectations.Results.ResultFormatLevel.Complete, v.ResultFormat!.Level);
        Assert.Collection(checkpoint.Actions,
            a => Assert.IsType<StoreResultAction>(a),
            a => Assert.Equal(Path.Combine(Folder, "reports", "r.json"), Assert.IsType<WriteJsonAction>(a).Path),
            a => Assert.Equal(Path.Combine(Folder, "reports", "j.xml"), Assert.IsType<WriteJunitAction>(a).Path));
        Assert.Equal(GatePolicy.Warn, checkpoint.Gate);
    }

    [Fact]
    public void NoActionsOrGate_DefaultsToStoringAndFailingOnErrors()
    {
        var checkpoint = CheckpointFile.Read(Write("orders.checkpoint.yml", "validations:\n  - data: a.csv\n    suite: s.json\n"));

        Assert.Equal("orders", checkpoint.Name);
        Assert.IsType<StoreResultAction>(Assert.Single(checkpoint.Actions));
        Assert.Equal(GatePolicy.Error, checkpoint.Gate);
    }

    [Theory]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    sutie: s.json\n", "c.yml:3:5", "Did you mean `suite`?")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n", "c.yml:2:5", "has neither `suite` nor `baseline`")]
    [InlineData("c.yml", "validations: []\n", "c.yml:1:14", "`validations` is empty")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\n    format: xls\n", "c.yml:4:13", "use one of `auto`, `csv`, `parquet`")]
    [InlineData("c.yml", "validations:\n  - data: [a.csv\n", "c.yml:3:1", "not valid YAML")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\n    csv: { delimiter: ab }\n", "c.yml:4:23", "one ASCII character")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\ngate: { fail_on: sometimes }\n", "c.yml:4:18", "`error`, `warn`, `never`")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\nactions:\n  - write_junit\n", "c.yml:5:5", "needs a file path")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\nactions:\n  - make_coffee\n", "c.yml:5:5", "unknown action `make_coffee`")]
    [InlineData("c.yml", "validations:\n  - data: a.csv\n    suite: s.json\n    row_condition: a > 1\n", "c.yml:4:20", "not supported yet")]
    [InlineData("c.json", "{\"validations\": [{\"data\": \"a.csv\", \"sutie\": \"s.json\"}]}", "c.json:1:36", "Did you mean `suite`?")]
    [InlineData("c.json", "{\n  \"validations\": [\n    {\"data\": \"a.csv\",, }\n  ]\n}", "c.json:3:22", "not valid JSON")]
    [InlineData("c.json", "{\"validations\": [{\"data\": \"a.csv\", \"data\": \"b.csv\"}]}", "c.json:1:36", "appears twice")]
    [InlineData("c.json", "{\"validations\": {\"data\": \"a.csv\"}}", "c.json:1:17", "must be a list")]
    public void InvalidCheckpoint_NamesTheFileLineAndColumn(string name, string text, string location, string problem)
    {
        var error = Invalid(name, text);

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCheckpoint_SaysHowToMakeOne()
    {
        var error = Assert.Throws<ConfigurationException>(() => CheckpointFile.Read(Path.Combine(Folder, "none.yml")));

        Assert.Contains("dq init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Glob_MatchesFilesInSortedOrder()
    {
        Write("d/b.csv", "x\n");
        Write("d/a.csv", "x\n");
        Write("d/sub/c.csv", "x\n");
        Write("d/a.txt", "x\n");

        Assert.Equal([Path.Combine(Folder, "d", "a.csv"), Path.Combine(Folder, "d", "b.csv")], CheckpointPlanner.Expand(Path.Combine(Folder, "d", "*.csv")));
        Assert.Equal(3, CheckpointPlanner.Expand(Path.Combine(Folder, "d", "**", "*.csv")).Count);
        Assert.Empty(CheckpointPlanner.Expand(Path.Combine(Folder, "nowhere", "*.csv")));
    }
}
