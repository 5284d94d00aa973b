using System.Globalization;
using CrmKit.Core.Templates.Helpers;

namespace CrmKit.Core.Tests.Templates;

public sealed class PluralFormsTests
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(0, "дней")]
    [InlineData(1, "день")]
    [InlineData(2, "дня")]
    [InlineData(4, "дня")]
    [InlineData(5, "дней")]
    [InlineData(11, "дней")]
    [InlineData(12, "дней")]
    [InlineData(14, "дней")]
    [InlineData(21, "день")]
    [InlineData(22, "дня")]
    [InlineData(25, "дней")]
    [InlineData(101, "день")]
    [InlineData(111, "дней")]
    [InlineData(1001, "день")]
    [InlineData(-1, "день")]
    public void Choose_ShouldFollowRussianRules(int n, string expected) =>
        PluralForms.Choose(n, "день", "дня", "дней", Ru).ShouldBe(expected);

    [Fact]
    public void Choose_ShouldTakeFew_ForRussianFractions() =>
        PluralForms.Choose(1.5m, "день", "дня", "дней", Ru).ShouldBe("дня");

    [Theory]
    [InlineData(1, "day")]
    [InlineData(0, "days")]
    [InlineData(2, "days")]
    [InlineData(21, "days")]
    public void Choose_ShouldUseOneAndOther_InEnglish(int n, string expected) =>
        PluralForms.Choose(n, "day", "days", null, En).ShouldBe(expected);
}
