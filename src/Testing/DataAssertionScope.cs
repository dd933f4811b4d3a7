using System.Text;
using Dq.Expectations.Results;

namespace Dq.Testing;

/// <summary>
/// While open, assertions record their failures here instead of throwing; disposing the scope throws one
/// <see cref="DataAssertionException"/> with every failure, numbered, in the order they happened. Created by
/// <see cref="DataAssert.Scope"/>.
/// </summary>
public sealed class DataAssertionScope : IDisposable
{
    private static readonly AsyncLocal<DataAssertionScope?> s_current = new();

    private readonly DataAssertionScope? _outer;
    private readonly List<(string Message, ValidationResult Result)> _failures = [];
    private bool _disposed;

    internal DataAssertionScope()
    {
        _outer = s_current.Value;
        s_current.Value = this;
    }

    /// <summary>The innermost open scope of this flow, or null.</summary>
    internal static DataAssertionScope? Current => s_current.Value;

    /// <summary>The failures recorded so far.</summary>
    public int FailureCount => _failures.Count;

    internal void Add(string message, ValidationResult result)
    {
        lock (_failures)
        {
            _failures.Add((message, result));
        }
    }

    /// <summary>Closes the scope; throws when an assertion failed inside it (an outer scope collects them instead).</summary>
    /// <exception cref="DataAssertionException">At least one assertion failed; the message lists every failure.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        s_current.Value = _outer;
        if (_failures.Count == 0)
        {
            return;
        }
        if (_outer is not null)
        {
            foreach (var (message, result) in _failures)
            {
                _outer.Add(message, result);
            }
            return;
        }
        if (_failures.Count == 1)
        {
            throw new DataAssertionException(_failures[0].Message, _failures[0].Result);
        }
        var text = new StringBuilder($"{_failures.Count} data assertions failed:");
        for (var i = 0; i < _failures.Count; i++)
        {
            text.Append("\n\n").Append(i + 1).Append(") ").Append(_failures[i].Message);
        }
        throw new DataAssertionException(text.ToString(), _failures[0].Result);
    }
}
