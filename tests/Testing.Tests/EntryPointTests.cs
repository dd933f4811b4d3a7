using Dq.Expectations.Suites;
using Dq.Testing;
using OtherLibrary;

// Outside Dq.Testing's namespaces, with both libraries imported, as a test project using dq and FluentAssertions is:
// there `orders.Should()` binds to the other library's (it has no optional parameter, dq's has one), so dq's chain
// is out of reach through Should(); these entry points are not.
namespace DqTestingClients
{
    /// <summary>
    /// Entry points that no other assertion library shares: with a library that, like FluentAssertions, extends every
    /// sequence with <c>Should()</c> imported (the OtherLibrary namespace below), <c>ShouldSatisfy</c> and
    /// <c>DataAssert.That</c> still compile and run; a scope collects every failure; a record property dq cannot put in a
    /// column is left out unless a check reads it, and then the message says why and names <c>[JsonIgnore]</c>.
    /// </summary>
    public sealed class EntryPointTests
    {
        public sealed record Order(int Id, string? Email, List<string> Tags);

        private static readonly Order[] s_orders = [new(1, "a@x.org", ["new"]), new(2, null, []), new(2, "c@x.org", [])];

        [Fact]
        public void ShouldSatisfyAndDataAssertThat_WorkBesideAnotherLibrarysShould()
        {
            Assert.Equal("other library", s_orders.Should());
            var suite = ExpectationSuite.Create("orders").ExpectColumnValuesToBeBetween("Id", 1, 2).Build();

            Assert.True(s_orders.ShouldSatisfy(suite).Success);
            Assert.Equal("Id", DataAssert.That(s_orders).HaveRowCount(3).HaveColumn("Id").WithValuesBetween(1, 2).Column);
            var error = Assert.Throws<DataAssertionException>(() => DataAssert.That(s_orders).HaveColumn("Id").WithUniqueValues());
            Assert.Contains("row 1: 2", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Scope_CollectsEveryFailure_AndThrowsOnceWhenDisposed()
        {
            var error = Assert.Throws<DataAssertionException>(() =>
            {
                using var scope = DataAssert.Scope();
                DataAssert.That(s_orders).HaveColumn("Id").WithUniqueValues();   // fails: 2 twice
                DataAssert.That(s_orders).HaveColumn("Email").WithNoNulls();     // fails: row 1
                DataAssert.That(s_orders).HaveRowCount(3);                       // passes
                Assert.Equal(2, scope.FailureCount); // nothing thrown yet
            });

            Assert.StartsWith("2 data assertions failed:", error.Message, StringComparison.Ordinal);
            Assert.Contains("1) ", error.Message, StringComparison.Ordinal);
            Assert.Contains("`Id`", error.Message, StringComparison.Ordinal);
            Assert.Contains("2) ", error.Message, StringComparison.Ordinal);
            Assert.Contains("`Email`", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Scope_WithoutFailures_DoesNotThrow_AndAssertionsThrowAgainAfterIt()
        {
            using (DataAssert.Scope())
            {
                DataAssert.That(s_orders).HaveRowCount(3);
            }

            Assert.Throws<DataAssertionException>(() => DataAssert.That(s_orders).HaveRowCount(4));
        }

        [Fact]
        public void UnsupportedProperty_IsSkippedUnlessRead_ThenTheMessageNamesJsonIgnore()
        {
            // Tags (a list) cannot be a column: checks on the other properties run as if it were not there.
            DataAssert.That(s_orders).HaveColumn("Id").WithNoNulls();

            var error = Assert.Throws<DataAssertionException>(() => DataAssert.That(s_orders).HaveColumn("Tags"));

            Assert.Contains("`Tags` was left out of the columns", error.Message, StringComparison.Ordinal);
            Assert.Contains("[JsonIgnore]", error.Message, StringComparison.Ordinal);
        }
    }
}

namespace OtherLibrary
{
    /// <summary>Stands for FluentAssertions: an assertion library whose <c>Should()</c> extends every sequence.</summary>
    public static class OtherShouldExtensions
    {
        public static string Should<T>(this IEnumerable<T> items) => items is null ? "" : "other library";
    }
}
