using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Readers.Frames;

namespace Dq.Readers;

/// <summary>
/// An <see cref="IBatchSource"/> over a sequence of records or classes: each public readable instance property is a
/// column, each item a row. <c>Validator.Validate(new EnumerableSource&lt;Order&gt;(orders), suite)</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// <para>
/// Property types map to Arrow as for <see cref="DataFrameSource"/>: integers and floats keep their width and sign,
/// <see cref="bool"/> → boolean, <see cref="string"/>, <see cref="char"/> and enums (by name) → UTF-8 text,
/// <see cref="decimal"/> → decimal128(38, the largest scale among the values), <see cref="DateOnly"/> → date32,
/// <see cref="DateTime"/> → timestamp in microseconds without a time zone (wall-clock), <see cref="DateTimeOffset"/>
/// → timestamp in microseconds in UTC; nullable forms give nulls. Ticks below a microsecond are dropped.
/// </para>
/// <para>
/// A column is named by the property's <see cref="JsonPropertyNameAttribute"/>, else by the naming policy (such as
/// <see cref="JsonNamingPolicy.SnakeCaseLower"/>, to match suites written for files with <c>snake_case</c> columns),
/// else by the property's name. Properties marked <see cref="JsonIgnoreAttribute"/> (always) are left out.
/// </para>
/// <para>
/// The sequence is enumerated once per validation run, lazily, one batch at a time; when <typeparamref name="T"/>
/// has a <see cref="decimal"/> property it is enumerated once more, the first time the schema is needed, to find the
/// decimal scale. Use a sequence that can be enumerated more than once (a list, or a query over one).
/// </para>
/// </remarks>
public sealed class EnumerableSource<T> : IBatchSource, ISkippedColumns
{
    private readonly IEnumerable<T> _items;
    private readonly int _batchRows;
    private readonly PropertyInfo[] _properties;
    private readonly Lazy<(Schema Schema, Decimal128Type?[] DecimalTypes)> _schema;

    /// <summary>Wraps <paramref name="items"/>.</summary>
    /// <param name="items">The rows.</param>
    /// <param name="name">The data asset's name in results and messages.</param>
    /// <param name="namingPolicy">Turns property names into column names, or <see langword="null"/> to keep them.</param>
    /// <param name="batchRows">The rows per batch (at least 1); results do not depend on it.</param>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> has no public property that can be a column, or two properties map to one column
    /// name; the message names the property. Properties whose type cannot be a column are left out (see
    /// <see cref="SkippedColumns"/>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchRows"/> is less than 1.</exception>
    public EnumerableSource(IEnumerable<T> items, string name = "in-memory items", JsonNamingPolicy? namingPolicy = null, int batchRows = DataFrameSource.DefaultBatchRows)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        _properties = [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .OrderBy(p => p.MetadataToken)];
        if (_properties.Length == 0)
        {
            throw FrameErrors.NoProperties(typeof(T), nameof(items));
        }
        // A property dq cannot put in a column is left out, so that a record with, say, a list property can still be
        // checked on its other properties; an expectation that reads it finds no such column, and the reason is kept.
        var skipped = _properties.Where(p => !ClrArrayBuilders.IsSupported(p.PropertyType)).ToList();
        SkippedColumns = skipped.ToDictionary(p => ColumnName(p, namingPolicy), p => FrameErrors.UnsupportedProperty(typeof(T), p, nameof(items)).Message, StringComparer.Ordinal);
        _properties = [.. _properties.Except(skipped)];
        if (_properties.Length == 0)
        {
            throw skipped.Count > 0 ? FrameErrors.UnsupportedProperty(typeof(T), skipped[0], nameof(items)) : FrameErrors.NoProperties(typeof(T), nameof(items));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _properties)
        {
            if (!names.Add(ColumnName(property, namingPolicy)))
            {
                throw FrameErrors.DuplicateColumn(typeof(T), ColumnName(property, namingPolicy), nameof(items));
            }
        }
        _items = items;
        _batchRows = batchRows;
        Name = name;
        _schema = new(() => BuildSchema(namingPolicy));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> SkippedColumns { get; }

    /// <summary>One nullable field per property, in declaration order.</summary>
    /// <remarks>The first read enumerates the items when <typeparamref name="T"/> has a decimal property.</remarks>
    /// <exception cref="ArgumentException">A decimal property's values need more than 38 digits in one column.</exception>
    public Schema Schema => _schema.Value.Schema;

    /// <inheritdoc />
    /// <exception cref="DataReadException">An item is null.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        var (schema, decimalTypes) = _schema.Value;
        int[] selected = [.. Enumerable.Range(0, _properties.Length).Where(i => columns is null || columns.Contains(schema.GetFieldByIndex(i).Name))];
        var batchSchema = columns is null ? schema : new Schema(selected.Select(schema.GetFieldByIndex), metadata: null);
        return Read(selected, batchSchema, decimalTypes, cancellationToken);
    }

    private IEnumerable<RecordBatch> Read(int[] selected, Schema schema, Decimal128Type?[] decimalTypes, CancellationToken cancellationToken)
    {
        var columns = selected.Select(i => PropertyColumn<T>.Create(_properties[i], decimalTypes[i])).ToArray();
        long index = 0;
        var rows = 0;
        foreach (var item in _items)
        {
            if (item is null)
            {
                throw FrameErrors.NullItem(Name, index);
            }
            foreach (var column in columns)
            {
                column.Append(item);
            }
            index++;
            if (++rows == _batchRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new RecordBatch(schema, columns.Select(c => c.Build()), rows);
                rows = 0;
            }
        }
        if (rows > 0)
        {
            yield return new RecordBatch(schema, columns.Select(c => c.Build()), rows);
        }
    }

    /// <summary>Does nothing: the items belong to the caller.</summary>
    public void Dispose() { }

    private (Schema, Decimal128Type?[]) BuildSchema(JsonNamingPolicy? namingPolicy)
    {
        var decimalTypes = new Decimal128Type?[_properties.Length];
        for (var i = 0; i < _properties.Length; i++)
        {
            if (ClrArrayBuilders.IsDecimal(_properties[i].PropertyType))
            {
                decimalTypes[i] = DecimalType(_properties[i], namingPolicy);
            }
        }
        var fields = _properties.Select((p, i) =>
            new Field(ColumnName(p, namingPolicy), decimalTypes[i] ?? PropertyColumn<T>.Create(p, null).Type, nullable: true));
        return (new Schema(fields, metadata: null), decimalTypes);
    }

    private Decimal128Type DecimalType(PropertyInfo property, JsonNamingPolicy? namingPolicy)
    {
        var scale = new DecimalScale();
        Func<T, decimal?> get;
        if (property.PropertyType == typeof(decimal))
        {
            var plain = PropertyColumn<T>.Getter<decimal>(property);
            get = item => plain(item);
        }
        else
        {
            get = PropertyColumn<T>.Getter<decimal?>(property);
        }
        foreach (var item in _items)
        {
            if (item is not null && get(item) is { } value)
            {
                scale.Add(value);
            }
        }
        return scale.ToType(ColumnName(property, namingPolicy), "items");
    }

    private static string ColumnName(PropertyInfo property, JsonNamingPolicy? namingPolicy) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? namingPolicy?.ConvertName(property.Name) ?? property.Name;
}
