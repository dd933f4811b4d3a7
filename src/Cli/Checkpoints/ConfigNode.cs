namespace Dq.Cli.Checkpoints;

/// <summary>Where a value sits in a configuration file: the file and the 1-based line and column.</summary>
internal readonly record struct SourceMark(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A value read from a YAML or JSON configuration file, with the place it came from, so that every configuration
/// error can name the file, the line and the column whichever syntax the file used.
/// </summary>
internal abstract record ConfigNode(SourceMark Mark)
{
    /// <summary>What the node is, for messages ("a list", "a mapping", "a value").</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="IsNull"/> for YAML's <c>null</c>/<c>~</c>/empty and JSON's <c>null</c>.</summary>
internal sealed record ConfigScalar(SourceMark Mark, string Value, bool IsNull = false) : ConfigNode(Mark)
{
    public override string Kind => "a value";
}

/// <summary>A sequence (YAML) or array (JSON).</summary>
internal sealed record ConfigList(SourceMark Mark, IReadOnlyList<ConfigNode> Items) : ConfigNode(Mark)
{
    public override string Kind => "a list";
}

/// <summary>A key of a mapping, with its own place (an unknown key is reported where the key is).</summary>
internal readonly record struct ConfigKey(string Name, SourceMark Mark);

/// <summary>A mapping (YAML) or object (JSON), with keys in file order.</summary>
internal sealed record ConfigMap(SourceMark Mark, IReadOnlyList<KeyValuePair<ConfigKey, ConfigNode>> Entries) : ConfigNode(Mark)
{
    public override string Kind => "a mapping";

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public ConfigNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Name == key).Value;
}
