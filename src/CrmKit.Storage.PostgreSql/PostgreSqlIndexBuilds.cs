namespace CrmKit.Storage.PostgreSql;

/// <summary>The states of a row of <c>crm_index_builds</c> and the advisory lock its builder holds.</summary>
internal static class PostgreSqlIndexBuilds
{
    /// <summary>Requested by a committed metadata change, not started (or started by a node that stopped).</summary>
    public const string Pending = "pending";

    /// <summary>A builder runs <c>CREATE INDEX CONCURRENTLY</c>.</summary>
    public const string Building = "building";

    /// <summary>Built and valid.</summary>
    public const string Ready = "ready";

    /// <summary>The build failed; <c>error</c> says why. The next metadata change of the entity asks again.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// The first key of the two-key session advisory lock a builder holds on an index while it works on it (the second
    /// is <c>hashtext(index_name)</c>), so one node builds each index. Two-key locks never collide with the store's
    /// one-key locks.
    /// </summary>
    public const int LockClass = 0x43524D49; // "CRMI"

    /// <summary>Whether a builder still has work to do on a row in this state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True for pending and building.</returns>
    public static bool IsActive(string state) => state is Pending or Building;

    /// <summary>The concurrent form of a plain <c>CREATE INDEX</c> statement.</summary>
    /// <param name="definition">The statement, as <see cref="PostgreSqlIndexDefinitions.For"/> writes it.</param>
    /// <returns>The statement with <c>CONCURRENTLY</c>.</returns>
    public static string Concurrently(string definition)
    {
        const string Plain = "CREATE INDEX ";
        if (!definition.StartsWith(Plain, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Not a plain CREATE INDEX statement: " + definition);
        }

        return "CREATE INDEX CONCURRENTLY " + definition[Plain.Length..];
    }
}
