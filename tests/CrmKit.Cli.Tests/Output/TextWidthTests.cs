using CrmKit.Cli.Output;

namespace CrmKit.Cli.Tests.Output;

public sealed class TextWidthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("Привет", 6)]
    [InlineData("日本", 4)]
    [InlineData("e\u0301", 1)]
    [InlineData("😀", 2)]
    public void Of_ShouldCountTerminalColumns(string text, int expected) => TextWidth.Of(text).ShouldBe(expected);

    [Fact]
    public void Truncate_ShouldNotSplitWideCharacters()
    {
        var cut = TextWidth.Truncate("日本語のテキスト", 6);

        cut.ShouldBe("日本…");
        TextWidth.Of(cut).ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public void Truncate_ShouldKeepTextThatFits() => TextWidth.Truncate("Анна", 4).ShouldBe("Анна");
}
