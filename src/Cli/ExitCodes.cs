namespace Dq.Cli;

/// <summary>The exit codes of <c>dq</c> (design.md, "The dq command").</summary>
internal static class ExitCodes
{
    /// <summary>Every expectation passed.</summary>
    public const int Success = 0;

    /// <summary>The run finished and an expectation of error severity failed.</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Bad arguments, or an unreadable or invalid suite.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>The data could not be read.</summary>
    public const int DataUnreadable = 3;

    /// <summary>A bug in dq.</summary>
    public const int InternalError = 4;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
