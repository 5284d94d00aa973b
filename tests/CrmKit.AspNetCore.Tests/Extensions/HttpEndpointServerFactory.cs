using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Extensions;

/// <summary>The real server with <see cref="EchoEndpointModule"/> added in code.</summary>
public sealed class HttpEndpointServerFactory() : TestServerFactory("crmkit-http-endpoints-")
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new EchoEndpointModule(), EchoEndpointModule.Manifest)));
}
