using System.Text;

namespace Dq.Readers.Tests;

/// <summary>Temporary files for one test, deleted on dispose, and the shared test data folder.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dq-readers-tests", Guid.NewGuid().ToString("N"));

    public TestFiles() => Directory.CreateDirectory(_folder);

    public string PathOf(string name) => Path.Combine(_folder, name);

    public string WriteText(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The repository's sibling <c>shared</c> folder: walk up to the folder with dq.slnx, then ../shared.</summary>
    public static string SharedFolder
    {
        get
        {
            DirectoryInfo? folder = new(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "dq.slnx")))
            {
                folder = folder.Parent;
            }
            Assert.True(folder is not null, $"No folder with dq.slnx above {AppContext.BaseDirectory}; the tests must run inside the repository.");
            string shared = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared"));
            Assert.True(Directory.Exists(shared), $"The shared test data folder `{shared}` is missing; it must sit beside the repository root.");
            return shared;
        }
    }

    public static string ParquetTestingData(string file)
    {
        string path = Path.Combine(SharedFolder, "conformance", "parquet-testing", "data", file);
        Assert.True(File.Exists(path), $"The conformance file `{path}` is missing from the shared folder.");
        return path;
    }
}
