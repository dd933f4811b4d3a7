using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Dq.Cli.Commands;
using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

// Fills a temporary store with N runs (default 10,000) of a 20-expectation suite, then times `dq docs build` over it
// three times: a cold build into an empty folder, then two rebuilds over the existing site.
// Usage: dotnet run -c Release --project benchmarks/DocsBuild [runs]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var folder = Directory.CreateTempSubdirectory("dq-docs-bench-").FullName;
try
{
    var storePath = Path.Combine(folder, "store.db");
    var fill = Stopwatch.StartNew();
    var samples = Enumerable.Range(0, 50).Select(Sample).ToList();
    using (var store = ValidationStore.Open(storePath))
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < runs; i++)
        {
            var r = samples[i % samples.Count];
            store.Save(new ValidationResult(r.SuiteName, r.Results, r.Run with
            {
                RunId = Guid.NewGuid().ToString("N"),
                RunTime = start.AddMinutes(i * 7),
                DataAsset = $"data/orders_{i % 5}.csv",
            }), null, null);
        }
    }
    Console.WriteLine($"filled {runs:N0} runs of {samples[0].Results.Count} expectations in {fill.Elapsed.TotalSeconds:0.0} s ({new FileInfo(storePath).Length / 1e6:0} MB)");
    var site = Path.Combine(folder, "site");
    for (var round = 1; round <= 3; round++)
    {
        var build = DocsSite.FromStore(storePath, site);
        var (count, elapsed) = (build.Runs, build.Elapsed);
        var size = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"build {round} ({(round == 1 ? "cold" : "rebuild")}): {count:N0} runs in {elapsed.TotalSeconds:0.00} s, site {size / 1e6:0} MB");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

// A real validation of a generated batch (1,000 rows, seeded defects) against a 20-expectation suite.
static ValidationResult Sample(int seed)
{
    var random = new Random(seed);
    var ids = new Int64Array.Builder();
    var amounts = new DoubleArray.Builder();
    var statuses = new StringArray.Builder();
    var dates = new StringArray.Builder();
    string[] known = ["placed", "shipped", "delivered", "cancelled"];
    for (var i = 0; i < 1000; i++)
    {
        var bad = random.Next(100) < seed % 7;
        ids.Append(bad ? i / 2 : i);
        amounts.Append(bad ? -random.Next(100) : random.NextDouble() * 500);
        if (bad && random.Next(2) == 0) { statuses.AppendNull(); } else { statuses.Append(bad ? "refunded" : known[random.Next(4)]); }
        dates.Append(bad ? "03/15/2024" : $"2024-0{random.Next(1, 10)}-1{random.Next(0, 10)}");
    }
    var batch = new RecordBatch.Builder().Append("order_id", false, ids.Build()).Append("amount", false, amounts.Build())
        .Append("status", true, statuses.Build()).Append("order_date", false, dates.Build()).Build();
    var suite = ExpectationSuite.Create("orders")
        .ExpectColumnToExist("order_id").ExpectColumnValuesToNotBeNull("order_id").ExpectColumnValuesToBeUnique("order_id")
        .ExpectColumnValuesToBeBetween("amount", min: 0, max: 1000).ExpectColumnValuesToNotBeNull("amount")
        .ExpectColumnValuesToBeInSet("status", known).ExpectColumnValuesToNotBeNull("status", mostly: 0.99)
        .ExpectColumnValuesToMatchStrftimeFormat("order_date", "%Y-%m-%d").ExpectColumnValuesToMatchRegex("order_date", @"^\d{4}-")
        .ExpectColumnValueLengthsToEqual("order_date", 10).ExpectColumnValuesToNotBeInSet("status", ["lost"])
        .ExpectColumnValuesToBeIncreasing("order_id").ExpectColumnValuesToBeUnique("order_date", mostly: 0.01)
        .ExpectTableRowCountToBeBetween(100, 10_000).ExpectTableColumnCountToEqual(4).ExpectColumnToExist("status")
        .ExpectColumnValueLengthsToBeBetween("status", 1, 9).ExpectColumnValuesToNotMatchRegex("status", "^x")
        .ExpectColumnValuesToBeBetween("order_id", min: 0).ExpectTableRowCountToEqual(1000)
        .Build();
    return Validator.Validate(batch, suite);
}
