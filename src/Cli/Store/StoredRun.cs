namespace Dq.Cli.Store;

/// <summary>One run as the store lists it.</summary>
internal sealed record StoredRun(
    string RunId,
    DateTimeOffset RunTime,
    string? Checkpoint,
    string? CheckpointRunId,
    string Suite,
    string DataAsset,
    bool Success,
    int Evaluated,
    int Successful,
    int Unsuccessful,
    int Warned,
    double SuccessPercent,
    long RowCount,
    double DurationSeconds,
    string DqVersion);

/// <summary>One expectation's stored result and metrics.</summary>
internal sealed record StoredExpectation(
    int Index,
    string Type,
    string? Column,
    string Severity,
    bool Success,
    long? ElementCount,
    long? MissingCount,
    long? UnexpectedCount,
    double? UnexpectedPercent,
    string? ObservedValueJson,
    string? ExceptionMessage);
