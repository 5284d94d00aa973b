using CrmKit.Core.Templates.Helpers;

namespace CrmKit.Core.Tests.Templates;

public sealed class RussianAmountInWordsTests
{
    [Theory]
    [InlineData("0", "Ноль рублей 00 копеек")]
    [InlineData("1", "Один рубль 00 копеек")]
    [InlineData("2", "Два рубля 00 копеек")]
    [InlineData("5", "Пять рублей 00 копеек")]
    [InlineData("11", "Одиннадцать рублей 00 копеек")]
    [InlineData("12", "Двенадцать рублей 00 копеек")]
    [InlineData("14", "Четырнадцать рублей 00 копеек")]
    [InlineData("21", "Двадцать один рубль 00 копеек")]
    [InlineData("22", "Двадцать два рубля 00 копеек")]
    [InlineData("101", "Сто один рубль 00 копеек")]
    [InlineData("111", "Сто одиннадцать рублей 00 копеек")]
    [InlineData("1000", "Одна тысяча рублей 00 копеек")]
    [InlineData("2000", "Две тысячи рублей 00 копеек")]
    [InlineData("5000", "Пять тысяч рублей 00 копеек")]
    [InlineData("11000", "Одиннадцать тысяч рублей 00 копеек")]
    [InlineData("21000", "Двадцать одна тысяча рублей 00 копеек")]
    [InlineData("1234.50", "Одна тысяча двести тридцать четыре рубля 50 копеек")]
    [InlineData("1000000", "Один миллион рублей 00 копеек")]
    [InlineData("2000000", "Два миллиона рублей 00 копеек")]
    [InlineData("1000000000", "Один миллиард рублей 00 копеек")]
    [InlineData("1002003", "Один миллион две тысячи три рубля 00 копеек")]
    [InlineData("999999999.99", "Девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять рублей 99 копеек")]
    [InlineData("0.01", "Ноль рублей 01 копейка")]
    [InlineData("0.02", "Ноль рублей 02 копейки")]
    [InlineData("0.11", "Ноль рублей 11 копеек")]
    [InlineData("0.21", "Ноль рублей 21 копейка")]
    [InlineData("1.005", "Один рубль 01 копейка")]
    [InlineData("-3", "Минус три рубля 00 копеек")]
    public void Spell_ShouldSpellRubles_WithGenderAndPluralRules(string amount, string expected) =>
        RussianAmountInWords.Spell(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "RUB").ShouldBe(expected);

    [Theory]
    [InlineData("USD", "21.01", "Двадцать один доллар США 01 цент")]
    [InlineData("EUR", "2.05", "Два евро 05 евроцентов")]
    public void Spell_ShouldUseTheCurrencyNouns(string currency, string amount, string expected) =>
        RussianAmountInWords.Spell(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBe(expected);

    [Fact]
    public void Spell_ShouldThrow_WhenTheCurrencyIsNotSupported() =>
        Should.Throw<ArgumentException>(() => RussianAmountInWords.Spell(1m, "JPY"));

    [Fact]
    public void Spell_ShouldReturnEmpty_WhenTheValueIsNotANumber() =>
        RussianAmountInWords.Spell("abc", "RUB").ShouldBeEmpty();

    [Theory]
    [InlineData(1, false, "один")]
    [InlineData(1, true, "одна")]
    [InlineData(2, true, "две")]
    [InlineData(1_000_000_000_000, false, "один триллион")]
    [InlineData(40_090, false, "сорок тысяч девяносто")]
    public void Spell_ShouldSpellNumbers_InTheNounsGender(long number, bool feminine, string expected) =>
        RussianNumberWords.Spell(number, feminine).ShouldBe(expected);
}
