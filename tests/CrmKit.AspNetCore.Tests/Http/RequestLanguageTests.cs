using CrmKit.AspNetCore.Http;

namespace CrmKit.AspNetCore.Tests.Http;

public sealed class RequestLanguageTests
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("ru", "ru")]
    [InlineData("ru-RU", "ru")]
    [InlineData("RU", "ru")]
    [InlineData("en-US,ru;q=0.9", "en")]
    [InlineData("de, ru;q=0.5", "ru")]
    [InlineData("ru;q=0.2, en;q=0.8", "en")]
    [InlineData("ru;q=0, en;q=0.1", "en")]
    [InlineData("fr", "en")]
    [InlineData("*", "en")]
    [InlineData(";;;garbage", "en")]
    public void Pick_ShouldChooseTheBestSupportedLanguage(string? header, string expected)
    {
        RequestLanguage.Pick(header).Name.ShouldBe(expected);
    }
}
