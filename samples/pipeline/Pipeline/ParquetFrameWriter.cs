using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace Dq.Samples.Pipeline;

/// <summary>
/// Writes a DataFrame as one Parquet row group: the small writer the sample needs (strings, doubles, integers,
/// booleans, and timestamps without a time zone). The file appears only when complete: it is written beside the
/// target and renamed.
/// </summary>
internal static class ParquetFrameWriter
{
    public static async Task WriteAsync(DataFrame frame, string path, CancellationToken cancellationToken)
    {
        var fields = frame.Columns.Select(Field).ToArray();
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                await WriteColumnAsync(group, fields[i], frame.Columns[i], cancellationToken);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static DataField Field(DataFrameColumn column) => column switch
    {
        StringDataFrameColumn or ArrowStringDataFrameColumn => new DataField<string>(column.Name),
        PrimitiveDataFrameColumn<double> => new DataField<double?>(column.Name),
        PrimitiveDataFrameColumn<long> => new DataField<long?>(column.Name),
        PrimitiveDataFrameColumn<int> => new DataField<int?>(column.Name),
        PrimitiveDataFrameColumn<bool> => new DataField<bool?>(column.Name),
        PrimitiveDataFrameColumn<DateTime> => new DateTimeDataField(column.Name, DateTimeFormat.DateAndTimeMicros, isAdjustedToUTC: false, isNullable: true),
        _ => throw new ArgumentException($"Column `{column.Name}` is a {column.GetType().Name}; the sample writer handles strings, doubles, integers, booleans and DateTime.", nameof(column)),
    };

    private static Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, DataFrameColumn column, CancellationToken cancellationToken) => column switch
    {
        StringDataFrameColumn or ArrowStringDataFrameColumn => group.WriteAsync(field, Values<string>(column)),
        PrimitiveDataFrameColumn<double> c => group.WriteAsync<double>(field, Nullable(c), cancellationToken: cancellationToken),
        PrimitiveDataFrameColumn<long> c => group.WriteAsync<long>(field, Nullable(c), cancellationToken: cancellationToken),
        PrimitiveDataFrameColumn<int> c => group.WriteAsync<int>(field, Nullable(c), cancellationToken: cancellationToken),
        PrimitiveDataFrameColumn<bool> c => group.WriteAsync<bool>(field, Nullable(c), cancellationToken: cancellationToken),
        PrimitiveDataFrameColumn<DateTime> c => group.WriteAsync<DateTime>(field, Nullable(c), cancellationToken: cancellationToken),
        _ => throw new ArgumentException($"Column `{column.Name}` cannot be written.", nameof(column)),
    };

    private static T?[] Values<T>(DataFrameColumn column)
        where T : class =>
        [.. Enumerable.Range(0, checked((int)column.Length)).Select(i => column.IsValid(i) ? (T?)column[i] : null)];

    private static T?[] Nullable<T>(PrimitiveDataFrameColumn<T> column)
        where T : unmanaged =>
        [.. Enumerable.Range(0, checked((int)column.Length)).Select(i => column[i])];
}
