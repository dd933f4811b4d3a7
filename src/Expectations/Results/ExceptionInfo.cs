namespace Dq.Expectations.Results;

/// <summary>Why an expectation could not be judged (GX's <c>exception_info</c>).</summary>
/// <param name="RaisedException">Always true when present: the expectation could not be evaluated.</param>
/// <param name="ExceptionMessage">What went wrong and how to fix it.</param>
public sealed record ExceptionInfo(bool RaisedException, string ExceptionMessage);
