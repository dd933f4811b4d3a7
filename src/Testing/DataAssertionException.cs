using Dq.Expectations.Results;

namespace Dq.Testing;

/// <summary>
/// Thrown when data does not meet its expectations. Every test framework (xUnit, NUnit, MSTest) reports an
/// unhandled exception from a test as a failure, with this message.
/// </summary>
public sealed class DataAssertionException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public DataAssertionException() : base("The data did not meet its expectations.") { }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public DataAssertionException(string message) : base(message) { }

    /// <summary>Creates an exception with <paramref name="message"/> and the exception that caused it.</summary>
    public DataAssertionException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a failed validation.</summary>
    public DataAssertionException(string message, ValidationResult result) : base(message) => Result = result;

    /// <summary>The validation that failed, with every expectation's result; null when created without one.</summary>
    public ValidationResult? Result { get; }
}
