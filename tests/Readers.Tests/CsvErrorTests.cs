using System.Text;

using Dq.Expectations;

namespace Dq.Readers.Tests;

public sealed class CsvErrorTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private DataReadException ReadError(string text) => ReadError(Encoding.UTF8.GetBytes(text));

    private DataReadException ReadError(byte[] bytes)
    {
        using var source = new CsvSource(_files.WriteBytes("bad.csv", bytes));
        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, TestContext.Current.CancellationToken).ToList());
        Assert.Equal(_files.PathOf("bad.csv"), error.FilePath);
        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void UnterminatedQuote_NamesLineAndColumnWhereTheFieldStarts()
    {
        var error = ReadError("a,b\n1,2\n3,\"abc\n4,5\n");

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
        Assert.Contains("line 3, column 2 (`b`)", error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedQuote_AfterMultilineField_CountsItsLines()
    {
        var error = ReadError("a,b,c\n\"x\ny\",2,\"open\n");

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(3, error.ColumnNumber);
    }

    [Fact]
    public void TextAfterClosingQuote_NamesTheField()
    {
        var error = ReadError("a,b\n1,\"ab\"c\n");

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
        Assert.Contains("`\"ab\"c`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewFields_SaysExpectedAndFoundWithHeader()
    {
        var error = ReadError("a,b,c\n1,2,3\n4,5\n");

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(3, error.ColumnNumber);
        Assert.Contains("line 3: expected 3 fields, as in the header (`a`, `b`, `c`), but found 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFields_SaysExpectedAndFound()
    {
        var error = ReadError("a,b\r\n1,2\r\n\"x\r\ny\",2\r\n3,4,5\r\n");

        Assert.Equal(5, error.LineNumber);
        Assert.Equal(3, error.ColumnNumber);
        Assert.Contains("expected 2 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_NamesLineColumnAndByte()
    {
        var error = ReadError([.. "a,b\n1,2\n3,x"u8, 0xC3, 0x28, (byte)'\n']);

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
        Assert.Contains("not valid UTF-8 (byte 0xC3 at byte 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InHeader_IsAnError()
    {
        var error = ReadError([0xFF, .. ",b\n1,2\n"u8]);

        Assert.Equal(1, error.LineNumber);
        Assert.Equal(1, error.ColumnNumber);
    }

    [Fact]
    public void InvalidUtf8InALaterHeaderField_NamesThatField()
    {
        // The header's block has room for 64 fields before it knows it has 3: the error once said "column 64".
        var error = ReadError([.. "id,na"u8, 0xFF, .. "me,x\n1,a,b\n"u8]);

        Assert.Equal(1, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
    }

    [Fact]
    public void EmptyFile_SaysAHeaderIsNeeded()
    {
        var error = ReadError("");

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BomOnlyFile_IsEmpty()
    {
        var error = ReadError([0xEF, 0xBB, 0xBF]);

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyHeaderName_NamesTheColumn()
    {
        var error = ReadError("a,,c\n1,2,3\n");

        Assert.Equal(1, error.LineNumber);
        Assert.Equal(2, error.ColumnNumber);
        Assert.Contains("empty column name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateHeaderName_NamesBothColumns()
    {
        var error = ReadError("id,x,id\n1,2,3\n");

        Assert.Equal(3, error.ColumnNumber);
        Assert.Contains("`id` twice (columns 1 and 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_SaysThePath()
    {
        string path = _files.PathOf("nowhere.csv");
        using var source = new CsvSource(path);

        var error = Assert.Throws<DataReadException>(() => source.Schema);

        Assert.Equal(path, error.FilePath);
        Assert.Contains($"`{path}` does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrayQuoteInUnquotedField_IsKeptAsText()
    {
        using var source = new CsvSource(_files.WriteText("ok.csv", "size,name\n5,15\" screen\n"));

        Assert.Equal([[5L, "15\" screen"]], BatchValues.ReadAll(source));
    }
}
