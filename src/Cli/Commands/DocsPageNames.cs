namespace Dq.Cli.Commands;

/// <summary>File names of the pages <c>dq profile</c> and <c>dq monitor</c> add to a docs folder.</summary>
internal static class DocsPageNames
{
    /// <summary><c>&lt;folder&gt;/&lt;section&gt;/&lt;UTC time&gt;-&lt;data file's name, made safe&gt;.html</c>.</summary>
    public static string For(string docsFolder, string section, string dataPath, DateTimeOffset when)
    {
        var name = Path.GetFileName(dataPath);
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        slug = slug.Length == 0 ? "data" : slug[..Math.Min(slug.Length, 60)];
        return Path.Combine(docsFolder, section, $"{when.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{slug}.html");
    }
}
