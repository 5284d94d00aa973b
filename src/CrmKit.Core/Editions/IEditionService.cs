using CrmKit.Sdk.Security;

namespace CrmKit.Core.Editions;

/// <summary>
/// Plans, installs and upgrades editions (packages of type <c>CrmKitEdition</c>) fetched from the host's feeds, and
/// lists the installed ones. Implemented in CrmKit.Editions; the REST layer and the CLI go through this contract.
/// </summary>
public interface IEditionService
{
    /// <summary>Lists the installed editions.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The installed editions, ordered by id.</returns>
    Task<IReadOnlyList<InstalledEdition>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Computes what installing or upgrading to the requested edition would change, changing nothing: plugins,
    /// entities and fields, workflows, templates, seed records and settings, with every problem that prevents it.
    /// </summary>
    /// <param name="request">The edition and the operation.</param>
    /// <param name="principal">Who asks (needs <c>plugins.manage</c> and <c>metadata.manage</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The plan; <see cref="EditionPlan.CanApply"/> is false when it has problems.</returns>
    Task<EditionPlan> PlanAsync(EditionRequest request, CrmPrincipal principal, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the plan of <paramref name="request"/> all or nothing: the plugins first (hot-loaded), then one store
    /// transaction for metadata, workflows, templates, seed records, settings and the installed-edition record. Any
    /// failure rolls everything back. Re-installing the installed version changes nothing.
    /// </summary>
    /// <param name="request">The edition and the operation.</param>
    /// <param name="principal">Who asks (needs <c>plugins.manage</c> and <c>metadata.manage</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The plan that was applied.</returns>
    /// <exception cref="EditionException">The plan has problems, or applying it failed (nothing changed).</exception>
    Task<EditionPlan> ApplyAsync(EditionRequest request, CrmPrincipal principal, CancellationToken cancellationToken);
}
