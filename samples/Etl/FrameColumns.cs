using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl;

/// <summary>Looks up the columns a transform needs, with messages that name the column and what was expected.</summary>
internal static class FrameColumns
{
    /// <summary>A text column: <see cref="StringDataFrameColumn"/> or <see cref="ArrowStringDataFrameColumn"/>.</summary>
    public static DataFrameColumn Text(DataFrame frame, string name, string transform, string paramName)
    {
        var column = Find(frame, name, "a string column", transform, paramName);
        return column is StringDataFrameColumn or ArrowStringDataFrameColumn
            ? column
            : throw WrongType(column, "a string column (StringDataFrameColumn or ArrowStringDataFrameColumn)", transform, paramName);
    }

    /// <summary>A column of <typeparamref name="T"/> values.</summary>
    public static PrimitiveDataFrameColumn<T> Of<T>(DataFrame frame, string name, string transform, string paramName)
        where T : unmanaged
    {
        var expected = $"a {typeof(T).Name} column (PrimitiveDataFrameColumn<{typeof(T).Name}>)";
        var column = Find(frame, name, expected, transform, paramName);
        return column as PrimitiveDataFrameColumn<T> ?? throw WrongType(column, expected, transform, paramName);
    }

    /// <summary>The value of a text column at <paramref name="row"/>, or null.</summary>
    public static string? TextAt(DataFrameColumn column, long row) => column.IsValid(row) ? (string?)column[row] : null;

    private static DataFrameColumn Find(DataFrame frame, string name, string expected, string transform, string paramName)
    {
        var index = frame.Columns.IndexOf(name);
        if (index < 0)
        {
            var found = frame.Columns.Count == 0 ? "none" : string.Join(", ", frame.Columns.Select(c => $"`{c.Name}`"));
            throw new ArgumentException(
                $"{transform} needs column `{name}` ({expected}), which the frame lacks. The columns found were {found}.", paramName);
        }
        return frame.Columns[index];
    }

    private static ArgumentException WrongType(DataFrameColumn column, string expected, string transform, string paramName) =>
        new($"{transform} needs column `{column.Name}` to be {expected}, but it is a {column.GetType().Name} of {column.DataType.Name} values. " +
            "Convert the column before calling the transform.", paramName);
}
