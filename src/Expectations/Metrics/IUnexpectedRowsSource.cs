namespace Dq.Expectations.Metrics;

/// <summary>A metric state that ends as the unexpected rows of a row-level check.</summary>
internal interface IUnexpectedRowsSource
{
    UnexpectedRowsState ToUnexpectedRows();
}
