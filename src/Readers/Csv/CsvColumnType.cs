namespace Dq.Readers.Csv;

/// <summary>The type inferred for a CSV column. The order is the widening order of numbers: Int64 widens to Double.</summary>
internal enum CsvColumnType
{
    /// <summary>No non-null value seen yet; a column that stays so is read as an all-null string column.</summary>
    Unknown,
    Int64,
    Double,
    Boolean,
    String,
}
