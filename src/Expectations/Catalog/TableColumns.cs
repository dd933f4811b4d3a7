using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>Reads the column-name lists of the table-shape expectations.</summary>
internal static class TableColumns
{
    /// <summary>A list of non-empty names, or null when the kwarg is absent or null.</summary>
    public static IReadOnlyList<string>? ReadNames(KwargReader kwargs, string name)
    {
        var values = kwargs.OptionalList(name);
        if (values is not null && values.Any(v => v is not string { Length: > 0 }))
        {
            throw kwargs.Error(name, "holds a value that is not a column name", "give the column names as a list of text values, such as [\"id\", \"amount\"]");
        }
        return values?.Cast<string>().ToList();
    }
}
