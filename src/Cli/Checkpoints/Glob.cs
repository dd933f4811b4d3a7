using System.Text;
using System.Text.RegularExpressions;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// File globs as shells know them: <c>*</c> (any characters but <c>/</c>), <c>?</c> (one character), <c>[abc]</c> and
/// <c>[a-z]</c> (<c>[!a]</c> negated), and <c>**</c> as a whole segment (any number of folders, none included).
/// </summary>
/// <remarks>
/// <c>**</c> does not descend into symbolic links to folders, as bash's globstar does not: a link that points back
/// up the tree would otherwise make the walk endless. A link named by a literal or single-segment pattern is
/// followed. Matching is ordinal and case-sensitive; hidden entries match like any other.
/// </remarks>
internal static class Glob
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="pattern"/> holds any wildcard.</summary>
    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>The files that match an absolute <paramref name="pattern"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> Files(string pattern)
    {
        var parts = pattern.Split(Path.DirectorySeparatorChar);
        int fixedCount = parts.TakeWhile(p => !HasWildcards(p)).Count();
        var root = string.Join(Path.DirectorySeparatorChar, parts.Take(fixedCount));
        root = root.Length == 0 ? Path.DirectorySeparatorChar.ToString() : root;
        var matches = new List<string>();
        if (Directory.Exists(root))
        {
            var segments = parts.Skip(fixedCount).Select(Segment.Parse).ToArray();
            Walk(new DirectoryInfo(root), segments, 0, matches);
        }
        return [.. matches.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static void Walk(DirectoryInfo folder, Segment[] segments, int index, List<string> matches)
    {
        var segment = segments[index];
        bool last = index == segments.Length - 1;
        if (segment.IsGlobstar)
        {
            // Zero folders: the rest of the pattern applies here; then one more folder, still under `**`.
            if (last)
            {
                matches.AddRange(Entries(folder).OfType<FileInfo>().Select(f => f.FullName));
            }
            else
            {
                Walk(folder, segments, index + 1, matches);
            }
            foreach (var child in Entries(folder).OfType<DirectoryInfo>().Where(d => d.LinkTarget is null))
            {
                Walk(child, segments, index, matches);
            }
            return;
        }
        foreach (var entry in Entries(folder).Where(e => segment.Matches(e.Name)))
        {
            if (last)
            {
                if (entry is FileInfo)
                {
                    matches.Add(entry.FullName);
                }
            }
            else if (entry is DirectoryInfo child)
            {
                Walk(child, segments, index + 1, matches);
            }
        }
    }

    private static IEnumerable<FileSystemInfo> Entries(DirectoryInfo folder)
    {
        try
        {
            return folder.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return []; // an unreadable folder matches nothing, as in a shell
        }
    }

    private sealed record Segment(bool IsGlobstar, Regex? Pattern, string Literal)
    {
        public static Segment Parse(string text) =>
            text == "**" ? new Segment(true, null, text)
            : HasWildcards(text) ? new Segment(false, new Regex(ToRegex(text), RegexOptions.CultureInvariant, s_matchTimeout), text)
            : new Segment(false, null, text);

        public bool Matches(string name) => Pattern?.IsMatch(name) ?? string.Equals(name, Literal, StringComparison.Ordinal);

        private static string ToRegex(string glob)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                int close = c == '[' ? glob.IndexOf(']', i + 2) : -1;
                switch (c)
                {
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[' when close > 0:
                        var set = glob[(i + 1)..close];
                        bool negated = set[0] is '!' or '^';
                        regex.Append('[').Append(negated ? "^" : "").Append(Regex.Escape(negated ? set[1..] : set).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return regex.Append('$').ToString();
        }
    }
}
