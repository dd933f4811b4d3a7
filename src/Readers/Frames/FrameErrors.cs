using Microsoft.Data.Analysis;

namespace Dq.Readers.Frames;

/// <summary>The messages of the DataFrame and enumerable sources, in one place.</summary>
internal static class FrameErrors
{
    public static ArgumentException UnsupportedColumn(DataFrameColumn column, string paramName) =>
        new($"DataFrame column `{column.Name}` is a {column.GetType().Name} of {column.DataType.Name} values, which dq cannot validate. " +
            $"dq reads columns of {ClrArrayBuilders.SupportedTypes}. Remove the column from the frame (frame.Columns.Remove) or " +
            "convert it before validating.",
            paramName);

    public static ArgumentException UnsupportedProperty(Type owner, System.Reflection.PropertyInfo property, string paramName) =>
        new($"Property `{owner.Name}.{property.Name}` has type {property.PropertyType}, which dq cannot put in a column. " +
            $"dq reads properties of {ClrArrayBuilders.SupportedTypes}. Project the items to a type with such properties " +
            "(for example with Select) before validating, or, if no check needs it, mark it [JsonIgnore] to leave it out.",
            paramName);

    public static ArgumentException NoProperties(Type type, string paramName) =>
        new($"Type {type} has no public readable instance properties, so its items have no columns. " +
            "Validate a sequence of records or classes with public properties.",
            paramName);

    public static ArgumentException DuplicateColumn(Type type, string column, string paramName) =>
        new($"Two properties of {type} map to column `{column}`. Rename one, or give it a distinct [JsonPropertyName].", paramName);

    public static Dq.Expectations.DataReadException NullItem(string source, long index) =>
        new($"Item {index} (0-based) of `{source}` is null, so it has no values. Remove null items (for example with " +
            "OfType or Where) before validating.");
}
