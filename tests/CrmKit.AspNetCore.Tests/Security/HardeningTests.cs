using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>Security headers, the per-key rate limit and the request size limit.</summary>
public sealed class HardeningTests
{
    [Theory]
    [InlineData("/api/records/contact")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/health")]
    public async Task Answers_ShouldCarryTheSecurityHeaders(string path)
    {
        using var factory = new CrmKitServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task RateLimit_ShouldRefuseAKeyOverItsLimit_WithRetryAfter_AndLeaveOtherKeysAlone()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Api:RateLimit:PermitLimit"] = "5";
        factory.Settings["CrmKit:Api:RateLimit:Window"] = "00:01:00";
        var security = new SecurityApi(factory);
        var busy = await security.ClientForNewUserAsync("busy", "administrator");
        var calm = await security.ClientForNewUserAsync("calm", "administrator");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await busy.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[5].ShouldBe(HttpStatusCode.TooManyRequests);
        var problem = await refused!.ShouldBeProblemAsync(429, "rate_limited");
        var retryAfter = problem["retryAfter"]!.GetValue<int>();
        retryAfter.ShouldBeInRange(2, 60, "the wait until the one-minute window resets, not a token second");
        refused!.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(retryAfter));
        (await calm.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimit_ShouldAlsoBindCallersWithoutCredentials()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Api:RateLimit:PermitLimit"] = "3";
        using var anonymous = factory.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await anonymous.GetAsync("/api/records/contact");
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task RateLimit_ShouldNeverStarveHealthProbes()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Api:RateLimit:PermitLimit"] = "2";
        using var anonymous = factory.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await anonymous.GetAsync("/api/records/contact");
        }

        (await anonymous.GetAsync("/api/records/contact")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 5; i++)
        {
            using var health = await anonymous.GetAsync("/health");
            health.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task LargeBody_ShouldBeRefusedBeforeAnythingIsStored()
    {
        using var factory = new CrmKitServerFactory();
        factory.Settings["CrmKit:Api:MaxRequestBodyBytes"] = "1000";
        var api = new CrmApi(factory.CreateClient());
        var before = await api.CountAsync("note");

        using var response = await api.PostJsonAsync("/api/records/note", "{\"body\": \"" + new string('a', 5000) + "\"}");

        await response.ShouldBeProblemAsync(413, "request.too_large");
        (await api.CountAsync("note")).ShouldBe(before);
    }
}
