using System.Globalization;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Tests.Localization;

public class LocalizedTextTests
{
    private static readonly LocalizedText Deal = new([
        new("en", "Deal"),
        new("ru", "Сделка"),
        new("pt-BR", "Negócio"),
    ]);

    [Fact]
    public void Get_ShouldReturnExactCulture_WhenPresent()
    {
        Deal.Get(CultureInfo.GetCultureInfo("pt-BR")).ShouldBe("Negócio");
    }

    [Fact]
    public void Get_ShouldFallBackToLanguage_WhenRegionalCultureMissing()
    {
        Deal.Get(CultureInfo.GetCultureInfo("ru-RU")).ShouldBe("Сделка");
    }

    [Fact]
    public void Get_ShouldFallBackToEnglish_WhenCultureMissing()
    {
        Deal.Get(CultureInfo.GetCultureInfo("de-DE")).ShouldBe("Deal");
    }

    [Fact]
    public void Get_ShouldFallBackToAnyText_WhenEnglishMissing()
    {
        var text = new LocalizedText([new("ru", "Сделка")]);

        text.Get(CultureInfo.GetCultureInfo("de-DE")).ShouldBe("Сделка");
    }

    [Fact]
    public void Get_ShouldReturnEmptyString_WhenThereAreNoTexts()
    {
        new LocalizedText([]).Get(CultureInfo.GetCultureInfo("en")).ShouldBe(string.Empty);
    }

    [Fact]
    public void Get_ShouldMatchCultureNamesIgnoringCase()
    {
        var text = new LocalizedText([new("EN", "Deal"), new("RU", "Сделка")]);

        text.Get(CultureInfo.GetCultureInfo("ru")).ShouldBe("Сделка");
    }

    [Fact]
    public void Get_ShouldUseCurrentUICulture_WhenCultureIsNull()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");

            Deal.Get().ShouldBe("Сделка");
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Of_ShouldCreateEnglishAndRussianTexts()
    {
        var text = LocalizedText.Of("Won", "Выиграна");

        text.Texts.Count.ShouldBe(2);
        text.Texts["en"].ShouldBe("Won");
        text.Texts["ru"].ShouldBe("Выиграна");
    }

    [Fact]
    public void Of_ShouldCreateEnglishOnly_WhenRussianIsNull()
    {
        LocalizedText.Of("Won").Texts.Keys.ShouldBe(["en"]);
    }

    [Fact]
    public void ToString_ShouldReturnEnglish()
    {
        Deal.ToString().ShouldBe("Deal");
    }
}
