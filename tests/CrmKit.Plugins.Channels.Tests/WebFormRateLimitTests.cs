using System.Net;
using CrmKit.Plugins.Channels.Tests.Infrastructure;

namespace CrmKit.Plugins.Channels.Tests;

/// <summary>The form's rate limit, on a server of its own so the other form tests do not use up its window.</summary>
public sealed class WebFormRateLimitTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    [Fact]
    public async Task Submissions_over_the_limit_from_one_address_are_a_429_and_store_nothing()
    {
        using var browser = fixture.Server.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ChannelServer.FormRateLimit + 1; i++)
        {
            var response = await browser.PostWebhookAsync(
                "site", $"email=rate{i}%40example.ru", "application/x-www-form-urlencoded", "?token=" + ChannelServer.FormToken);
            statuses.Add(response.StatusCode);
        }

        // A minute boundary inside the loop may open a new window; at least the calls past the limit in one window fail.
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(1);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeGreaterThanOrEqualTo(ChannelServer.FormRateLimit);
        using var admin = fixture.Server.Admin();
        var stored = 0;
        for (var i = 0; i <= ChannelServer.FormRateLimit + 1; i++)
        {
            stored += (await admin.ListAsync("lead", $"email eq 'rate{i}@example.ru'")).Count;
        }

        stored.ShouldBe(statuses.Count(s => s == HttpStatusCode.OK));
    }
}
