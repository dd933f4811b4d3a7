namespace Dq.Expectations.Conditions;

/// <summary>A row condition that does not parse; <see cref="Position"/> is the 0-based character index of the problem.</summary>
internal sealed class ConditionSyntaxException : Exception
{
    public ConditionSyntaxException(string condition, int position, string message) : base(message)
    {
        Condition = condition;
        Position = position;
    }

    public ConditionSyntaxException() { }

    public ConditionSyntaxException(string message) : base(message) { }

    public ConditionSyntaxException(string message, Exception innerException) : base(message, innerException) { }

    public string Condition { get; } = "";

    public int Position { get; }
}
