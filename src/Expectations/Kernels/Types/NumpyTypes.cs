using Apache.Arrow.Types;

namespace Dq.Expectations.Kernels.Types;

/// <summary>
/// How pandas would hold an Arrow column, in GX's type names: a typed column has a numpy dtype (<c>int64</c>,
/// <c>float64</c>, <c>bool_</c>, <c>datetime64</c>, <c>Timestamp</c> for zone-aware timestamps); text, binary, dates,
/// times and decimals are <c>object_</c> columns whose values are Python objects (<c>str</c>, <c>bytes</c>,
/// <c>date</c>, <c>time</c>, <c>Decimal</c>). The mapping is documented in docs/expectations.md.
/// </summary>
internal static class NumpyTypes
{
    /// <summary>The dtype name of object columns.</summary>
    public const string ObjectName = "object_";

    // Names numpy's np.dtype(name) resolves to each scalar type (numpy 1.x on 64-bit Linux), plus pandas' Timestamp.
    private static readonly Dictionary<string, string[]> s_dtypeNames = new(StringComparer.Ordinal)
    {
        ["int8"] = ["int8", "i1", "byte", "b"],
        ["int16"] = ["int16", "i2", "short", "h"],
        ["int32"] = ["int32", "i4", "intc", "i"],
        ["int64"] = ["int64", "i8", "int", "int_", "long", "longlong", "intp", "l", "q", "p"],
        ["uint8"] = ["uint8", "u1", "ubyte", "B"],
        ["uint16"] = ["uint16", "u2", "ushort", "H"],
        ["uint32"] = ["uint32", "u4", "uintc", "I"],
        ["uint64"] = ["uint64", "u8", "uint", "ulong", "ulonglong", "uintp", "L", "Q", "P"],
        ["float16"] = ["float16", "f2", "half", "e"],
        ["float32"] = ["float32", "f4", "single", "f"],
        ["float64"] = ["float64", "f8", "float", "double", "d", "float_"],
        ["bool_"] = ["bool", "bool_", "bool8", "?"],
        ["datetime64"] = ["datetime64", "M8", "M"],
        ["timedelta64"] = ["timedelta64", "m8", "m"],
        ["Timestamp"] = ["Timestamp"],
    };

    /// <summary>The numpy dtype name pandas would give a column of this Arrow type (<see cref="ObjectName"/> for object columns).</summary>
    public static string DtypeName(IArrowType type) => type switch
    {
        DictionaryType dictionary => DtypeName(dictionary.ValueType),
        Int8Type => "int8",
        Int16Type => "int16",
        Int32Type => "int32",
        Int64Type => "int64",
        UInt8Type => "uint8",
        UInt16Type => "uint16",
        UInt32Type => "uint32",
        UInt64Type => "uint64",
        HalfFloatType => "float16",
        FloatType => "float32",
        DoubleType => "float64",
        BooleanType => "bool_",
        TimestampType { Timezone: { Length: > 0 } } => "Timestamp",
        TimestampType => "datetime64",
        DurationType => "timedelta64",
        _ => ObjectName,
    };

    /// <summary>The Python type of the values of an object column (<c>str</c>, <c>bytes</c>, <c>date</c>, …).</summary>
    public static string PythonValueType(IArrowType type) => type switch
    {
        DictionaryType dictionary => PythonValueType(dictionary.ValueType),
        StringType or LargeStringType or StringViewType => "str",
        Decimal128Type or Decimal256Type => "Decimal", // before binary: Arrow's decimals are fixed-size binary
        BinaryType or LargeBinaryType or FixedSizeBinaryType => "bytes",
        Date32Type or Date64Type => "date",
        Time32Type or Time64Type => "time",
        _ => type.Name,
    };

    /// <summary>Whether GX judges the column as a whole by its dtype (every non-object column), not value by value.</summary>
    public static bool IsObject(IArrowType type) => DtypeName(type) == ObjectName;

    /// <summary>GX's names for the object dtype itself; with one of them an object column is judged as a whole.</summary>
    public static bool IsObjectName(string name) => name is "object" or "object_" or "O";

    /// <summary>Whether GX accepts a column of dtype <paramref name="dtype"/> for the type name (numpy names are case-sensitive).</summary>
    public static bool DtypeMatches(string dtype, string name)
    {
        if (dtype == ObjectName)
        {
            return IsObjectName(name);
        }
        if (dtype is "datetime64" or "timedelta64" && Unitless(name) is var unitless && unitless != name)
        {
            return s_dtypeNames[dtype].Contains(unitless);
        }
        return s_dtypeNames.TryGetValue(dtype, out var names) && names.Contains(name);
    }

    /// <summary>
    /// Whether a Python value of type <paramref name="pythonType"/> is an instance of a type name, as GX checks the
    /// values of object columns: <c>str</c>/<c>string_types</c> for text, <c>bytes</c>, and dq's <c>date</c>,
    /// <c>time</c> and <c>Decimal</c> (no GX name matches those values). Case-insensitive, as GX's Python names are.
    /// </summary>
    public static bool ValueMatches(string pythonType, string name) => (pythonType, name.ToLowerInvariant()) switch
    {
        ("str", "str" or "string_types") => true,
        ("bytes", "bytes") => true,
        ("date", "date") => true,
        ("time", "time") => true,
        ("Decimal", "decimal") => true,
        _ => false,
    };

    /// <summary><c>datetime64[ns]</c> → <c>datetime64</c> (any unit, with numpy's byte-order prefixes dropped).</summary>
    private static string Unitless(string name)
    {
        var bracket = name.IndexOf('[');
        var bare = bracket > 0 && name.EndsWith(']') ? name[..bracket] : name;
        return bare.TrimStart('<', '>', '=');
    }
}
