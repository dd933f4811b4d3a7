using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl;

/// <summary>Cleaning of raw customer records.</summary>
public static partial class CustomerTransforms
{
    /// <summary>
    /// Cleans customers: drops rows whose <c>customer_id</c> is null; keeps only rows whose <c>email</c> matches
    /// <see cref="EmailPattern"/> (a null email is dropped); replaces a null <c>status</c> with <c>"active"</c>; then keeps
    /// the first row of each <c>customer_id</c>, in input order. Other columns are carried along.
    /// </summary>
    /// <param name="customers">
    /// A frame with string columns <c>customer_id</c>, <c>email</c> and <c>status</c> (<see cref="StringDataFrameColumn"/>
    /// or <see cref="ArrowStringDataFrameColumn"/>); it is not modified.
    /// </param>
    /// <returns>A new frame with the kept rows, in input order, with the same columns and column types.</returns>
    /// <exception cref="ArgumentException">A column is missing or is not a string column; the message names it.</exception>
    public static DataFrame CleanCustomerData(DataFrame customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        const string Transform = nameof(CleanCustomerData);
        FrameColumns.Text(customers, "customer_id", Transform, nameof(customers));
        FrameColumns.Text(customers, "email", Transform, nameof(customers));
        FrameColumns.Text(customers, "status", Transform, nameof(customers));
        return ArrowStrings.Restore(Clean(ArrowStrings.ToStrings(customers)), customers);
    }

    private static DataFrame Clean(DataFrame customers)
    {
        var ids = customers.Columns["customer_id"];
        var emails = customers.Columns["email"];

        // A regex is not a column operation in Microsoft.Data.Analysis, so the row filter is one pass building a mask;
        // the filtering and filling are the library's column operations.
        var valid = new BooleanDataFrameColumn("valid", customers.Rows.Count);
        for (long row = 0; row < customers.Rows.Count; row++)
        {
            valid[row] = ids.IsValid(row) && FrameColumns.TextAt(emails, row) is { } email && EmailRegex().IsMatch(email);
        }
        var kept = customers.Filter(valid);

        var statusIndex = kept.Columns.IndexOf("status");
        kept.Columns[statusIndex] = kept.Columns[statusIndex].FillNulls("active");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keptIds = kept.Columns["customer_id"];
        var first = new BooleanDataFrameColumn("first", kept.Rows.Count);
        for (long row = 0; row < kept.Rows.Count; row++)
        {
            first[row] = seen.Add(FrameColumns.TextAt(keptIds, row)!);
        }
        return kept.Filter(first);
    }

    /// <summary>
    /// The email rule, as the issue states it: <c>^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$</c>, ASCII only. The end is anchored
    /// with <c>\z</c> rather than <c>$</c>, which in .NET (as in Java and Python) also matches before a final newline,
    /// so <c>"a@b.com\n"</c> is rejected.
    /// </summary>
    public const string EmailPattern = @"^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+\z";

    [GeneratedRegex(EmailPattern, RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();
}
