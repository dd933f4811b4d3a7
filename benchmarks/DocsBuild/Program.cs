using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Dq.Cli.Commands;
using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

// Fills a temporary store with N runs (default 10,000) of a 20-expectation suite, then times `dq docs build` over it
// (DocsSite.FromStore, in process): a cold build into an empty folder; a rebuild with nothing new; a rebuild after one
// new run (the incremental case: it should write that run's page, its suite page, the index and the manifest); a full
// rebuild over the existing site (manifest deleted: what every rebuild cost before the manifest); a rebuild after a
// prune to 1,800 runs per data asset (9,000 of 10,002). Then the incremental case once more as a whole `dotnet dq.dll docs build`
// process (and as DQ_TOOL's process when that names a dq executable).
// Usage: dotnet run -c Release --project benchmarks/DocsBuild [runs]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var folder = Directory.CreateTempSubdirectory("dq-docs-bench-").FullName;
try
{
    var storePath = Path.Combine(folder, "store.db");
    var fill = Stopwatch.StartNew();
    var samples = Enumerable.Range(0, 50).Select(Sample).ToList();
    var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    ValidationResult Run(int i)
    {
        var r = samples[i % samples.Count];
        return new ValidationResult(r.SuiteName, r.Results, r.Run with
        {
            RunId = Guid.NewGuid().ToString("N"),
            RunTime = start.AddMinutes(i * 7),
            DataAsset = $"data/orders_{i % 5}.csv",
        });
    }
    using (var store = ValidationStore.Open(storePath))
    {
        store.SaveAll(Enumerable.Range(0, runs).Select(Run));
    }
    Console.WriteLine($"filled {runs:N0} runs of {samples[0].Results.Count} expectations in {fill.Elapsed.TotalSeconds:0.0} s ({new FileInfo(storePath).Length / 1e6:0} MB)");
    var site = Path.Combine(folder, "site");
    var next = runs;
    void AddRun()
    {
        using var store = ValidationStore.Open(storePath);
        store.Save(Run(next++), null, null);
    }
    Time("cold build (empty folder)", () => { });
    Time("rebuild, nothing new", () => { });
    Time("rebuild after 1 new run", AddRun);
    Time("rebuild after 1 new run", AddRun);
    Time("full rebuild over the site (manifest deleted)", () => File.Delete(Path.Combine(site, ".dq-docs.json")));
    Time("rebuild after a prune to the 1,800 newest runs of each of the 5 assets", () =>
    {
        using var store = ValidationStore.Open(storePath);
        store.Prune(new PruneRule(Keep: (next - 1_000) / 5, Before: null), dryRun: false);
    });
    AddRun();
    TimeProcess("dotnet", [Path.Combine(AppContext.BaseDirectory, "dq.dll")], "dotnet dq.dll docs build");
    // DQ_TOOL: another dq to time the same way, such as the Native AOT tool (`dotnet publish src/Cli -c Release -r linux-x64`).
    if (Environment.GetEnvironmentVariable("DQ_TOOL") is { Length: > 0 } tool)
    {
        AddRun();
        TimeProcess(tool, [], $"{Path.GetFileName(tool)} docs build (DQ_TOOL)");
    }

    void TimeProcess(string program, string[] prefix, string label)
    {
        var process = Stopwatch.StartNew();
        using var child = Process.Start(new ProcessStartInfo(program, [.. prefix, "docs", "build", "--store", storePath, "--out", site]) { RedirectStandardOutput = true })!;
        var output = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        Console.WriteLine($"process `{label}` after 1 new run: {process.Elapsed.TotalSeconds:0.00} s wall; it said: {output.Replace(site, "<site>", StringComparison.Ordinal)}");
    }

    // Ages every file, runs the step and the build, and reports the time and which files the build wrote.
    void Time(string label, Action before)
    {
        before();
        var old = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (Directory.Exists(site))
        {
            foreach (var f in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(f, old);
            }
        }
        var built = DocsSite.FromStore(storePath, site);
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToList();
        var written = files.Where(f => File.GetLastWriteTimeUtc(f) != old).Select(f => Path.GetRelativePath(site, f)).ToList();
        var shown = written.Count <= 4 ? string.Join(", ", written.Select(w => w.StartsWith("runs", StringComparison.Ordinal) ? "runs/<run>.html" : w)) : $"{written.Count:N0} files";
        Console.WriteLine($"{label}: {built.Runs:N0} runs in {built.Elapsed.TotalSeconds:0.000} s; wrote {shown}; removed {built.PagesRemoved:N0}; " +
            $"site {files.Sum(f => new FileInfo(f).Length) / 1e6:0} MB, {files.Count:N0} files, manifest {new FileInfo(Path.Combine(site, ".dq-docs.json")).Length / 1e6:0.0} MB");
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
