using Dq.Expectations.Suites;

namespace Dq.Expectations.Results;

/// <summary>The outcome of one expectation (one entry of GX's <c>results</c> list).</summary>
public sealed class ExpectationResult
{
    /// <summary>Creates a result.</summary>
    public ExpectationResult(ExpectationConfiguration configuration, bool success, ResultDetails? result, ExceptionInfo? exceptionInfo = null)
    {
        Configuration = configuration;
        Success = success;
        Result = result;
        ExceptionInfo = exceptionInfo;
    }

    /// <summary>Whether the data met the expectation.</summary>
    public bool Success { get; }

    /// <summary>The expectation as declared (<c>expectation_config</c>).</summary>
    public ExpectationConfiguration Configuration { get; }

    /// <summary>The details (<c>result</c>); null for BOOLEAN_ONLY and for expectations that could not be judged.</summary>
    public ResultDetails? Result { get; }

    /// <summary>Why the expectation could not be judged, such as a missing column; null when it was judged.</summary>
    public ExceptionInfo? ExceptionInfo { get; }

    /// <summary>The expectation's severity from <c>meta.severity</c>: a failed <c>warn</c> does not fail a gate.</summary>
    public Severity Severity => SeverityOf(Configuration);

    internal static Severity SeverityOf(ExpectationConfiguration configuration) =>
        configuration.Meta["severity"]?.GetValue<string>() is { } s && s.Equals("warn", StringComparison.OrdinalIgnoreCase)
            ? Severity.Warn
            : Severity.Error;
}

/// <summary>How much a failed expectation matters.</summary>
public enum Severity
{
    /// <summary>A failure fails the validation (the default).</summary>
    Error,

    /// <summary>A failure is reported but does not fail the validation.</summary>
    Warn,
}
