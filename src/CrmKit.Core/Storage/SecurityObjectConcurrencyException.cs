namespace CrmKit.Core.Storage;

/// <summary>A security object was written or deleted with a version other than its stored one.</summary>
public sealed class SecurityObjectConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The object's kind.</param>
    /// <param name="id">The object's id.</param>
    /// <param name="expectedVersion">The version the writer expected (0: the object must not exist).</param>
    public SecurityObjectConcurrencyException(string kind, string id, long expectedVersion)
        : base($"The {kind} '{id}' is not at version {expectedVersion}.")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
    }

    /// <summary>The object's kind.</summary>
    public string Kind { get; }

    /// <summary>The object's id.</summary>
    public string Id { get; }

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }
}
