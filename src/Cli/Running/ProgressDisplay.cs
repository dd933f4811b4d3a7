using Spectre.Console;

namespace Dq.Cli.Running;

/// <summary>How much <c>dq</c> prints besides results: <c>--quiet</c>, the default, or <c>--verbose</c>.</summary>
internal enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}

/// <summary>
/// Shows progress while validations run, on the error stream so that stdout stays clean for results: a live
/// Spectre.Console display in an interactive terminal, plain lines every few seconds when the output is redirected
/// (a CI log), nothing with <c>--quiet</c>.
/// </summary>
internal sealed class ProgressDisplay(TextWriter stderr, Verbosity verbosity, TimeSpan interval)
{
    /// <summary>The default interval of plain progress lines.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when the error stream is this process's terminal: only then does the live display make sense (Spectre
    /// prints nothing useful into a redirected stream, and escape codes would litter CI logs).
    /// </summary>
    private bool Interactive => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is null;

    public async Task<T> RunAsync<T>(ProgressTracker tracker, Func<Task<T>> work)
    {
        if (verbosity == Verbosity.Quiet)
        {
            return await work().ConfigureAwait(false);
        }
        return Interactive ? await LiveAsync(tracker, work).ConfigureAwait(false) : await PlainAsync(tracker, work).ConfigureAwait(false);
    }

    private async Task<T> PlainAsync<T>(ProgressTracker tracker, Func<Task<T>> work)
    {
        var task = work();
        var reported = new HashSet<ProgressEntry>();
        while (await Task.WhenAny(task, Task.Delay(interval)).ConfigureAwait(false) != task)
        {
            foreach (var entry in tracker.Entries)
            {
                if (!entry.Done)
                {
                    stderr.WriteLine($"dq: progress: {entry.Asset}: {entry.Describe()}");
                }
                else if (verbosity == Verbosity.Verbose && reported.Add(entry))
                {
                    stderr.WriteLine($"dq: done: {entry.Asset}: {entry.Describe()}");
                }
            }
        }
        return await task.ConfigureAwait(false);
    }

    private async Task<T> LiveAsync<T>(ProgressTracker tracker, Func<Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        Task<T>? task = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                task = work();
                var shown = new Dictionary<ProgressEntry, ProgressTask>();
                while (await Task.WhenAny(task, Task.Delay(200)).ConfigureAwait(false) != task)
                {
                    foreach (var entry in tracker.Entries)
                    {
                        if (!shown.TryGetValue(entry, out var row))
                        {
                            row = shown[entry] = context.AddTask(Markup.Escape(entry.Asset)).IsIndeterminate();
                        }
                        row.Description = $"{Markup.Escape(entry.Asset)}: {entry.Describe()}";
                        if (entry.Done && !row.IsFinished)
                        {
                            row.IsIndeterminate(false).Value(row.MaxValue);
                            row.StopTask();
                        }
                    }
                    context.Refresh();
                }
            }).ConfigureAwait(false);
        return await task!.ConfigureAwait(false);
    }
}
