using System.Text.Json.Serialization;
using CrmKit.Core.Editions;

namespace CrmKit.Editions.Installing;

/// <summary>
/// What the store keeps about an installed edition (setting <c>edition:&lt;id&gt;</c>): its identity and ranges, and
/// what it put in place — the fields it declares per entity with a hash of each definition, the hashes of its
/// workflows and templates, and the record id of each seed key — so that an upgrade knows what the previous version
/// owned.
/// </summary>
internal sealed class InstalledEditionRecord
{
    public required string Id { get; set; }

    public required string Version { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string? CrmKit { get; set; }

    public Dictionary<string, string> Plugins { get; set; } = new(StringComparer.Ordinal);

    public string Sha512 { get; set; } = "";

    public DateTimeOffset InstalledAt { get; set; }

    public string InstalledBy { get; set; } = "";

    /// <summary>Entity to (field to hash of its definition in the edition).</summary>
    public Dictionary<string, Dictionary<string, string>> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Workflow name to hash of its document.</summary>
    public Dictionary<string, string> Workflows { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>name@locale</c> to hash of its source.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>entity/key</c> to record id.</summary>
    public Dictionary<string, Guid> Seed { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public long StoredVersion { get; set; }

    public InstalledEdition ToPublic() => new()
    {
        Id = Id,
        Version = Version,
        Title = Title,
        Description = Description,
        CrmKitRange = CrmKit,
        Plugins = new Dictionary<string, string>(Plugins, StringComparer.Ordinal),
        Sha512 = Sha512,
        InstalledAt = InstalledAt,
        InstalledBy = InstalledBy,
    };
}
