using System.CommandLine;
using Dq.Cli.Running;

namespace Dq.Cli.Commands;

/// <summary>Options every command accepts: <c>--quiet</c> and <c>--verbose</c>. One instance per parse (options are not shared between roots).</summary>
internal sealed class CommonOptions
{
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors and the final verdict.", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Also print the plan, paths and progress details.", Recursive = true };

    public Verbosity Get(ParseResult parse) =>
        parse.GetValue(Quiet) ? Verbosity.Quiet : parse.GetValue(Verbose) ? Verbosity.Verbose : Verbosity.Normal;
}
