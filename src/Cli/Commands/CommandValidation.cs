using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dq.Cli.Commands;

/// <summary>Checks across a command's options, and the options every command shares the rules of.</summary>
internal static class CommandValidation
{
    /// <summary>The most worker threads a run may ask for: more only adds contention (and 100,000 once spawned 14,874 threads).</summary>
    public const int MaxThreads = 256;

    /// <summary>
    /// Adds a check across options. System.CommandLine runs command checks before it reports an option whose value
    /// does not convert (<c>--threads abc</c>, a repeated <c>--suite</c>), and reading such an option throws; the
    /// option's own parse error is the message the user needs, so the cross-option check steps aside for it.
    /// </summary>
    public static void AddCheck(this Command command, Action<CommandResult> check) =>
        command.Validators.Add(r =>
        {
            try
            {
                check(r);
            }
            catch (InvalidOperationException)
            {
                // reading an option whose value did not convert: its own parse error is reported instead
            }
        });

    /// <summary>The <c>--threads</c> option: 0 shares every core, 1 to <see cref="MaxThreads"/> sets the count.</summary>
    public static Option<int> Threads(string description)
    {
        var threads = new Option<int>("--threads") { Description = $"{description} 0 shares every core; at most {MaxThreads}.", DefaultValueFactory = _ => 0 };
        threads.Validators.Add(r =>
        {
            if (r.Implicit || !int.TryParse(r.Tokens.LastOrDefault()?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return; // absent, or not a number: the parser's own error says so
            }
            if (value is < 0 or > MaxThreads)
            {
                r.AddError($"--threads must be 0 (share every core) or 1 to {MaxThreads}, not {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
        return threads;
    }
}
