namespace Dq.Expectations.Telemetry;

/// <summary>The figures of one expectation of a run.</summary>
/// <param name="Expectation">The expectation's type, such as <c>expect_column_values_to_be_between</c>: the <c>Expectation</c> dimension.</param>
/// <param name="Column">The expectation's <c>column</c> kwarg: the <c>Column</c> dimension; null for expectations without one.</param>
/// <param name="UnexpectedPercent">Unexpected rows as a percentage of the non-null rows: <c>dq.expectation.unexpected_percent</c>.</param>
public sealed record ExpectationFigures(string Expectation, string? Column, double UnexpectedPercent);
