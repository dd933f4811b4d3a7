using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

/// <summary>What a SQLite error on the validation store means to the user, and what to do about it.</summary>
internal static class StoreFailure
{
    // SQLite's primary result codes (https://www.sqlite.org/rescode.html).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static string Message(string? path, SqliteException error)
    {
        var store = path is null ? "the validation store" : $"the validation store `{path}`";
        var advice = (error.SqliteErrorCode & 0xFF) switch
        {
            Corrupt or NotADatabase => "The file is damaged: move it aside to start a new store (`sqlite3 <file> .recover` may save its runs), or restore a backup.",
            Full => "The disk is full: free some space (`dq runs prune` removes old runs), or pass another --store.",
            ReadOnly or CantOpen => "The file or its folder cannot be written: check the permissions and that the disk is not mounted read-only, or pass another --store.",
            Busy or Locked => "Another process holds the store locked: let it finish and run again.",
            IoError => "The disk reported an I/O error: check the disk, or pass another --store.",
            _ => "Check the file, or pass another --store (`--store none` keeps no history).",
        };
        return $"{store} could not be used (SQLite: {error.Message.Replace("SQLite Error ", "error ", StringComparison.Ordinal)}). {advice}";
    }
}
