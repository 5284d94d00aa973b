using CrmKit.AspNetCore.Security;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Tests.Security;

public sealed class DefaultHttpPrincipalResolverTests
{
    [Theory]
    [InlineData("crmkit-cli/0.1.0", CrmChannel.Cli)]
    [InlineData("curl/8.5.0", CrmChannel.Rest)]
    [InlineData("", CrmChannel.Rest)]
    public async Task Resolve_ShouldPickTheChannelFromTheUserAgent(string userAgent, CrmChannel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = userAgent;

        var principal = await new DefaultHttpPrincipalResolver().ResolveAsync(context);

        principal.Channel.ShouldBe(expected);
        principal.UserId.ShouldBe("anonymous");
        principal.Roles.ShouldBeEmpty();
    }
}
