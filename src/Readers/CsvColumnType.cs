namespace Dq.Readers;

/// <summary>The type of a CSV column, inferred or set by a <see cref="CsvSchema"/>, with the Arrow type it is read as.</summary>
public enum CsvColumnType
{
    /// <summary>UTF-8 text (Arrow <c>utf8</c>), byte for byte as in the file.</summary>
    String,

    /// <summary>A 64-bit integer (Arrow <c>int64</c>): an optional sign and digits, invariant, no separators.</summary>
    Int64,

    /// <summary>A double (Arrow <c>float64</c>): invariant decimal or exponent notation, <c>NaN</c>, <c>Infinity</c>, <c>inf</c>.</summary>
    Double,

    /// <summary>A boolean (Arrow <c>bool</c>): <c>true</c> or <c>false</c> in any ASCII case.</summary>
    Boolean,

    /// <summary>A date (Arrow <c>date32</c>), ISO <c>yyyy-MM-dd</c> unless the schema gives a .NET format. Never inferred.</summary>
    Date,

    /// <summary>
    /// An instant (Arrow <c>timestamp[us, UTC]</c>), ISO 8601 unless the schema gives a .NET format; a value without
    /// an offset is taken as UTC. Never inferred.
    /// </summary>
    Timestamp,
}
