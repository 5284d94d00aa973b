using CrmKit.Core.Outbox;
using CrmKit.Core.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Outbox;

/// <summary>A Core host whose dispatcher is driven by the test (no background loop) on a manual clock.</summary>
internal static class OutboxTestHost
{
    public static Task<CrmTestHost> StartAsync(
        ManualClock clock, Action<CrmKitBuilder>? configure = null, int maxAttempts = 3, string? directory = null) =>
        CrmTestHost.StartAsync(b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton(new System.Collections.Concurrent.ConcurrentQueue<CrmKit.Sdk.Pipeline.RecordHookContext>());
            b.Services.Configure<OutboxOptions>(o =>
            {
                o.Enabled = false;
                o.MaxAttempts = maxAttempts;
                o.BaseDelay = TimeSpan.FromSeconds(10);
                o.MaxDelay = TimeSpan.FromMinutes(1);
            });
            configure?.Invoke(b);
        }, directory);

    public static Task<int> DispatchAsync(this CrmTestHost host) =>
        host.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    public static IOutbox Outbox(this CrmTestHost host) => host.Services.GetRequiredService<IOutbox>();

    public static IOutboxAdmin Admin(this CrmTestHost host) => host.Services.GetRequiredService<IOutboxAdmin>();
}
