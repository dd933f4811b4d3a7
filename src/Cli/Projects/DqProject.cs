using Dq.Cli.Checkpoints;
using Dq.Expectations;
using static Dq.Cli.Checkpoints.ConfigReader;

namespace Dq.Cli.Projects;

/// <summary>
/// A dq project: the folder holding <c>dq.yml</c>, with its settings. Commands find it by walking up from a start
/// folder, as git finds its repository.
/// </summary>
/// <param name="Root">The project folder (absolute).</param>
/// <param name="StorePath">The validation store's absolute path, or null when the project keeps no store (<c>store: none</c>).</param>
/// <param name="DocsPath">Where data docs go (absolute): the default of <c>dq docs build</c> and of the <c>update_data_docs</c> action.</param>
/// <param name="FilePath">The <c>dq.yml</c> file, or null for the defaults of a folder without one.</param>
internal sealed record DqProject(string Root, string? StorePath, string DocsPath, string? FilePath)
{
    public const string FileName = "dq.yml";
    public const string DefaultStore = ".dq/store.db";
    public const string DefaultDocs = ".dq/docs";

    /// <summary>The project whose folder holds <paramref name="start"/> (itself or an ancestor), or null.</summary>
    public static DqProject? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, FileName);
            if (File.Exists(file))
            {
                return Read(file);
            }
        }
        return null;
    }

    /// <summary>A project with the default settings rooted at <paramref name="root"/>, for a checkpoint outside any project.</summary>
    public static DqProject Default(string root) =>
        new(root, Path.Combine(root, DefaultStore), Path.Combine(root, DefaultDocs), null);

    /// <summary>Reads a <c>dq.yml</c> file.</summary>
    /// <exception cref="ConfigurationException">The file is not valid; the message says where.</exception>
    public static DqProject Read(string file)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var node = ConfigFile.Load(file, "project file");
        if (node is ConfigScalar { IsNull: true })
        {
            return Default(root) with { FilePath = file };
        }
        var map = Map(node, $"project file `{file}`");
        RejectUnknown(map, "the project file", "config_version", "store", "docs");
        if (map["config_version"] is { } v && Integer(v, "`config_version`", 1) != 1)
        {
            throw Error(v.Mark, "`config_version` must be 1: this dq reads version 1 project files. Upgrade dq to read newer ones.");
        }
        var store = map["store"] is { } s ? Text(s, "`store`") : DefaultStore;
        var docs = map["docs"] is { } d ? Text(d, "`docs`") : DefaultDocs;
        return new DqProject(
            root,
            store.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(Path.Combine(root, store)),
            Path.GetFullPath(Path.Combine(root, docs)),
            file);
    }
}
