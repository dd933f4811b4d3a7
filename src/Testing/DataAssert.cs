using System.Text.Json;
using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Readers;
using Microsoft.Data.Analysis;

namespace Dq.Testing;

/// <summary>
/// Assertions that data satisfies a dq suite, for unit tests: <c>DataAssert.Satisfies(frame, suite)</c> throws a
/// <see cref="DataAssertionException"/> listing every failed expectation with its column, rule, observed value,
/// unexpected count and percent, and sample bad values with their row indexes.
/// </summary>
/// <remarks>
/// Expectations of severity <c>warn</c> never fail an assertion; when others fail they are listed too. Each method
/// returns the <see cref="ValidationResult"/> so a test can look further.
/// </remarks>
public static class DataAssert
{
    /// <summary>Asserts that <paramref name="frame"/> satisfies <paramref name="suite"/>.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    /// <exception cref="ArgumentException">A column of the frame cannot be validated (see <see cref="DataFrameSource"/>).</exception>
    public static ValidationResult Satisfies(DataFrame frame, ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var source = new DataFrameSource(frame, "the DataFrame");
        return Satisfies(source, suite);
    }

    /// <summary>Asserts that <paramref name="batch"/> satisfies <paramref name="suite"/>.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public static ValidationResult Satisfies(RecordBatch batch, ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var source = new RecordBatchSource(batch, "the record batch");
        return Satisfies(source, suite);
    }

    /// <summary>Asserts that <paramref name="items"/> satisfy <paramref name="suite"/>; each public property is a column.</summary>
    /// <param name="items">The rows.</param>
    /// <param name="suite">The expectations.</param>
    /// <param name="namingPolicy">Turns property names into column names (such as <see cref="JsonNamingPolicy.SnakeCaseLower"/>).</param>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    /// <exception cref="ArgumentException">A property's type cannot be a column (see <see cref="EnumerableSource{T}"/>).</exception>
    public static ValidationResult Satisfies<T>(IEnumerable<T> items, ExpectationSuite suite, JsonNamingPolicy? namingPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var source = new EnumerableSource<T>(items, $"the {typeof(T).Name} items", namingPolicy);
        return Satisfies(source, suite);
    }

    /// <summary>Asserts that the batches of <paramref name="source"/> satisfy <paramref name="suite"/>.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    public static ValidationResult Satisfies(IBatchSource source, ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(suite);
        var result = Validator.Validate(source, suite);
        Passed(result, source as ISkippedColumns);
        return result;
    }

    /// <summary>Fluent assertions on a DataFrame, without an extension method (no clash with other libraries' <c>Should()</c>).</summary>
    public static DataAssertions That(DataFrame frame) => frame.Should();

    /// <summary>Fluent assertions on an Arrow record batch.</summary>
    public static DataAssertions That(RecordBatch batch) => batch.Should();

    /// <summary>Fluent assertions on a batch source; the source stays open and belongs to the caller.</summary>
    public static DataAssertions That(IBatchSource source) => source.Should();

    /// <summary>Fluent assertions on records or classes: <c>DataAssert.That(orders).HaveColumn("id").WithUniqueValues()</c>.</summary>
    /// <param name="items">The rows; enumerated once per assertion.</param>
    /// <param name="namingPolicy">Turns property names into column names (such as <see cref="JsonNamingPolicy.SnakeCaseLower"/>).</param>
    public static DataAssertions That<T>(IEnumerable<T> items, JsonNamingPolicy? namingPolicy = null) => items.Should(namingPolicy);

    /// <summary>
    /// Collects the failures of every assertion until the scope is disposed, then throws one
    /// <see cref="DataAssertionException"/> listing them all, so that a test sees every broken rule at once:
    /// <c>using (DataAssert.Scope()) { DataAssert.That(a).HaveRowCount(3); DataAssert.That(b).HaveColumn("id").WithNoNulls(); }</c>.
    /// Scopes nest (an inner one hands its failures to the outer) and follow async flow.
    /// </summary>
    public static DataAssertionScope Scope() => new();

    /// <summary>Asserts that a validation already run passed.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public static void Passed(ValidationResult result) => Passed(result, null);

    private static void Passed(ValidationResult result, ISkippedColumns? skipped)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Success)
        {
            return;
        }
        var message = FailureMessage.Format(result) + FailureMessage.SkippedColumns(result, skipped);
        if (DataAssertionScope.Current is { } scope)
        {
            scope.Add(message, result);
            return;
        }
        throw new DataAssertionException(message, result);
    }
}
