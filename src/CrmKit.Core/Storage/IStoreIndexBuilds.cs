namespace CrmKit.Core.Storage;

/// <summary>
/// Implemented by a store that builds some field indexes in the background, after the metadata change that asked for
/// them committed (PostgreSQL's <c>CREATE INDEX CONCURRENTLY</c>), so that the build never holds up writes. Queries
/// give the same results before such an index is ready, only slower. A store that builds every index inside the
/// metadata change (SQLite) does not implement it.
/// </summary>
public interface IStoreIndexBuilds
{
    /// <summary>Lists the background index builds, pending, running, finished and failed, newest request first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The builds with their progress.</returns>
    Task<IReadOnlyList<StoreIndexBuild>> GetIndexBuildsAsync(CancellationToken cancellationToken);
}
