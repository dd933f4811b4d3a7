using System.Text.Json;
using System.Text.Json.Serialization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Expectations.Results;

namespace Dq.Readers.Tests;

public sealed class EnumerableSourceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public enum Tier { Bronze, Gold }

    public sealed record Everything(
        sbyte I8, short I16, int I32, long I64, byte U8, ushort U16, uint U32, ulong U64, float F32, double F64, Half F16,
        bool B, string? S, char C, decimal Dec, DateTime Ts, DateTimeOffset TsTz, DateOnly Date, Tier Level,
        int? NI32, double? NF64, bool? NB, decimal? NDec, DateTime? NTs, DateTimeOffset? NTsTz, DateOnly? NDate, Tier? NLevel);

    public sealed record Customer(int CustomerId, string? Email, [property: JsonPropertyName("state")] string? Status, [property: JsonIgnore] string? Secret);

    public sealed class Address
    {
        public string Street { get; set; } = "";
    }

    public sealed record WithAddress(int Id, Address Home);

    public readonly record struct Point(int X, double? Y);

    private static readonly DateTime s_stamp = new DateTime(2024, 5, 6, 7, 8, 9).AddTicks(1_234_560);
    private static readonly DateTimeOffset s_offset = new(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5));

    private static Everything Full(int i) => new(
        -8, -16, i, long.MinValue, 255, 65535, uint.MaxValue, ulong.MaxValue, 1.5f, double.NaN, (Half)0.5, true, "héllo", 'ß', 1.25m,
        s_stamp, s_offset, new DateOnly(1999, 12, 31), Tier.Gold,
        null, null, null, null, null, null, null, null);

    [Fact]
    public void ReadBatches_EveryPropertyType_ReadsBackTheValues()
    {
        using var source = new EnumerableSource<Everything>([Full(7) with { NI32 = 3, NF64 = 2.5, NB = false, NDec = 0.125m, NTs = s_stamp, NTsTz = s_offset, NDate = new DateOnly(2000, 1, 1), NLevel = Tier.Bronze }, Full(8)]);

        var types = source.Schema.FieldsList.Select(f => f.DataType.TypeId).ToArray();
        var batch = source.ReadBatches(null, Token).Single();
        var rows = Enumerable.Range(0, batch.Length)
            .Select(r => batch.Arrays.Select(a => a is HalfFloatArray h ? h.GetValue(r) : BatchValues.Value(a, r)).ToArray())
            .ToList();

        Assert.Equal(
            [ArrowTypeId.Int8, ArrowTypeId.Int16, ArrowTypeId.Int32, ArrowTypeId.Int64, ArrowTypeId.UInt8, ArrowTypeId.UInt16, ArrowTypeId.UInt32,
             ArrowTypeId.UInt64, ArrowTypeId.Float, ArrowTypeId.Double, ArrowTypeId.HalfFloat, ArrowTypeId.Boolean, ArrowTypeId.String,
             ArrowTypeId.String, ArrowTypeId.Decimal128, ArrowTypeId.Timestamp, ArrowTypeId.Timestamp, ArrowTypeId.Date32, ArrowTypeId.String,
             ArrowTypeId.Int32, ArrowTypeId.Double, ArrowTypeId.Boolean, ArrowTypeId.Decimal128, ArrowTypeId.Timestamp, ArrowTypeId.Timestamp,
             ArrowTypeId.Date32, ArrowTypeId.String],
            types);
        var wallClock = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, 456, TimeSpan.Zero);
        object?[] common = [(sbyte)-8, (short)-16, 7, long.MinValue, (byte)255, (ushort)65535, uint.MaxValue, ulong.MaxValue, 1.5f, double.NaN];
        Assert.Equal(common, rows[0][..10]);
        Assert.Equal((Half)0.5, rows[0][10]);
        Assert.Equal(
            [true, "héllo", "ß", 1.25m, wallClock, s_offset, new DateOnly(1999, 12, 31), "Gold",
             3, 2.5, false, 0.125m, wallClock, s_offset, new DateOnly(2000, 1, 1), "Bronze"],
            rows[0][11..]);
        Assert.Equal(new object?[8], rows[1][19..]);
    }

    [Fact]
    public void ReadBatches_BatchRows_SplitsInOrder()
    {
        var items = Enumerable.Range(0, 10).Select(i => new Point(i, i % 3 == 0 ? null : i / 2.0)).ToList();
        using var source = new EnumerableSource<Point>(items, batchRows: 4);

        var batches = source.ReadBatches(null, Token).ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(items.Select(p => (object?)p.X), BatchValues.Rows(batches).Select(r => r[0]));
        Assert.Equal(items.Select(p => (object?)p.Y), BatchValues.Rows(batches).Select(r => r[1]));
        Assert.Equal([2, 1, 1], batches.Select(b => b.Column(1).NullCount));
    }

    [Fact]
    public void Schema_NamingPolicyAndAttributes_NameTheColumns()
    {
        using var source = new EnumerableSource<Customer>([new Customer(1, "a@b.c", null, "x")], namingPolicy: JsonNamingPolicy.SnakeCaseLower);

        Assert.Equal(["customer_id", "email", "state"], source.Schema.FieldsList.Select(f => f.Name));
    }

    [Fact]
    public void Constructor_UnsupportedPropertyType_IsLeftOutWithTheReason()
    {
        using var source = new EnumerableSource<WithAddress>([new WithAddress(1, new Address { Street = "x" })]);

        Assert.Equal(["Id"], source.Schema.FieldsList.Select(f => f.Name));
        var why = source.SkippedColumns["Home"];
        Assert.Contains("`WithAddress.Home`", why, StringComparison.Ordinal);
        Assert.Contains("Select", why, StringComparison.Ordinal);
        Assert.Contains("[JsonIgnore]", why, StringComparison.Ordinal);
    }

    public sealed record OnlyAddress(Address Home);

    [Fact]
    public void Constructor_NoPropertyCanBeAColumn_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new EnumerableSource<OnlyAddress>([]));

        Assert.Contains("`OnlyAddress.Home`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_NullItem_ThrowsDataReadExceptionWithItsIndex()
    {
        using var source = new EnumerableSource<Customer>([new Customer(1, null, null, null), null!]);

        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());

        Assert.Contains("Item 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_MixedScales_UsesTheLargestScale()
    {
        var items = new[] { 1.5m, 10m, 0.0625m }.Select(d => new { Amount = d }).ToList();
        using var typed = Create(items);

        Assert.Equal(4, ((Decimal128Type)typed.Schema.FieldsList[0].DataType).Scale);
        Assert.Equal([1.5m, 10m, 0.0625m], BatchValues.Rows(typed.ReadBatches(null, Token)).Select(r => r[0]));
    }

    private static EnumerableSource<T> Create<T>(IEnumerable<T> items) => new(items);

    [Fact]
    public void ReadBatches_EmptySequence_HasSchemaAndNoBatches()
    {
        using var source = new EnumerableSource<Customer>([]);

        Assert.Equal(3, source.Schema.FieldsList.Count);
        Assert.Empty(source.ReadBatches(null, Token));
    }

    [Fact]
    public void ReadBatches_RequestedColumns_ReadsOnlyThose()
    {
        using var source = new EnumerableSource<Customer>([new Customer(1, "e", "s", null)]);

        var batch = source.ReadBatches(["state", "CustomerId"], Token).Single();

        Assert.Equal(["CustomerId", "state"], batch.Schema.FieldsList.Select(f => f.Name));
    }

    [Fact]
    public void Validate_Records_FindsTheBadRows()
    {
        var customers = Enumerable.Range(0, 7).Select(i => new Customer(i % 5, i == 4 ? null : $"c{i}@x.org", "active", null)).ToList();
        var suite = Dq.Expectations.Suites.ExpectationSuite.Create("c")
            .ExpectColumnValuesToBeUnique("customer_id").ExpectColumnValuesToNotBeNull("email").Build();
        using var source = new EnumerableSource<Customer>(customers, namingPolicy: JsonNamingPolicy.SnakeCaseLower, batchRows: 3);

        var results = Validator.Validate(source, suite, cancellationToken: Token).Results;

        Assert.Equal([0L, 1L, 5L, 6L], results[0].Result!.PartialUnexpectedIndexList!);
        Assert.Equal([4L], results[1].Result!.PartialUnexpectedIndexList!);
    }
}
