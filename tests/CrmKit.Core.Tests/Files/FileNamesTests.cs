using CrmKit.Core.Files;

namespace CrmKit.Core.Tests.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("offer.pdf", "offer.pdf")]
    [InlineData("Счёт №1.pdf", "Счёт №1.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("/absolute/path/name.txt", "name.txt")]
    [InlineData("C:\\Users\\a\\report.docx", "report.docx")]
    [InlineData("a\u0000b\u0007c\r\n.txt", "abc.txt")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("zero\u200Bwidth.txt", "zerowidth.txt")]
    [InlineData("what?<are>:these|\"*.txt", "what__are__these___.txt")]
    [InlineData("  spaced.txt  ", "spaced.txt")]
    [InlineData("...hidden", "hidden")]
    [InlineData("trailing dots...", "trailing dots")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("dir/", "file")]
    [InlineData("\u0001\u0002", "file")]
    [InlineData("e\u0301.txt", "\u00e9.txt")]
    public void Neutralize_ShouldKeepOnlyASafeLastSegment(string? name, string expected) =>
        FileNames.Neutralize(name).ShouldBe(expected);

    [Fact]
    public void Neutralize_ShouldCutLongNames_KeepingTheExtensionAndWholeCharacters()
    {
        var name = new string('я', 300) + "😀😀.pdf";

        var result = FileNames.Neutralize(name);

        result.Length.ShouldBeLessThanOrEqualTo(255);
        result.ShouldEndWith(".pdf");
        result.ShouldStartWith("яяя");
        char.IsHighSurrogate(result[^5]).ShouldBeFalse();
    }
}
