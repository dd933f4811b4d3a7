using System.Globalization;
using Dq.Expectations.Profiling;

namespace Dq.Cli.Commands;

/// <summary>The columns of a profile as a terminal table: type, completeness, distinct values, range and mean or top value.</summary>
internal static class ProfileTable
{
    public static string Render(DataProfile profile)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine($"{TextTable.Clean(profile.Name)}: {profile.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows, {profile.Columns.Count} columns");
        var rows = profile.Columns.Select(c => new[]
        {
            TextTable.Clean(c.Name, 30),
            c.Type.ToString(),
            c.Completeness.ToString("P1", CultureInfo.InvariantCulture),
            (c.Present == 0 ? 0 : c.DistinctCount).ToString("N0", CultureInfo.InvariantCulture) + (c.Categories is null && !c.Distinct.IsExact ? " (approx.)" : ""),
            Details(c),
        });
        TextTable.Write(writer, ["column", "type", "complete", "distinct", "values"], rows);
        return writer.ToString();
    }

    private static string Details(ColumnProfile column)
    {
        if (column.Numeric is { } n)
        {
            return $"{Number(n.Min)} … {Number(n.Max)}, mean {Number(n.Mean)}, std {Number(n.StandardDeviation)}";
        }
        if (column.Categories is { Count: > 0 } categories)
        {
            var top = string.Join(", ", categories.Take(3).Select(c => $"{Expectations.Baselines.BaselineStatistics.CategoryText(c.Value)} ({c.Count.ToString("N0", CultureInfo.InvariantCulture)})"));
            return TextTable.Clean(categories.Count > 3 ? top + ", …" : top, 60);
        }
        return column.MinLength is { } min && column.MaxLength is { } max ? $"length {min} … {max}" : "";
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
