namespace Dq.Expectations;

/// <summary>
/// A suite, an expectation's kwargs or an option is invalid. The message names the file, the expectation's
/// index and type, and the kwarg, and says how to fix it. The <c>dq</c> command exits with code 2.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception with a located message.</summary>
    public ConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a located message and the exception that caused it.</summary>
    public ConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception without a message; prefer the located constructors.</summary>
    public ConfigurationException() { }
}
