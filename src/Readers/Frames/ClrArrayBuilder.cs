using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Frames;

/// <summary>Builds one Arrow array from .NET values of type <typeparamref name="TValue"/>, one batch at a time.</summary>
/// <remarks>
/// Created through <see cref="ClrArrayBuilders"/>, which fixes the mapping of .NET types to Arrow types shared by
/// <see cref="DataFrameSource"/> and <see cref="EnumerableSource{T}"/>. <see cref="Build"/> returns the array and starts
/// a new one, so one builder serves every batch of a run.
/// </remarks>
internal abstract class ClrArrayBuilder<TValue> : IClrArrayBuilder
{
    public abstract IArrowType Type { get; }

    public abstract void Append(TValue value);

    public abstract void AppendNull();

    public abstract IArrowArray Build();
}

/// <summary>The type-erased face of <see cref="ClrArrayBuilder{TValue}"/>.</summary>
internal interface IClrArrayBuilder
{
    IArrowType Type { get; }

    void AppendNull();

    IArrowArray Build();
}

/// <summary>A builder of fixed-width values stored as <typeparamref name="TStored"/> (numbers, dates, timestamps).</summary>
internal sealed class FixedWidthBuilder<TValue, TStored>(IArrowType type, Func<TValue, TStored> convert) : ClrArrayBuilder<TValue>
    where TStored : struct
{
    private ArrowBuffer.Builder<TStored> _values = new();
    private ArrowBuffer.BitmapBuilder _validity = new();

    public override IArrowType Type => type;

    public override void Append(TValue value)
    {
        _values.Append(convert(value));
        _validity.Append(true);
    }

    public override void AppendNull()
    {
        _values.Append(default(TStored));
        _validity.Append(false);
    }

    public override IArrowArray Build()
    {
        int nulls = _validity.UnsetBitCount;
        var validity = nulls == 0 ? ArrowBuffer.Empty : _validity.Build();
        var data = new ArrayData(type, _values.Length, nulls, 0, [validity, _values.Build()]);
        _values = new();
        _validity = new();
        return ArrowArrayFactory.BuildArray(data);
    }
}

/// <summary>A builder of booleans (bit-packed in Arrow).</summary>
internal sealed class BooleanBuilder : ClrArrayBuilder<bool>
{
    private BooleanArray.Builder _builder = new();

    public override IArrowType Type => BooleanType.Default;

    public override void Append(bool value) => _builder.Append(value);

    public override void AppendNull() => _builder.AppendNull();

    public override IArrowArray Build()
    {
        var array = _builder.Build();
        _builder = new();
        return array;
    }
}

/// <summary>A builder of UTF-8 text, fed with .NET strings, characters or UTF-8 bytes.</summary>
internal sealed class TextBuilder<TValue>(Func<TValue, string?> text) : ClrArrayBuilder<TValue>
{
    private StringArray.Builder _builder = new();

    public override IArrowType Type => StringType.Default;

    public override void Append(TValue value)
    {
        if (text(value) is { } s)
        {
            _builder.Append(s);
        }
        else
        {
            _builder.AppendNull();
        }
    }

    public void AppendUtf8(ReadOnlySpan<byte> bytes) => _builder.Append(bytes);

    public override void AppendNull() => _builder.AppendNull();

    public override IArrowArray Build()
    {
        var array = _builder.Build();
        _builder = new();
        return array;
    }
}

/// <summary>A builder of <see cref="decimal"/> values as decimal128 with the scale chosen for the whole column.</summary>
internal sealed class DecimalBuilder(Decimal128Type type) : ClrArrayBuilder<decimal>
{
    private Decimal128Array.Builder _builder = new(type);

    public override IArrowType Type => type;

    public override void Append(decimal value) => _builder.Append(value);

    public override void AppendNull() => _builder.AppendNull();

    public override IArrowArray Build()
    {
        var array = _builder.Build();
        _builder = new(type);
        return array;
    }
}

/// <summary>Appends <c>U?</c> values to the builder of <typeparamref name="TValue"/>, nulls as nulls.</summary>
internal sealed class NullableBuilder<TValue>(ClrArrayBuilder<TValue> inner) : ClrArrayBuilder<TValue?>
    where TValue : struct
{
    public override IArrowType Type => inner.Type;

    public override void Append(TValue? value)
    {
        if (value.HasValue)
        {
            inner.Append(value.GetValueOrDefault());
        }
        else
        {
            inner.AppendNull();
        }
    }

    public override void AppendNull() => inner.AppendNull();

    public override IArrowArray Build() => inner.Build();
}

/// <summary>Text helpers for <see cref="char"/> values.</summary>
internal static class CharText
{
    /// <summary>One character as text; a lone surrogate becomes U+FFFD, as UTF-8 encoding does.</summary>
    public static string Of(char c) => char.IsSurrogate(c) ? "\uFFFD" : c.ToString();
}
