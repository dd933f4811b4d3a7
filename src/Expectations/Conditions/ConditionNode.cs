namespace Dq.Expectations.Conditions;

/// <summary>A node of a parsed row condition. Nodes are immutable; <see cref="ToString"/> is the canonical text.</summary>
internal abstract record ConditionNode;

/// <summary>Both sides hold (<c>and</c>, <c>&amp;</c>).</summary>
internal sealed record AndNode(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override string ToString() => $"({Left} and {Right})";
}

/// <summary>Either side holds (<c>or</c>, <c>|</c>).</summary>
internal sealed record OrNode(ConditionNode Left, ConditionNode Right) : ConditionNode
{
    public override string ToString() => $"({Left} or {Right})";
}

/// <summary>The operand does not hold (<c>not</c>, <c>~</c>).</summary>
internal sealed record NotNode(ConditionNode Operand) : ConditionNode
{
    public override string ToString() => $"(not {Operand})";
}

/// <summary>A column's value is null (or, negated, is not).</summary>
internal sealed record NullTestNode(string Column, bool IsNull) : ConditionNode
{
    public override string ToString() => $"(`{Column}` is {(IsNull ? "" : "not ")}null)";
}

/// <summary>The comparison operators.</summary>
internal enum ComparisonOperator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary>A comparison of two operands, each a column or a literal.</summary>
internal sealed record ComparisonNode(Operand Left, ComparisonOperator Operator, Operand Right) : ConditionNode
{
    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    internal static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}

/// <summary>One side of a comparison.</summary>
internal abstract record Operand;

/// <summary>The value of a column in the row being tested.</summary>
internal sealed record ColumnOperand(string Name) : Operand
{
    public override string ToString() => $"`{Name}`";
}

/// <summary>
/// A constant: <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="DateTime"/> (a date or timestamp literal) or null.
/// </summary>
internal sealed record LiteralOperand(object? Value) : Operand
{
    public override string ToString() => Value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        DateTime d => $"timestamp\"{d:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF}\"",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}
