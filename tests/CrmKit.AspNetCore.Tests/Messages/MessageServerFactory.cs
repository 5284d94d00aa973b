using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Messages;

/// <summary>The real server with <see cref="DealMessageModule"/> added in code.</summary>
public sealed class MessageServerFactory() : TestServerFactory("crmkit-message-web-")
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new DealMessageModule(), DealMessageModule.Manifest)));
}
