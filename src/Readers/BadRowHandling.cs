using Dq.Expectations.Results;
namespace Dq.Readers;

/// <summary>What a reader does with a malformed record.</summary>
public enum BadRowHandling
{
    /// <summary>Stop with a <see cref="Dq.Expectations.DataReadException"/> naming the file, line, column and what was found.</summary>
    Error,

    /// <summary>
    /// Skip the record, and count it in <see cref="IBadRowReport.BadRows"/> with its line number. An unterminated
    /// quote is still an error: it swallows the rest of the file, so no later row can be trusted.
    /// </summary>
    Skip,
}
