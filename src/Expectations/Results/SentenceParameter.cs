namespace Dq.Expectations.Results;

/// <summary>What a sentence parameter is, which decides how a reporter shows it.</summary>
public enum SentenceParameterKind
{
    /// <summary>A column name, or a list of them.</summary>
    Column,

    /// <summary>A pattern: a regular expression, a strftime format, a row condition, a type name.</summary>
    Pattern,

    /// <summary>A value or a list of values from the kwargs.</summary>
    Value,

    /// <summary>A percentage computed from a kwarg (<c>mostly</c>).</summary>
    Percent,
}

/// <summary>One typed parameter of a sentence: its kwarg name, kind and display text (unescaped).</summary>
/// <param name="Name">The placeholder's name, usually the kwarg's.</param>
/// <param name="Kind">What the parameter is.</param>
/// <param name="Text">The text shown, from <see cref="ValueText"/>; not escaped for any medium.</param>
public sealed record SentenceParameter(string Name, SentenceParameterKind Kind, string Text);
