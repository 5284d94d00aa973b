using System.Net;
using CrmKit.Plugins.Channels.Tests.Infrastructure;

namespace CrmKit.Plugins.Channels.Tests;

/// <summary>The website form channel through the stock server.</summary>
public sealed class WebFormTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";
    private static readonly string Token = "?token=" + ChannelServer.FormToken;
    private readonly ChannelServer _server = fixture.Server;

    [Fact]
    public async Task A_submission_creates_a_lead_with_its_utm_tags_and_the_cors_header()
    {
        using var browser = _server.Anonymous();
        var response = await browser.PostWebhookAsync("site",
            "name=%D0%90%D0%BD%D0%BD%D0%B0+%D0%A1%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%D0%B0&email=anna%40example.ru&phone=8+(916)+444-00-01" +
            "&message=Нужна+демонстрация&company=ООО+Ландыш&utm_source=yandex&utm_medium=cpc&utm_campaign=spring&website=",
            UrlEncoded, Token, ("Origin", ChannelServer.SiteOrigin), ("X-Forwarded-For", "10.0.0.1"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join('\n', _server.Errors.Lines));
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([ChannelServer.SiteOrigin]);

        using var admin = _server.Admin();
        var lead = (await admin.ListAsync("lead", "email eq 'anna@example.ru'")).ShouldHaveSingleItem();
        lead["source"]!.GetValue<string>().ShouldBe("website");
        lead["utm_source"]!.GetValue<string>().ShouldBe("yandex");
        lead["utm_medium"]!.GetValue<string>().ShouldBe("cpc");
        lead["utm_campaign"]!.GetValue<string>().ShouldBe("spring");
        lead["company_name"]!.GetValue<string>().ShouldBe("ООО Ландыш");
        lead["phone"]!.GetValue<string>().ShouldBe("+79164440001");
        lead["contact_name"]!.GetValue<string>().ShouldBe("Анна Смирнова");
        lead["source_detail"]!.GetValue<string>().ShouldBe("Заявка с сайта / yandex");
        var activity = (await admin.ListAsync("activity", $"lead eq '{lead.Id()}'")).ShouldHaveSingleItem();
        activity["subject"]!.GetValue<string>().ShouldBe("Нужна демонстрация");
    }

    [Fact]
    public async Task A_json_submission_with_its_own_id_is_stored_once()
    {
        using var browser = _server.Anonymous();
        const string body = """{"email":"once@example.ru","name":"Олег","submission_id":"page-42-1"}""";
        for (var i = 0; i < 2; i++)
        {
            (await browser.PostWebhookAsync("site", body, query: Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var admin = _server.Admin();
        var lead = (await admin.ListAsync("lead", "email eq 'once@example.ru'")).ShouldHaveSingleItem();
        (await admin.ListAsync("activity", $"lead eq '{lead.Id()}'")).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("?token=wrong-token-0123456789abc")]
    [InlineData("")]
    public async Task A_wrong_or_missing_token_is_refused_and_stores_nothing(string query)
    {
        using var browser = _server.Anonymous();
        (await browser.PostWebhookAsync("site", "email=forged%40example.ru", UrlEncoded, query)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = _server.Admin();
        (await admin.ListAsync("lead", "email eq 'forged@example.ru'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_origin_is_refused_and_the_allowed_one_gets_its_preflight()
    {
        using var browser = _server.Anonymous();
        (await browser.PostWebhookAsync("site", "email=evil%40example.ru", UrlEncoded, Token, ("Origin", "https://evil.example")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/channels/site/webhook" + Token);
        preflight.Headers.Add("Origin", ChannelServer.SiteOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await browser.SendAsync(preflight);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([ChannelServer.SiteOrigin]);
        response.Headers.GetValues("Access-Control-Allow-Methods").ShouldBe(["POST"]);
        using var admin = _server.Admin();
        (await admin.ListAsync("lead", "email eq 'evil@example.ru'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_stores_nothing()
    {
        using var browser = _server.Anonymous();
        var response = await browser.PostWebhookAsync("site", "email=bot%40example.ru&website=http%3A%2F%2Fspam", UrlEncoded, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = _server.Admin();
        (await admin.ListAsync("lead", "email eq 'bot@example.ru'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_submission_without_email_or_phone_is_a_422()
    {
        using var browser = _server.Anonymous();
        (await browser.PostWebhookAsync("site", "name=Nobody", UrlEncoded, Token)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }
}
