using Microsoft.AspNetCore.Hosting;

namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>The real server with its default configuration. One instance per test class (a class fixture).</summary>
public sealed class CrmKitServerFactory() : TestServerFactory("crmkit-web-")
{
    protected override void Configure(IWebHostBuilder builder)
    {
    }
}
