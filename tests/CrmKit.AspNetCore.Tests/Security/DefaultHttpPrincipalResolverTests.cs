using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Sdk.Security;

namespace CrmKit.AspNetCore.Tests.Security;

public sealed class DefaultHttpPrincipalResolverTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    [Theory]
    [InlineData("crmkit-cli/0.1.0", CrmChannel.Cli)]
    [InlineData("curl/8.5.0", CrmChannel.Rest)]
    [InlineData("", CrmChannel.Rest)]
    public async Task Resolve_ShouldActAsTheKeysAccount_AndPickTheChannelFromTheUserAgent(string userAgent, CrmChannel expected)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);

        using var response = await client.SendAsync(request);

        var me = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        me["channel"]!.GetValue<string>().ShouldBe(expected.ToString().ToLowerInvariant());
        me["id"]!.GetValue<string>().ShouldBe("admin");
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["administrator"]);
    }
}
