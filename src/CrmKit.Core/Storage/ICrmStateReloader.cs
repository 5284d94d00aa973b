namespace CrmKit.Core.Storage;

/// <summary>
/// Reloads this node's in-memory copies of stored state — the metadata registry, the workflow registry, the template
/// cache and the module settings — from the store, exactly as stored. Called after an
/// <see cref="AmbientStoreTransaction"/> rolled back, since the services published their changes when their joined
/// sessions "committed".
/// </summary>
public interface ICrmStateReloader
{
    /// <summary>Reloads everything from the store.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task ReloadAsync(CancellationToken cancellationToken);
}
