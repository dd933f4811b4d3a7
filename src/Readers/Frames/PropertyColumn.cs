using System.Linq.Expressions;
using System.Reflection;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Frames;

/// <summary>One public property of <typeparamref name="T"/> as a column: reads it from each item into an Arrow builder.</summary>
internal abstract class PropertyColumn<T>
{
    public abstract IArrowType Type { get; }

    public abstract void Append(T item);

    public abstract IArrowArray Build();

    /// <summary>A fresh column (with its own builder) for <paramref name="property"/>.</summary>
    public static PropertyColumn<T> Create(PropertyInfo property, Decimal128Type? decimalType) =>
        (PropertyColumn<T>)Activator.CreateInstance(
            typeof(PropertyColumn<,>).MakeGenericType(typeof(T), property.PropertyType), property, decimalType)!;

    /// <summary>A compiled getter of <paramref name="property"/>, for classes and structs alike.</summary>
    public static Func<T, TValue> Getter<TValue>(PropertyInfo property)
    {
        var item = Expression.Parameter(typeof(T), "item");
        return Expression.Lambda<Func<T, TValue>>(Expression.Property(item, property), item).Compile();
    }
}

/// <summary>A property of type <typeparamref name="TValue"/>.</summary>
internal sealed class PropertyColumn<T, TValue>(PropertyInfo property, Decimal128Type? decimalType) : PropertyColumn<T>
{
    private readonly Func<T, TValue> _get = Getter<TValue>(property);
    private readonly ClrArrayBuilder<TValue> _builder = ClrArrayBuilders.Create<TValue>(decimalType);

    public override IArrowType Type => _builder.Type;

    public override void Append(T item) => _builder.Append(_get(item));

    public override IArrowArray Build() => _builder.Build();
}
