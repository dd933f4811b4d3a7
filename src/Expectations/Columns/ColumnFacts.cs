using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Expectations.Columns;

/// <summary>Facts about a column's Arrow type and the schema, shared by the planner, the kernels and the catalogue.</summary>
internal static class ColumnFacts
{
    /// <summary>Whether the column holds text: UTF-8 strings, plain or dictionary-encoded.</summary>
    public static bool IsText(IArrowType type) => type is StringType or DictionaryType { ValueType: StringType };

    /// <summary>The message for a column that is not in the data: it lists the columns there are.</summary>
    public static string MissingColumn(string column, Schema schema) =>
        $"column `{column}` is not in the data.{NearestName.DidYouMean(column, schema.FieldsList.Select(f => f.Name))} The columns are {string.Join(", ", schema.FieldsList.Select(f => $"`{f.Name}`"))}; check the name (it is case-sensitive) or the reader's header option.";
}
