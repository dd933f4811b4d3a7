using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl.Tests;

/// <summary>Properties of the transforms over generated frames, for both string column types.</summary>
public sealed class TransformPropertyTests
{
    private static readonly Gen<string?> s_id = Gen.Frequency((1, Gen.Constant<string?>(null)), (5, Gen.Choose(0, 12).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<string?> s_email = Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (6, Gen.Elements<string?>("a@x.com", "b.c+tag@mail.x.org", "bad", "a b@x.com", "@x.com", "ü@x.com", "z@x.com\n", "q_1@h-2.io")));

    private static readonly Gen<string?> s_status = Gen.Elements<string?>(null, "active", "inactive", "");

    private static readonly Gen<(DataFrame Frame, bool Arrow)> s_customers =
        from rows in (from id in s_id from email in s_email from status in s_status select (id, email, status)).ArrayOf()
        from arrow in Gen.Elements(false, true)
        let frame = Frames.Customers(rows)
        select (arrow ? Frames.AsArrowStrings(frame) : frame, arrow);

    private static readonly Regex s_emailRule = new(CustomerTransforms.EmailPattern);

    [Fact]
    public void CleanCustomerData_IsIdempotent() =>
        Prop.ForAll(s_customers.ToArbitrary(), c =>
        {
            var once = CustomerTransforms.CleanCustomerData(c.Frame);
            var twice = CustomerTransforms.CleanCustomerData(once);
            Assert.Equal(Frames.CustomerRows(once), Frames.CustomerRows(twice));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CleanCustomerData_OutputIds_AreUniqueAndNotNull() =>
        Prop.ForAll(s_customers.ToArbitrary(), c =>
        {
            var ids = Frames.Values(CustomerTransforms.CleanCustomerData(c.Frame), "customer_id");
            Assert.DoesNotContain(null, ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CleanCustomerData_EveryOutputEmail_MatchesThePattern() =>
        Prop.ForAll(s_customers.ToArbitrary(), c =>
        {
            var emails = Frames.Values(CustomerTransforms.CleanCustomerData(c.Frame), "email");
            Assert.All(emails, e => Assert.Matches(s_emailRule, (string)e!));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CleanCustomerData_RowCount_NeverGrowsAndEqualsTheReferenceCount() =>
        Prop.ForAll(s_customers.ToArbitrary(), c =>
        {
            var input = Frames.CustomerRows(c.Frame);
            var output = CustomerTransforms.CleanCustomerData(c.Frame);
            // Independent reference: a plain LINQ version of the rule.
            var expected = input.Where(r => r.Id is not null && r.Email is not null && s_emailRule.IsMatch(r.Email))
                .Select(r => (r.Id, r.Email, Status: (string?)(r.Status ?? "active")))
                .DistinctBy(r => r.Id)
                .ToList();
            Assert.True(output.Rows.Count <= input.Count);
            Assert.Equal(expected, Frames.CustomerRows(output));
        }).QuickCheckThrowOnFailure();

    private static readonly Gen<double> s_amount = Gen.Choose(0, 1_000_000).Select(i => i / 100.0);

    private static readonly Gen<(double Q, double P, double? R)[]> s_orders =
        (from q in s_amount
         from p in s_amount
         from r in Gen.Frequency((1, Gen.Constant<double?>(null)), (4, Gen.Choose(0, 1000).Select(i => (double?)(i / 1000.0))))
         select (q, p, r)).ArrayOf();

    [Fact]
    public void CalculateOrderMetrics_DiscountInUnitRange_FinalNeverExceedsTotal() =>
        Prop.ForAll(s_orders.ToArbitrary(), rows =>
        {
            var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders([.. rows.Select(r => ((double?)r.Q, (double?)r.P, r.R, (DateTime?)DateTime.UnixEpoch))]));
            var totals = Frames.Values(output, "total_amount").Cast<double>().ToList();
            var finals = Frames.Values(output, "final_amount").Cast<double>().ToList();
            Assert.All(totals.Zip(finals), p => Assert.True(p.Second <= p.First && p.Second >= 0, $"final {p.Second} total {p.First}"));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CalculateOrderMetrics_RowCount_IsUnchanged() =>
        Prop.ForAll(s_orders.ToArbitrary(), rows =>
        {
            var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders([.. rows.Select(r => ((double?)r.Q, (double?)r.P, r.R, (DateTime?)null))]));
            Assert.Equal(rows.Length, output.Rows.Count);
        }).QuickCheckThrowOnFailure();
}
