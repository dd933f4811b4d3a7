using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Readers;

namespace Dq.Benchmarks;

/// <summary>Runs dq the way a user does: open the file, validate the suite; or over batches already in memory.</summary>
public static class DqRunner
{
    /// <summary>Parses a workload's suite.</summary>
    public static ExpectationSuite Suite(Workload workload) => SuiteJson.Parse(workload.SuiteJson, workload.Name);

    /// <summary>Validates the file (read, parse, check), as `dq validate` does without the CLI around it.</summary>
    public static ValidationResult ValidateFile(Workload workload, ExpectationSuite suite, int threads = 0)
    {
        using var source = BatchSources.Open(workload.Path);
        return Validator.Validate(source, suite, new ValidationOptions { Threads = threads });
    }

    /// <summary>Reads every batch of the file into memory (all columns, as DuckDB's CREATE TABLE does).</summary>
    public static RecordBatchSource Load(Workload workload)
    {
        using var source = BatchSources.Open(workload.Path);
        var batches = source.ReadBatches().ToList();
        return new RecordBatchSource(source.Schema, batches, workload.Name);
    }

    /// <summary>Validates batches already in memory.</summary>
    public static ValidationResult ValidateLoaded(RecordBatchSource loaded, ExpectationSuite suite, int threads = 0) =>
        Validator.Validate(loaded, suite, new ValidationOptions { Threads = threads });

    /// <summary>Only reads the file: every batch of the columns the suite needs, nothing checked.</summary>
    public static long ReadOnly(Workload workload, IReadOnlyCollection<string>? columns)
    {
        using var source = BatchSources.Open(workload.Path);
        long rows = 0;
        foreach (RecordBatch batch in source.ReadBatches(columns))
        {
            rows += batch.Length;
        }
        return rows;
    }

    /// <summary>One line per expectation: its type, column and unexpected count or observed value.</summary>
    public static IEnumerable<string> Summary(ValidationResult result)
    {
        var node = ValidationResultJson.ToNode(result);
        foreach (var r in node["results"]!.AsArray())
        {
            var config = r!["expectation_config"]!;
            var details = r["result"];
            var figure = details?["unexpected_count"] ?? details?["observed_value"];
            yield return $"{config["type"]} {config["kwargs"]?["column"]}: {figure?.ToJsonString() ?? r["exception_info"]?.ToJsonString()}";
        }
    }
}
