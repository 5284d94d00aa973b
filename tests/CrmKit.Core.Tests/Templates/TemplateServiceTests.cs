using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Templates;

public sealed class TemplateServiceTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TemplateTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Save_ShouldCreateAtVersionOne_AndUpdateWithTheVersionRead()
    {
        var created = await _host.SaveAsync("deal.offer", "v1", version: 0);
        var updated = await _host.SaveAsync("deal.offer", "v2", version: 1);

        created.Version.ShouldBe(1);
        updated.Version.ShouldBe(2);
        (await _host.Templates().GetAsync("deal.offer", "ru-RU")).Source.ShouldBe("v2");
    }

    [Fact]
    public async Task Save_ShouldReturnConflict_WhenVersionIsStale()
    {
        await _host.SaveAsync("deal.offer", "v1");
        await _host.SaveAsync("deal.offer", "v2");

        var e = await Should.ThrowAsync<CrmException>(() => _host.SaveAsync("deal.offer", "v3", version: 1));

        e.Code.ShouldBe(TemplateErrorCodes.VersionConflict);
        e.Kind.ShouldBe(CrmErrorKind.Conflict);
        e.Extensions["currentVersion"].ShouldBe(2L);
    }

    [Fact]
    public async Task Save_ShouldFailWithSyntaxAndPosition_WhenTheSourceDoesNotParse()
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.SaveAsync("deal.offer", "Hello\n{{ if }}"));

        e.Code.ShouldBe(TemplateErrorCodes.Syntax);
        e.Kind.ShouldBe(CrmErrorKind.BadRequest);
        e.Extensions["line"].ShouldBe(2);
        e.Errors.ShouldNotBeEmpty();
        e.Errors[0].Pointer.ShouldBe("/source");
    }

    [Theory]
    [InlineData("Deal.Offer", "ru-RU", "document", "/name")]
    [InlineData("deal..offer", "ru-RU", "document", "/name")]
    [InlineData("deal.offer", "russian", "document", "/locale")]
    [InlineData("deal.offer", "ru-RU", "fax", "/kind")]
    public async Task Save_ShouldRejectInvalidMetadata(string name, string locale, string kind, string pointer)
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.SaveAsync(name, "x", locale, kind));

        e.Code.ShouldBe(TemplateErrorCodes.Invalid);
        e.Errors.Single().Pointer.ShouldBe(pointer);
    }

    [Theory]
    [InlineData("ru-RU", "ru-RU")]
    [InlineData("ru-KZ", "ru")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "en")]
    public async Task Get_ShouldFallBack_FromLocaleToLanguageToAny(string wanted, string expected)
    {
        await _host.SaveAsync("mail.welcome", "ru-RU", "ru-RU");
        await _host.SaveAsync("mail.welcome", "ru", "ru");
        await _host.SaveAsync("mail.welcome", "en", "en");

        (await _host.Templates().GetAsync("mail.welcome", wanted)).Locale.ShouldBe(expected);
    }

    [Fact]
    public async Task Delete_ShouldRemoveOneLocale_OrAll()
    {
        await _host.SaveAsync("mail.welcome", "ru", "ru");
        await _host.SaveAsync("mail.welcome", "en", "en");

        await _host.Templates().DeleteAsync(CrmTestHost.User, "mail.welcome", "en");
        (await _host.Templates().ListAsync()).Select(t => t.Locale).ShouldBe(["ru"]);

        await _host.Templates().DeleteAsync(CrmTestHost.User, "mail.welcome", null);
        (await _host.Templates().ListAsync()).ShouldBeEmpty();
        var e = await Should.ThrowAsync<CrmException>(() => _host.Templates().GetAsync("mail.welcome", null));
        e.Code.ShouldBe(TemplateErrorCodes.NotFound);
    }

    [Fact]
    public async Task Render_ShouldSeeANewVersion_AfterASave()
    {
        await _host.SaveAsync("mail.short", "one");
        (await _host.Renderer().RenderAsync("mail.short", new TemplateModel(), CancellationToken.None)).ShouldBe("one");

        await _host.SaveAsync("mail.short", "two");

        (await _host.Renderer().RenderAsync("mail.short", new TemplateModel(), CancellationToken.None)).ShouldBe("two");
    }

    [Fact]
    public async Task Preview_ShouldRenderTheCommercialOffer_WithRelatedCompanyAndContact()
    {
        var company = await _host.CreateAsync("company", """{"name": "Ромашка", "legal_name": "ООО «Ромашка»"}""");
        var contact = await _host.CreateAsync("contact", """{"first_name": "Иван", "last_name": "Петров"}""");
        var deal = await _host.CreateAsync("deal", $$"""
            {"title": "Поставка серверов", "stage": "won", "amount": {"amount": 1234.5, "currency": "RUB"},
             "company": "{{company.Id}}", "contact": "{{contact.Id}}"}
            """);
        await _host.SaveAsync("deal.offer", OfferExample.Source);

        var text = await _host.Templates().PreviewAsync(CrmTestHost.User, "deal.offer", "deal", deal.Id, "ru-RU");

        text.ShouldContain("Кому: ООО «Ромашка», Иван Петров");
        text.ShouldContain("Сумма: 1\u00A0234,50\u00A0₽ (Одна тысяча двести тридцать четыре рубля 50 копеек)");
        text.ShouldContain("Поставка серверов");
    }

    [Fact]
    public async Task Preview_ShouldFailWithNotFound_WhenTheRecordDoesNotExist()
    {
        await _host.SaveAsync("deal.offer", "x");

        var e = await Should.ThrowAsync<CrmException>(() =>
            _host.Templates().PreviewAsync(CrmTestHost.User, "deal.offer", "deal", Guid.CreateVersion7(), null));

        e.Kind.ShouldBe(CrmErrorKind.NotFound);
    }
}
