using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Core.Fields.BuiltIn;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.Fields;

public sealed class MoneyFieldTypeTests
{
    private readonly MoneyFieldType _type = new();

    [Theory]
    [InlineData("12345678901234.56", "RUB")]
    [InlineData("0.1", "USD")]
    [InlineData("1.50", "EUR")]
    [InlineData("-250", "CNY")]
    [InlineData("1000000", "KZT")]
    [InlineData("99.99", "BYN")]
    [InlineData("0.1234", "CLF")]
    [InlineData("1.000000", "KWD")]
    public void Normalize_ShouldKeepAmountByteExact(string amount, string currency)
    {
        var context = _type.Normalize($$"""{"amount": {{amount}}, "currency": "{{currency}}"}""");

        context.ShouldBeAccepted();
        context.Value["amount"]!.ToJsonString().ShouldBe(amount);
        context.Value["currency"]!.GetValue<string>().ShouldBe(currency);
    }

    [Fact]
    public void Normalize_ShouldUpperCaseCurrency()
    {
        var context = _type.Normalize("""{"amount": 10, "currency": "rub"}""");

        context.ShouldBeAccepted();
        context.Value["currency"]!.GetValue<string>().ShouldBe("RUB");
        context.Value["amount"]!.ToJsonString().ShouldBe("10");
    }

    [Fact]
    public void Normalize_ShouldRewriteExponentAmountInPlainNotation()
    {
        var context = _type.Normalize("""{"amount": 1.5e3, "currency": "RUB"}""");

        context.ShouldBeAccepted();
        context.Value["amount"]!.ToJsonString().ShouldBe("1500");
    }

    [Fact]
    public void Normalize_ShouldNotChangeTheNodeItWasGiven()
    {
        var original = JsonNode.Parse("""{"amount": 1, "currency": "usd"}""")!;
        var field = new FieldDefinition(
            "price", "money", _type.Descriptor.GetBaseSchema(), LocalizedText.Of("Price"), false);
        var context = new FieldValueContext(field, original, "/price");

        _type.Normalize(context);

        original["currency"]!.GetValue<string>().ShouldBe("usd");
        context.Value["currency"]!.GetValue<string>().ShouldBe("USD");
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("RUR")]
    [InlineData("HRK")]
    [InlineData("XXX")]
    [InlineData("abc")]
    public void Normalize_ShouldRefuseUnknownCurrency(string currency)
    {
        var context = _type.Normalize($$"""{"amount": 1, "currency": "{{currency}}"}""");

        context.ShouldBeRefusedWith(FieldErrorCodes.MoneyUnknownCurrency);
        context.Errors[0].Message.Texts["en"].ShouldContain(currency);
    }

    [Theory]
    [InlineData("0.12345")]
    [InlineData("100.00001")]
    public void Normalize_ShouldRefuseMoreThanFourFractionDigits(string amount)
    {
        _type.Normalize($$"""{"amount": {{amount}}, "currency": "RUB"}""")
            .ShouldBeRefusedWith(FieldErrorCodes.MoneyFractionDigits);
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e40")]
    public void Normalize_ShouldRefuseAmountDecimalCannotHold(string amount)
    {
        _type.Normalize($$"""{"amount": {{amount}}, "currency": "RUB"}""")
            .ShouldBeRefusedWith(FieldErrorCodes.MoneyOutOfRange);
    }

    [Fact]
    public void Normalize_ShouldReportAmountAndCurrencyTogether()
    {
        var context = _type.Normalize("""{"amount": 0.000001, "currency": "QQQ"}""");

        context.Errors.Select(e => e.Code).ShouldBe(
            [FieldErrorCodes.MoneyFractionDigits, FieldErrorCodes.MoneyUnknownCurrency], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"amount": "10", "currency": "RUB"}""")]
    [InlineData("""{"amount": 10, "currency": "RUBLES"}""")]
    [InlineData("""{"amount": 10}""")]
    [InlineData("""{"currency": 643}""")]
    [InlineData("""{"amount": 10, "currency": "RUB", "extra": 1}""")]
    [InlineData("10")]
    [InlineData("[10, \"RUB\"]")]
    public void Normalize_ShouldLeaveWrongShapesToTheSchema(string json)
    {
        var context = _type.Normalize(json);

        context.ShouldBeAccepted();
        context.Value.ToJsonString().ShouldBe(JsonNode.Parse(json)!.ToJsonString());
    }

    [Theory]
    [InlineData("RUB")]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("CNY")]
    [InlineData("KZT")]
    [InlineData("BYN")]
    [InlineData("UZS")]
    [InlineData("AMD")]
    [InlineData("GEL")]
    [InlineData("TRY")]
    [InlineData("AED")]
    [InlineData("XAU")]
    public void CurrencyCodes_ShouldIncludeCommonCurrencies(string code)
    {
        CurrencyCodes.Active.ShouldContain(code);
    }

    [Fact]
    public void CurrencyCodes_ShouldHoldOnlyThreeUpperCaseLetters()
    {
        CurrencyCodes.Active.Count.ShouldBeGreaterThan(170);
        CurrencyCodes.Active.ShouldAllBe(c => c.Length == 3 && c.All(char.IsAsciiLetterUpper));
    }
}
