using System.Text;
using System.Text.Json;
using Dq.Expectations;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// Reads a configuration file (a checkpoint or <c>dq.yml</c>) into <see cref="ConfigNode"/>s: <c>.json</c> files as
/// JSON (comments and trailing commas allowed), anything else as YAML. Syntax errors become a
/// <see cref="ConfigurationException"/> naming the file, line and column.
/// </summary>
internal static class ConfigFile
{
    public static ConfigNode Load(string path, string kind)
    {
        var shown = Shown(path);
        var text = ConfigurationText.Read(path, kind);
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ParseJson(text, shown, kind)
            : ParseYaml(text, shown, kind);
    }

    /// <summary>The path as messages show it: relative to the current folder when inside it.</summary>
    public static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    public static ConfigNode ParseYaml(string text, string file, string kind)
    {
        var stream = new YamlStream();
        try
        {
            CheckNesting(text, file, kind);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var mark = new SourceMark(file, (int)e.Start.Line, (int)e.Start.Column);
            throw new ConfigurationException($"{mark}: {kind} is not valid YAML: {Inner(e)} Fix the syntax at that line.", e);
        }
        if (stream.Documents.Count == 0)
        {
            throw new ConfigurationException($"{file}:1:1: {kind} is empty. See `dq init` for an example.");
        }
        var budget = MaxNodes;
        return FromYaml(stream.Documents[0].RootNode, file, ref budget);
    }

    /// <summary>The deepest nesting of lists and mappings a configuration file may have (real ones have 4 or 5).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most values a configuration file may expand to, aliases included: a 600-byte "billion laughs" file of
    /// nested aliases otherwise expands to billions of nodes.
    /// </summary>
    public const int MaxNodes = 100_000;

    /// <summary>
    /// Refuses deep nesting before YamlDotNet's representation model builds it: its node constructors recurse, so
    /// 50,000 nested lists overflow the stack, which no handler can catch. The event parser does not recurse.
    /// </summary>
    private static void CheckNesting(string text, string file, string kind)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart when ++depth > MaxDepth:
                    var start = parser.Current!.Start;
                    throw new ConfigurationException($"{new SourceMark(file, (int)start.Line, (int)start.Column)}: {kind} nests lists and mappings more than {MaxDepth} deep; flatten it.");
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static string Inner(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes messages with its own "(Line: 3, Col: 5, Idx: ...) - (...): " location; ours is clearer.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
        return message.TrimEnd('.') + ".";
    }

    private static ConfigNode FromYaml(YamlNode node, string file, ref int budget)
    {
        var mark = new SourceMark(file, (int)node.Start.Line, (int)node.Start.Column);
        if (--budget < 0)
        {
            throw new ConfigurationException($"{mark}: the file expands to more than {MaxNodes:N0} values (through YAML aliases, `*name`); a checkpoint needs far fewer, so write the values out or remove the aliases.");
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "" or "~" or "null" or "Null" or "NULL";
                return new ConfigScalar(mark, value, isNull);
            case YamlSequenceNode sequence:
                var items = new List<ConfigNode>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    items.Add(FromYaml(child, file, ref budget));
                }
                return new ConfigList(mark, items);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<ConfigKey, ConfigNode>>();
                foreach (var (key, value2) in mapping.Children)
                {
                    var keyMark = new SourceMark(file, (int)key.Start.Line, (int)key.Start.Column);
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new ConfigurationException($"{keyMark}: a key must be a plain name, not {key.NodeType}.");
                    }
                    entries.Add(new(new ConfigKey(name, keyMark), FromYaml(value2, file, ref budget)));
                }
                return new ConfigMap(mark, entries);
            default:
                throw new ConfigurationException($"{mark}: unsupported YAML node ({node.NodeType}).");
        }
    }

    public static ConfigNode ParseJson(string text, string file, string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new ConfigurationException($"{file}:1:1: {kind} is empty. See `dq init` for an example.");
            }
            var root = ReadJson(ref reader, bytes, lines, file);
            if (reader.Read())
            {
                throw new ConfigurationException($"{Mark(reader.TokenStartIndex, bytes, lines, file)}: {kind} has more after its JSON value; remove it.");
            }
            return root;
        }
        catch (JsonException e)
        {
            var mark = new SourceMark(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            var message = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new ConfigurationException($"{mark}: {kind} is not valid JSON: {message} Fix the syntax at that line.", e);
        }
    }

    private static ConfigNode ReadJson(ref Utf8JsonReader reader, byte[] bytes, List<int> lines, string file)
    {
        var mark = Mark(reader.TokenStartIndex, bytes, lines, file);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<ConfigKey, ConfigNode>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = new ConfigKey(reader.GetString()!, Mark(reader.TokenStartIndex, bytes, lines, file));
                    if (entries.Any(e => e.Key.Name == key.Name))
                    {
                        throw new ConfigurationException($"{key.Mark}: key `{key.Name}` appears twice; keep one.");
                    }
                    reader.Read();
                    entries.Add(new(key, ReadJson(ref reader, bytes, lines, file)));
                }
                return new ConfigMap(mark, entries);
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadJson(ref reader, bytes, lines, file));
                }
                return new ConfigList(mark, items);
            case JsonTokenType.String:
                return new ConfigScalar(mark, reader.GetString()!);
            case JsonTokenType.Null:
                return new ConfigScalar(mark, "", IsNull: true);
            default:
                // Numbers and booleans keep their JSON spelling, as YAML plain scalars do.
                return new ConfigScalar(mark, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    private static SourceMark Mark(long offset, byte[] bytes, List<int> lines, string file)
    {
        var line = lines.BinarySearch((int)offset);
        line = line >= 0 ? line : ~line - 1;
        var column = Encoding.UTF8.GetCharCount(bytes, lines[line], (int)offset - lines[line]) + 1;
        return new SourceMark(file, line + 1, column);
    }
}
