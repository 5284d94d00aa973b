namespace CrmKit.Core.Storage;

/// <summary>Thrown by a store when a schema version is saved out of sequence (another change won the race).</summary>
public sealed class MetadataConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="version">The version that could not be saved.</param>
    public MetadataConcurrencyException(string entity, long version)
        : base($"Version {version} of '{entity}' does not follow the current version.")
    {
        Entity = entity;
        Version = version;
    }

    /// <summary>The entity.</summary>
    public string Entity { get; }

    /// <summary>The version that could not be saved.</summary>
    public long Version { get; }
}
