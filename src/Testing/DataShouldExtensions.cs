using System.Text.Json;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Readers;
using Microsoft.Data.Analysis;

namespace Dq.Testing;

/// <summary>Starts fluent data assertions: <c>frame.Should().HaveColumn("email").WithNoNulls()</c>.</summary>
public static class DataShouldExtensions
{
    /// <summary>Assertions on a DataFrame.</summary>
    public static DataAssertions Should(this DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new DataAssertions(() => new DataFrameSource(frame, "the DataFrame"));
    }

    /// <summary>Assertions on an Arrow record batch.</summary>
    public static DataAssertions Should(this RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new DataAssertions(() => new RecordBatchSource(batch, "the record batch"));
    }

    /// <summary>Assertions on a batch source; the source stays open and belongs to the caller.</summary>
    public static DataAssertions Should(this IBatchSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DataAssertions(() => new BorrowedSource(source));
    }

    /// <summary>Assertions on a sequence of records or classes: each public property is a column (see <see cref="EnumerableSource{T}"/>).</summary>
    /// <param name="items">The rows; enumerated once per assertion.</param>
    /// <param name="namingPolicy">Turns property names into column names, such as <see cref="JsonNamingPolicy.SnakeCaseLower"/>.</param>
    public static DataAssertions Should<T>(this IEnumerable<T> items, JsonNamingPolicy? namingPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new DataAssertions(() => new EnumerableSource<T>(items, $"the {typeof(T).Name} items", namingPolicy));
    }

    /// <summary>
    /// Asserts that <paramref name="items"/> satisfy <paramref name="suite"/>, under a name no other assertion
    /// library uses (FluentAssertions' <c>Should()</c> also extends sequences); the message lists every failure.
    /// </summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public static Dq.Expectations.Results.ValidationResult ShouldSatisfy<T>(this IEnumerable<T> items, Dq.Expectations.Suites.ExpectationSuite suite, JsonNamingPolicy? namingPolicy = null) =>
        DataAssert.Satisfies(items, suite, namingPolicy);

    /// <summary>Asserts that the DataFrame satisfies <paramref name="suite"/>.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public static Dq.Expectations.Results.ValidationResult ShouldSatisfy(this DataFrame frame, Dq.Expectations.Suites.ExpectationSuite suite) =>
        DataAssert.Satisfies(frame, suite);

    /// <summary>Asserts that the record batch satisfies <paramref name="suite"/>.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public static Dq.Expectations.Results.ValidationResult ShouldSatisfy(this RecordBatch batch, Dq.Expectations.Suites.ExpectationSuite suite) =>
        DataAssert.Satisfies(batch, suite);

    /// <summary>A source that the assertions use but do not dispose.</summary>
    private sealed class BorrowedSource(IBatchSource inner) : IBatchSource
    {
        public string Name => inner.Name;

        public Schema Schema => inner.Schema;

        public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default) =>
            inner.ReadBatches(columns, cancellationToken);

        public void ReleaseBatch(RecordBatch batch) => inner.ReleaseBatch(batch);

        public long? KnownRowCount => inner.KnownRowCount;

        public void Dispose() { }
    }
}
