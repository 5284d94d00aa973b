using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Outbox;

/// <summary>
/// The real server with the outbox's diagnostic jobs on (<c>CrmKit:Outbox:DiagnosticJobs</c>), a short poll interval,
/// and <see cref="LoopingHookModule"/> added in code.
/// </summary>
public sealed class OutboxServerFactory() : TestServerFactory("crmkit-outbox-web-")
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Outbox:DiagnosticJobs", "true");
        builder.UseSetting("CrmKit:Outbox:PollInterval", "00:00:00.100");
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new LoopingHookModule(), LoopingHookModule.Manifest)));
    }
}
