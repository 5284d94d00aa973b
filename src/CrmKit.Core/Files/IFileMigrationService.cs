using CrmKit.Sdk.Security;

namespace CrmKit.Core.Files;

/// <summary>
/// Moves attachment content between file stores in the background (<c>crmkit files migrate --to s3</c>). Each
/// attachment is copied, its length and SHA-256 checked against the metadata, switched to the target in the database
/// and then deleted from its old store; the database is the progress record, so a migration that stops (a restart, a
/// failure, a cancel) resumes where it was when started again. Needs the <c>plugins.manage</c> privilege.
/// </summary>
public interface IFileMigrationService
{
    /// <summary>Starts a migration to a store; one runs at a time per server.</summary>
    /// <param name="principal">Who starts it.</param>
    /// <param name="target">The store's name.</param>
    /// <param name="cancellationToken">Cancels starting (not the migration).</param>
    /// <returns>Its first status.</returns>
    Task<FileMigrationStatus> StartAsync(CrmPrincipal principal, string target, CancellationToken cancellationToken = default);

    /// <summary>The status of the current or last migration.</summary>
    /// <param name="principal">Who asks.</param>
    /// <returns>The status.</returns>
    FileMigrationStatus GetCurrent(CrmPrincipal principal);

    /// <summary>Cancels the running migration (what moved stays moved).</summary>
    /// <param name="principal">Who cancels.</param>
    /// <returns>The status.</returns>
    FileMigrationStatus Cancel(CrmPrincipal principal);
}
