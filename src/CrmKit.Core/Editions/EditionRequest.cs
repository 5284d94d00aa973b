namespace CrmKit.Core.Editions;

/// <summary>An edition to plan or apply.</summary>
public sealed class EditionRequest
{
    /// <summary>The edition's package id.</summary>
    public required string Id { get; init; }

    /// <summary>The exact version; null for the highest version the feeds have.</summary>
    public string? Version { get; init; }

    /// <summary>Install or upgrade.</summary>
    public EditionOperation Operation { get; init; }

    /// <summary>Whether a prerelease version may be chosen when <see cref="Version"/> is null.</summary>
    public bool IncludePrerelease { get; init; }
}
