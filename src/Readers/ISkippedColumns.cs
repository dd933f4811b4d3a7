namespace Dq.Readers;

/// <summary>A source that left some of its fields out because they cannot be columns, saying why for each.</summary>
public interface ISkippedColumns
{
    /// <summary>
    /// The column names left out, each with the reason and the fix (such as a record property of a list type, which
    /// <c>[JsonIgnore]</c> leaves out on purpose). An expectation on one of them finds no such column.
    /// </summary>
    IReadOnlyDictionary<string, string> SkippedColumns { get; }
}
