using System.Reflection;
using CrmKit.Core.Editions;
using CrmKit.Core.Metadata;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Editions.Installing;
using CrmKit.Editions.Planning;
using CrmKit.Editions.Reading;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NuGet.Versioning;

namespace CrmKit.Editions;

/// <summary>The default <see cref="IEditionService"/>.</summary>
internal sealed class EditionService(
    IServiceProvider services,
    ICrmStore store,
    EditionFeed feed,
    EditionPlanner planner,
    EditionInstaller installer,
    InstalledEditionStore editions,
    ICrmStateReloader reloader,
    IAccessControl access,
    IOptions<EditionOptions> options) : IEditionService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public NuGetVersion CoreVersion { get; } = ResolveCoreVersion(options.Value.CoreVersion);

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<InstalledEdition>> ListAsync(CancellationToken cancellationToken) =>
        (await editions.ListAsync(cancellationToken)).Select(e => e.ToPublic()).ToList();

    public async Task<EditionPlan> PlanAsync(EditionRequest request, CrmPrincipal principal, CancellationToken cancellationToken)
    {
        Demand(principal);
        var fetched = await feed.FetchAsync(request, cancellationToken);
        return (await PlanAsync(fetched.Content, fetched.Source, request, cancellationToken)).Plan;
    }

    public async Task<EditionPlan> ApplyAsync(EditionRequest request, CrmPrincipal principal, CancellationToken cancellationToken)
    {
        Demand(principal);
        var fetched = await feed.FetchAsync(request, cancellationToken);
        return await ApplyAsync(fetched, request, principal, cancellationToken);
    }

    /// <summary>Plans and applies an edition already fetched (or read from a local package).</summary>
    internal async Task<EditionPlan> ApplyAsync(FetchedEdition fetched, EditionRequest request, CrmPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            throw new EditionException([new EditionProblem(EditionErrorCodes.Busy, "Another edition is being installed; try again when it is done.")]);
        }

        try
        {
            var details = await PlanAsync(fetched.Content, fetched.Source, request, cancellationToken);
            if (!details.Plan.CanApply)
            {
                throw new EditionException(details.Plan.Problems, plan: details.Plan);
            }

            if (details.Plan.UpToDate)
            {
                return details.Plan;
            }

            var change = await ApplyPluginsAsync(details, cancellationToken);
            try
            {
                await AmbientStoreTransaction.RunAsync(store, async ct =>
                {
                    // Planned again against the state the plugins left (their entities and field types now exist).
                    var installed = await editions.FindAsync(fetched.Content.Id, ct);
                    var final = await planner.PlanAsync(
                        fetched.Content, installed, request.Operation, CoreVersion, details.PluginPlan, pluginsLoaded: true, fetched.Source, ct);
                    if (!final.Plan.CanApply)
                    {
                        throw new EditionException(final.Plan.Problems, plan: final.Plan);
                    }

                    details = final;
                    await installer.ExecuteAsync(final, principal, fetched.Sha512, ct);
                }, cancellationToken);
            }
            catch (Exception e)
            {
                await reloader.ReloadAsync(CancellationToken.None);
                if (change is not null)
                {
                    await change.RollbackAsync(CancellationToken.None);
                }

                if (e is OperationCanceledException)
                {
                    throw;
                }

                throw e is EditionException edition
                    ? new EditionException(edition.Problems, e, details.Plan)
                    : new EditionException([new EditionProblem(EditionErrorCodes.ApplyFailed, $"Applying edition {fetched.Content.Id} failed; nothing was changed: {e.Message}")], e, details.Plan);
            }

            if (change is not null)
            {
                await change.CommitAsync(cancellationToken);
                await change.DisposeAsync();
            }

            return details.Plan;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal async Task<EditionPlanDetails> PlanAsync(EditionContent content, string? source, EditionRequest request, CancellationToken cancellationToken)
    {
        var installed = await editions.FindAsync(content.Id, cancellationToken);
        var pluginPlan = await PlanPluginsAsync(content, cancellationToken);
        return await planner.PlanAsync(content, installed, request.Operation, CoreVersion, pluginPlan, pluginsLoaded: false, source, cancellationToken);
    }

    private async Task<PluginPackagePlan?> PlanPluginsAsync(EditionContent content, CancellationToken cancellationToken)
    {
        if (content.Plugins.Count == 0)
        {
            return null;
        }

        var packages = services.GetService<IPluginPackageManager>();
        if (packages is null)
        {
            return new PluginPackagePlan
            {
                Problems = [new PluginPackageProblem(PluginPackageErrorCodes.InvalidConfiguration,
                    "The edition installs plugins, but this host has no plugin distribution (AddPluginPackages).")],
            };
        }

        EditionConstraintSource.Exclude(content.Id);
        try
        {
            return await packages.PlanAsync(new PluginPackageRequest
            {
                Install = content.Plugins.Select(p => new PluginPackageRequirement(p.Id, p.Range.ToNormalizedString())).ToList(),
            }, cancellationToken);
        }
        catch (PluginPackageException e)
        {
            return new PluginPackagePlan { Problems = e.Problems };
        }
        finally
        {
            EditionConstraintSource.Exclude(null);
        }
    }

    private async Task<IPluginPackageChange?> ApplyPluginsAsync(EditionPlanDetails details, CancellationToken cancellationToken)
    {
        if (details.PluginPlan is not { HasChanges: true } plan)
        {
            return null;
        }

        try
        {
            return await services.GetRequiredService<IPluginPackageManager>().ApplyAsync(plan, cancellationToken);
        }
        catch (PluginPackageException e)
        {
            throw new EditionException(
                e.Problems.Select(p => new EditionProblem(EditionErrorCodes.PluginUnavailable, $"{p.Message} ({p.Code})", EditionReader.ManifestFile, "/plugins")).ToList(),
                e, details.Plan);
        }
    }

    private void Demand(CrmPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        access.DemandPrivilege(principal, CrmPrivileges.PluginsManage);
        access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
    }

    internal static NuGetVersion ResolveCoreVersion(string? configured)
    {
        var text = configured ?? typeof(IMetadataService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return NuGetVersion.Parse(text.Split('+')[0]);
    }
}
