using CrmKit.Core.Editions;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Editions;

/// <summary>Refuses to start (before the store is initialized or migrated) when an installed edition excludes this CrmKit version.</summary>
internal sealed class EditionCompatibilityCheck(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = await EditionCompatibility.FindIncompatibilitiesAsync(services, cancellationToken);
        if (problems.Count > 0)
        {
            throw new EditionException(problems.Select(p => new EditionProblem(EditionErrorCodes.CoreIncompatible, p)).ToList());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
