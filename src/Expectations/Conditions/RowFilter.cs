namespace Dq.Expectations.Conditions;

/// <summary>
/// A parsed <c>row_condition</c>: the rows an expectation applies to. Filters compare by their parsed form, so
/// <c>x==1</c> and <c>(x == 1)</c> are the same filter and share scans.
/// </summary>
internal sealed record RowFilter(ConditionNode Root)
{
    /// <summary>The columns the condition reads (computed, so that equality stays that of the parsed form).</summary>
    public IReadOnlyList<string> Columns => [.. ColumnsOf(Root).Distinct(StringComparer.Ordinal)];

    public override string ToString() => Root.ToString();

    /// <summary>Parses a condition; GX's <c>condition_parser</c> must be absent, "pandas" or "great_expectations".</summary>
    /// <exception cref="ConditionSyntaxException">The text does not parse.</exception>
    public static RowFilter Parse(string condition) => new(ConditionParser.Parse(condition));

    private static IEnumerable<string> ColumnsOf(ConditionNode node) => node switch
    {
        AndNode a => ColumnsOf(a.Left).Concat(ColumnsOf(a.Right)),
        OrNode o => ColumnsOf(o.Left).Concat(ColumnsOf(o.Right)),
        NotNode n => ColumnsOf(n.Operand),
        NullTestNode t => [t.Column],
        ComparisonNode c => new[] { c.Left, c.Right }.OfType<ColumnOperand>().Select(o => o.Name),
        _ => [],
    };
}
