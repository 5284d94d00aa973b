using System.Globalization;
using CrmKit.Core.Templates.Helpers;

namespace CrmKit.Core.Tests.Templates;

public sealed class FormatHelperTests
{
    private const char Nbsp = '\u00A0';
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Money_ShouldFormatRublesTheRussianWay() =>
        MoneyFormat.Format(1234.5m, "RUB", Ru).ShouldBe($"1{Nbsp}234,50{Nbsp}₽");

    [Fact]
    public void Money_ShouldPutTheIsoCodeFirst_InEnglish() =>
        MoneyFormat.Format(1234.5m, "RUB", En).ShouldBe("RUB 1,234.50");

    [Fact]
    public void Money_ShouldKeepTheSignBeforeTheCode_InEnglish() =>
        MoneyFormat.Format(-5m, "USD", En).ShouldBe("-USD 5.00");

    [Theory]
    [InlineData("JPY", "1235")]
    [InlineData("KWD", "1234.568")]
    [InlineData("USD", "1234.57")]
    public void Money_ShouldRoundToTheMinorUnit(string currency, string expected) =>
        MoneyFormat.Format(1234.5675m, currency, CultureInfo.InvariantCulture).Replace(",", string.Empty, StringComparison.Ordinal)
            .ShouldBe(currency + " " + expected);

    [Fact]
    public void Money_ShouldTakeTheCurrencyOfAMoneyObject()
    {
        var money = new Scriban.Runtime.ScriptObject { ["amount"] = 10m, ["currency"] = "EUR" };
        MoneyFormat.Format(money, null, Ru).ShouldBe($"10,00{Nbsp}€");
    }

    [Fact]
    public void Money_ShouldReturnEmpty_WhenNotANumber() => MoneyFormat.Format(null, "RUB", Ru).ShouldBeEmpty();

    [Theory]
    [InlineData("1234.50", null, "1 234,5")]
    [InlineData("1234", 2, "1 234,00")]
    [InlineData("0.125", 2, "0,13")]
    public void Number_ShouldUseTheRussianSeparators(string value, int? decimals, string expected) =>
        NumberFormat.Format(decimal.Parse(value, CultureInfo.InvariantCulture), decimals, Ru).Replace(Nbsp, ' ').ShouldBe(expected);

    [Fact]
    public void Number_ShouldUseTheEnglishSeparators() => NumberFormat.Format(1234567.891m, 1, En).ShouldBe("1,234,567.9");

    [Theory]
    [InlineData("2025-03-05", null, "05.03.2025")]
    [InlineData("2025-03-05", "long", "5 марта 2025 г.")]
    [InlineData("2025-03-05T14:30:00Z", "dd.MM.yyyy HH:mm", "05.03.2025 14:30")]
    public void DateFormat_ShouldFormatInRussian(string value, string? format, string expected) =>
        DateFormat.Format(value, format, null, Ru).ShouldBe(expected);

    [Fact]
    public void DateFormat_ShouldFormatLongDatesInEnglish() => DateFormat.Format("2025-03-05", "long", null, En).ShouldBe("March 5, 2025");

    [Fact]
    public void DateFormat_ShouldConvertToTheTimeZone() =>
        DateFormat.Format("2025-03-05T22:30:00Z", "dd.MM.yyyy HH:mm", TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"), Ru).ShouldBe("06.03.2025 01:30");

    [Fact]
    public void DateFormat_ShouldReturnEmpty_WhenNotADate() => DateFormat.Format("soon", null, null, Ru).ShouldBeEmpty();
}
