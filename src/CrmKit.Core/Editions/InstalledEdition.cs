namespace CrmKit.Core.Editions;

/// <summary>An installed edition.</summary>
public sealed class InstalledEdition
{
    /// <summary>The edition id.</summary>
    public required string Id { get; init; }

    /// <summary>The installed version.</summary>
    public required string Version { get; init; }

    /// <summary>The title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The CrmKit version range the edition supports; null when it states none.</summary>
    public string? CrmKitRange { get; init; }

    /// <summary>The plugins with the version ranges the edition requires (plugin id to range).</summary>
    public IReadOnlyDictionary<string, string> Plugins { get; init; } = new Dictionary<string, string>();

    /// <summary>The SHA-512 (base64) of the installed package.</summary>
    public string Sha512 { get; init; } = "";

    /// <summary>When the version was installed.</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>Who installed it.</summary>
    public string InstalledBy { get; init; } = "";
}
