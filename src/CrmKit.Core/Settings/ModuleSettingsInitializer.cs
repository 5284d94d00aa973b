using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Settings;

/// <summary>
/// Loads the saved settings of every module registered at start-up, after the store is initialized, so that modules
/// read them from memory from the first request on. Resolving the service here also surfaces a bad schema at start-up.
/// </summary>
internal sealed class ModuleSettingsInitializer(DefaultModuleSettingsService settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var moduleId in settings.ModuleIds)
        {
            await settings.LoadAsync(moduleId, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
